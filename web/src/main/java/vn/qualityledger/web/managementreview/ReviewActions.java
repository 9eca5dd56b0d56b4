package vn.qualityledger.web.managementreview;

import java.util.Map;
import vn.qualityledger.web.Reads;
import vn.qualityledger.web.SignedInUser;

/**
 * Which management review forms a page offers the signed-in user: the README's "management review command" matrix
 * (command-service's {@code ReviewAccessPolicy}), for display only, with the state that makes a step apply (notes and
 * holding while planned, decisions and minutes once held, completing a decision not done). The service still decides
 * every command: a form offered by mistake ends in its refusal, shown with its reason.
 */
final class ReviewActions {

    private ReviewActions() {
    }

    /** Planning, notes, holding, decisions, minutes, cancelling: the QMR, the ISO secretary, an administrator, of the organisation. */
    static boolean mayOrganise(SignedInUser user, String organisationId) {
        return ownOrganisation(user, organisationId) && (user.hasRole("ADMIN") || user.hasRole("ISO_SECRETARY") || user.hasRole("QMR"));
    }

    /** The secretary's notes: before the review is held (REVIEW_ALREADY_HELD), never on a cancelled one. */
    static boolean mayRecordNotes(SignedInUser user, Map<String, Object> review) {
        return mayOrganise(user, organisation(review)) && "PLANNED".equals(review.get("status"));
    }

    /** Holding and cancelling: a planned review (a held one is a fact, a cancelled one is never held). */
    static boolean mayHoldOrCancel(SignedInUser user, Map<String, Object> review) {
        return mayOrganise(user, organisation(review)) && "PLANNED".equals(review.get("status"));
    }

    /** Recording a decision, issuing the minutes: once held and before the minutes (REVIEW_NOT_HELD, MINUTES_ALREADY_ISSUED). */
    static boolean mayDecideOrIssue(SignedInUser user, Map<String, Object> review) {
        return mayOrganise(user, organisation(review)) && "HELD".equals(review.get("status"));
    }

    /**
     * Completing a decision not yet done: the ISO secretary or an administrator, or the head or staff of the unit that
     * owns it (not the QMR: NOT_YOUR_UNITS_DECISION).
     */
    static boolean mayComplete(SignedInUser user, Map<String, Object> review, Map<String, Object> decision) {
        if (!ownOrganisation(user, organisation(review)) || "DONE".equals(decision.get("status"))) {
            return false;
        }
        if (user.hasRole("ADMIN") || user.hasRole("ISO_SECRETARY")) {
            return true;
        }
        String ownerUnit = Reads.text(decision.get("ownerUnit"));
        return (user.hasRole("UNIT_HEAD") || user.hasRole("STAFF")) && user.unit() != null && !user.unit().isBlank()
                && user.unit().equals(ownerUnit);
    }

    private static String organisation(Map<String, Object> review) {
        return Reads.text(review.get("organisationId"));
    }

    private static boolean ownOrganisation(SignedInUser user, String organisationId) {
        return organisationId != null && organisationId.equals(user.organisation());
    }
}
