package vn.qualityledger.web.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.qualityledger.web.Reads;
import vn.qualityledger.web.SignedInUser;

/**
 * Which audit forms a page offers the signed-in user: the README's audit permission matrix (command-service's
 * {@code AuditAccessPolicy}), for display only, with the state that makes a step apply (a team to schedule with, a
 * unit audit held before its findings, the report before the closing). The service still decides every command: a form
 * offered by mistake ends in its refusal, shown with its reason.
 */
final class AuditActions {

    private static final List<String> PLANNERS = List.of("ADMIN", "ISO_SECRETARY", "QMR");
    /** Read-only roles never record (a finding raises a nonconformity on the recorder's behalf). */
    private static final List<String> WORKING = List.of("ADMIN", "ISO_SECRETARY", "QMR", "AUDITOR", "UNIT_HEAD", "STAFF");

    private AuditActions() {
    }

    /** Planning a round: the ISO secretary, the QMR, an administrator, of the organisation. */
    static boolean mayPlan(SignedInUser user, String organisationId) {
        return ownOrganisation(user, organisationId) && PLANNERS.stream().anyMatch(user::hasRole);
    }

    /** Appointing (or re-appointing) the team: the planners, until the round is settled by its report. */
    static boolean mayAppoint(SignedInUser user, AuditRound round) {
        return mayPlan(user, round.organisationId()) && !round.settled();
    }

    /** Scheduling a unit's audit: the planners and the lead auditor, once the team is appointed, until the unit is audited. */
    static boolean maySchedule(SignedInUser user, AuditRound round, String unit) {
        boolean planner = mayPlan(user, round.organisationId());
        boolean lead = ownOrganisation(user, round.organisationId()) && round.isLead(user.actorId());
        Map<String, Object> unitAudit = round.unitAudit(unit);
        return (planner || lead) && round.team() != null && !round.settled() && (unitAudit == null || unitAudit.get("held") == null);
    }

    /** Recording a scheduled unit audit as held: an auditor on the team, not of that unit. */
    static boolean mayRecordHeld(SignedInUser user, AuditRound round, String unit) {
        Map<String, Object> unitAudit = round.unitAudit(unit);
        return unitAudit != null && unitAudit.get("scheduled") != null && unitAudit.get("held") == null && !round.settled()
                && onTheTeamFor(user, round, unit);
    }

    /** Recording a finding of a unit whose audit was held: an auditor on the team, not of that unit. */
    static boolean mayRecordFinding(SignedInUser user, AuditRound round, String unit) {
        Map<String, Object> unitAudit = round.unitAudit(unit);
        return unitAudit != null && unitAudit.get("held") != null && !round.settled() && onTheTeamFor(user, round, unit);
    }

    /** Issuing the report: the lead auditor, the QMR or an administrator, once a unit audit was held. */
    static boolean mayReport(SignedInUser user, AuditRound round) {
        boolean allowed = ownOrganisation(user, round.organisationId()) && (user.hasRole("ADMIN") || user.hasRole("QMR") || round.isLead(user.actorId()));
        return allowed && round.report() == null && round.closing() == null && round.anyUnitHeld();
    }

    /** Closing the round: the QMR or an administrator, once the report is issued. */
    static boolean mayClose(SignedInUser user, AuditRound round) {
        return ownOrganisation(user, round.organisationId()) && (user.hasRole("ADMIN") || user.hasRole("QMR"))
                && round.report() != null && round.closing() == null;
    }

    /**
     * On the round's current team, in a working role, and not auditing their own unit: neither the unit the decision
     * names for them nor their sign-in unit.
     */
    static boolean onTheTeamFor(SignedInUser user, AuditRound round, String unit) {
        Map<String, Object> member = round.member(user.actorId());
        return member != null && ownOrganisation(user, round.organisationId()) && WORKING.stream().anyMatch(user::hasRole)
                && !Objects.equals(Reads.text(member.get("unit")), unit) && !Objects.equals(user.unit(), unit);
    }

    private static boolean ownOrganisation(SignedInUser user, String organisationId) {
        return organisationId != null && organisationId.equals(user.organisation());
    }
}
