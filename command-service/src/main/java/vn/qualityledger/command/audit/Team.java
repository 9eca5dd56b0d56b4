package vn.qualityledger.command.audit;

import java.util.List;
import java.util.stream.Stream;
import vn.qualityledger.api.audit.TeamMember;
import vn.qualityledger.api.common.Decision;

/** The audit team as last appointed: who may record the audit's notes and findings. */
record Team(TeamMember leadAuditor, List<TeamMember> members, Decision decision) {

    Team {
        members = members == null ? List.of() : List.copyOf(members);
    }

    Stream<TeamMember> everyone() {
        return Stream.concat(Stream.of(leadAuditor), members.stream());
    }

    /** The team member signed in as this user, or null. */
    TeamMember member(String userId) {
        return everyone().filter(m -> m.userId().equals(userId)).findFirst().orElse(null);
    }

    boolean isLead(String userId) {
        return leadAuditor.userId().equals(userId);
    }
}
