package vn.qualityledger.command.nonconformity;

import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.nonconformity.NonconformityId;
import vn.qualityledger.api.nonconformity.NonconformityOrigin;
import vn.qualityledger.command.common.Refusal;

/**
 * Who may do what to a nonconformity (the permission rows of the README), decided in the aggregate so that no way into
 * the service skips it. The organisation rule ({@code Acting}) applies first.
 */
final class NonconformityAccessPolicy {

    private NonconformityAccessPolicy() {
    }

    /**
     * By hand or from a complaint: the quality roles and auditors. The service raises the others itself, on behalf of
     * whoever caused them: a member of the audit team (of any working role) who recorded the finding, the QMR who closed
     * the year. Their right to do that was checked where they did it, so here the nonconformity must only carry the id
     * derived from its origin, which nothing but that finding or objective can have.
     */
    static void requireRaiser(Actor actor, NonconformityId id, NonconformityOrigin origin) {
        switch (origin.source()) {
            case MANUAL, COMPLAINT -> {
                if (!actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY, Role.QMR, Role.AUDITOR)) {
                    throw Refusal.forbidden("RAISERS_ONLY", "Only the ISO secretary, the QMR, an auditor or an administrator raises a nonconformity");
                }
                // or a hand-raised one could take the id of one the service will raise, which would then be lost
                if (NonconformityId.isDerived(id)) {
                    throw Refusal.ruleBroken("ID_RESERVED", "nonconformityId",
                            "Ids of the form NC-<name-based UUID> are kept for the nonconformities the service raises; choose another");
                }
            }
            case AUDIT_FINDING -> requireRaisedByTheService(actor, id, NonconformityId.forFinding(origin.auditId(), origin.findingId()));
            case OBJECTIVE_NOT_ACHIEVED -> requireRaisedByTheService(actor, id, NonconformityId.forObjectiveNotAchieved(origin.objectiveId()));
        }
    }

    private static void requireRaisedByTheService(Actor actor, NonconformityId id, NonconformityId derived) {
        if (!actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY, Role.QMR, Role.UNIT_HEAD, Role.STAFF, Role.AUDITOR)) {
            throw Refusal.forbidden("RAISERS_ONLY", "Only someone who works in the quality system causes a nonconformity");
        }
        if (!derived.equals(id)) {
            throw Refusal.forbidden("RAISED_BY_THE_SERVICE",
                    "A nonconformity from a finding or a missed objective is raised by the service itself, as " + derived);
        }
    }

    /** Planning an action: as {@link #requireHandler}, and a unit head plans only actions their own unit carries out. */
    static void requireActionPlanner(Actor actor, String unit, String ownerUnit) {
        requireHandler(actor, unit);
        if (!actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY, Role.QMR) && !actor.unit().equals(ownerUnit)) {
            throw Refusal.forbidden("OWN_UNITS_ACTIONS_ONLY", "A unit head plans only actions that their own unit (" + actor.unit() + ") carries out");
        }
    }

    /** Correction, root cause and planning: the quality roles, or the head of the unit the nonconformity is about. */
    static void requireHandler(Actor actor, String unit) {
        if (actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY, Role.QMR)) {
            return;
        }
        if (actor.has(Role.UNIT_HEAD) && unit != null && unit.equals(actor.unit())) {
            return;
        }
        throw Refusal.forbidden("NOT_YOUR_UNITS_NONCONFORMITY",
                "Only the ISO secretary, the QMR, an administrator or the head of unit " + unit + " handles this nonconformity");
    }

    /** Implementing an action: the secretary, an administrator, or the head or staff of the action's owner unit. */
    static void requireImplementer(Actor actor, String ownerUnit) {
        if (actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY)) {
            return;
        }
        if (actor.hasAny(Role.UNIT_HEAD, Role.STAFF) && ownerUnit.equals(actor.unit())) {
            return;
        }
        throw Refusal.forbidden("NOT_YOUR_UNITS_ACTION", "Only unit " + ownerUnit + ", the ISO secretary or an administrator implements this action");
    }

    /** Verifying effectiveness: the QMR, an auditor or an administrator, and never the one who implemented the action. */
    static void requireVerifier(Actor actor, String implementedBy) {
        if (!actor.hasAny(Role.ADMIN, Role.QMR, Role.AUDITOR)) {
            throw Refusal.forbidden("VERIFIERS_ONLY", "Only the QMR, an auditor or an administrator verifies an action's effectiveness");
        }
        if (actor.id().equals(implementedBy)) {
            throw Refusal.forbidden("OWN_ACTION", "Nobody verifies an action they implemented themselves");
        }
    }

    /** Closing and reopening: the QMR or an administrator. */
    static void requireCloser(Actor actor) {
        if (!actor.hasAny(Role.ADMIN, Role.QMR)) {
            throw Refusal.forbidden("QMR_ONLY", "Only the QMR or an administrator closes or reopens a nonconformity");
        }
    }
}
