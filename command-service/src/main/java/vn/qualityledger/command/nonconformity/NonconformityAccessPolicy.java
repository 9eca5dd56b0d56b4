package vn.qualityledger.command.nonconformity;

import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.command.common.Refusal;

/**
 * Who may do what to a nonconformity (the permission rows of the README), decided in the aggregate so that no way into
 * the service skips it. The organisation rule ({@code Acting}) applies first.
 */
final class NonconformityAccessPolicy {

    private NonconformityAccessPolicy() {
    }

    /** Raising (by hand, from a complaint, or automatically on behalf of whoever caused it): quality roles and auditors. */
    static void requireRaiser(Actor actor) {
        if (!actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY, Role.QMR, Role.AUDITOR)) {
            throw Refusal.forbidden("RAISERS_ONLY", "Only the ISO secretary, the QMR, an auditor or an administrator raises a nonconformity");
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
