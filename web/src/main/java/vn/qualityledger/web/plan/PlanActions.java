package vn.qualityledger.web.plan;

import vn.qualityledger.web.SignedInUser;

/**
 * Which plan forms a page offers, from the README's permission matrix (display only; the service decides): planners
 * (see {@code OfferedActions.isPlanner}) define, revise, publish and plan; only the QMR and administrators close a year.
 */
final class PlanActions {

    private PlanActions() {
    }

    static boolean mayClose(SignedInUser user) {
        return user.hasRole("ADMIN") || user.hasRole("QMR");
    }
}
