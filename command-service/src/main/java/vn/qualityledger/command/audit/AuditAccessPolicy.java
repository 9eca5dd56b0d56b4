package vn.qualityledger.command.audit;

import vn.qualityledger.api.audit.TeamMember;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.command.common.Refusal;

/**
 * Who may issue which command on an internal audit (the permission matrix of the README), decided in the aggregate so
 * that no way into the service can skip it. The organisation rule ({@code Acting}) comes first, in the aggregate.
 */
final class AuditAccessPolicy {

    private AuditAccessPolicy() {
    }

    /** Planning the round and appointing its team: the ISO secretary, the QMR, an administrator. */
    static void requirePlanner(Actor actor) {
        if (!isPlanner(actor)) {
            throw Refusal.forbidden("PLANNERS_ONLY", "Only the ISO secretary, the QMR or an administrator plans an audit and appoints its team");
        }
    }

    /** The programme: the planners, and the lead auditor of the appointed team. */
    static void requireScheduler(Actor actor, Team team) {
        if (!isPlanner(actor) && !(team != null && team.isLead(actor.id()))) {
            throw Refusal.forbidden("PLANNERS_OR_LEAD_ONLY", "Only the planners or the lead auditor schedule unit audits");
        }
    }

    /**
     * Unit audits and findings are recorded by the auditors of this audit's team only, of any working role (a finding
     * raises a nonconformity on their behalf, which read-only roles cannot cause), and never for their own unit.
     */
    static void requireAuditorOf(Actor actor, Team team, String unit) {
        TeamMember member = team == null ? null : team.member(actor.id());
        boolean working = actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY, Role.QMR, Role.AUDITOR, Role.UNIT_HEAD, Role.STAFF);
        if (member == null || !working) {
            throw Refusal.forbidden("TEAM_ONLY", "Only an auditor on this audit's team records its unit audits and findings");
        }
        if (AuditorIndependence.auditsOwnUnit(member.unit(), unit) || AuditorIndependence.auditsOwnUnit(actor.unit(), unit)) {
            throw Refusal.forbidden("OWN_UNIT", "An auditor does not audit their own unit (" + unit + ")");
        }
    }

    /** The summary report: the lead auditor, who wrote it, or the QMR or an administrator on the team's behalf. */
    static void requireReporter(Actor actor, Team team) {
        boolean lead = team != null && team.isLead(actor.id());
        if (!lead && !actor.hasAny(Role.ADMIN, Role.QMR)) {
            throw Refusal.forbidden("LEAD_OR_QMR_ONLY", "Only the lead auditor, the QMR or an administrator issues the audit report");
        }
    }

    /** Closing the round: the QMR or an administrator. */
    static void requireCloser(Actor actor) {
        if (!actor.hasAny(Role.ADMIN, Role.QMR)) {
            throw Refusal.forbidden("QMR_ONLY", "Only the QMR or an administrator closes an audit round");
        }
    }

    private static boolean isPlanner(Actor actor) {
        return actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY, Role.QMR);
    }
}
