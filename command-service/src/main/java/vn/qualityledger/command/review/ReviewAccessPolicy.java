package vn.qualityledger.command.review;

import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.command.common.Refusal;

/**
 * Who may do what to a management review (the permission rows of the README), decided in the aggregate so that no way
 * into the service skips it. The organisation rule ({@code Acting}) applies first.
 */
final class ReviewAccessPolicy {

    private ReviewAccessPolicy() {
    }

    /**
     * Planning, notes, holding, decisions, minutes and cancelling: the plan's measure I.4 is monitored by the QMR and the
     * ISO secretary ("QMR; Thư ký ISO"), who prepare and record the review; an administrator as everywhere.
     */
    static void requireOrganiser(Actor actor) {
        if (!actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY, Role.QMR)) {
            throw Refusal.forbidden("REVIEW_ORGANISERS_ONLY", "Only the QMR, the ISO secretary or an administrator organises a management review");
        }
    }

    /**
     * Completing a decision: the head or staff of the unit that owns it (as for a corrective action they implement), or
     * the ISO secretary or an administrator recording it for them.
     */
    static void requireCompleter(Actor actor, String ownerUnit) {
        if (actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY)) {
            return;
        }
        if (actor.hasAny(Role.UNIT_HEAD, Role.STAFF) && ownerUnit.equals(actor.unit())) {
            return;
        }
        throw Refusal.forbidden("NOT_YOUR_UNITS_DECISION",
                "Only unit " + ownerUnit + ", the ISO secretary or an administrator completes this decision");
    }
}
