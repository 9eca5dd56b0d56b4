package vn.qualityledger.command.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.qualityledger.api.audit.TeamMember;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.command.common.Refusal;

/** A team is appointed by a decision (number and date), under a lead auditor, with each auditor named once. */
final class AuditTeamPolicy {

    private AuditTeamPolicy() {
    }

    static void requireValid(TeamMember leadAuditor, List<TeamMember> members, Decision decision) {
        if (leadAuditor == null) {
            throw Refusal.ruleBroken("LEAD_AUDITOR_REQUIRED", "leadAuditor", "A team needs a lead auditor");
        }
        requireComplete(leadAuditor, "leadAuditor");
        Set<String> users = new HashSet<>(Set.of(leadAuditor.userId()));
        for (int i = 0; i < members.size(); i++) {
            TeamMember member = members.get(i);
            String field = "members[" + i + "]";
            if (member == null) {
                throw Refusal.ruleBroken("TEAM_MEMBER_INCOMPLETE", field, "A team member names the user and their name");
            }
            requireComplete(member, field);
            if (!users.add(member.userId())) {
                throw Refusal.ruleBroken("TEAM_MEMBER_TWICE", field + ".userId", member.userId() + " is on the team twice");
            }
        }
        if (decision == null || AuditPlanPolicy.isBlank(decision.number()) || decision.date() == null) {
            throw Refusal.ruleBroken("DECISION_REQUIRED", "decision", "A team is appointed by a decision with its number and date");
        }
    }

    private static void requireComplete(TeamMember member, String field) {
        if (AuditPlanPolicy.isBlank(member.userId())) {
            throw Refusal.ruleBroken("TEAM_MEMBER_INCOMPLETE", field + ".userId", "A team member names the user who signs in");
        }
        if (AuditPlanPolicy.isBlank(member.name())) {
            throw Refusal.ruleBroken("TEAM_MEMBER_INCOMPLETE", field + ".name", "A team member names the auditor as the decision does");
        }
    }
}
