package vn.qualityledger.command.nonconformity;

import java.util.Collection;
import vn.qualityledger.command.common.Refusal;

/**
 * When a nonconformity may be closed (ISO 9001:2015, 10.2): at least one corrective action; none planned and not yet
 * implemented, none implemented and not yet verified; the latest action verified effective (a "not effective" verdict
 * calls for a new action, planned after it, whichever action it was about); and after a reopening, a new action planned
 * since.
 */
final class ClosurePolicy {

    private ClosurePolicy() {
    }

    static void requireClosable(Collection<Nonconformity.Action> actions, boolean reopenedSinceLatestAction,
                                boolean ineffectiveSinceLatestAction) {
        if (actions.isEmpty()) {
            throw Refusal.ruleBroken("NO_CORRECTIVE_ACTION", null, "A nonconformity is closed only after a corrective action");
        }
        if (actions.stream().anyMatch(a -> a.status() == Nonconformity.ActionStatus.PLANNED)) {
            throw Refusal.ruleBroken("ACTIONS_NOT_IMPLEMENTED", null, "Every planned corrective action must be implemented first");
        }
        if (actions.stream().anyMatch(a -> a.status() == Nonconformity.ActionStatus.IMPLEMENTED)) {
            throw Refusal.ruleBroken("ACTIONS_NOT_VERIFIED", null, "Every implemented action's effectiveness must be verified first");
        }
        if (reopenedSinceLatestAction) {
            throw Refusal.ruleBroken("NEW_ACTION_REQUIRED", null,
                    "The nonconformity was reopened: a new corrective action verified effective is needed before closing");
        }
        // every action is verified by now, so an ineffective latest one is a verdict with no action planned since
        if (ineffectiveSinceLatestAction) {
            throw Refusal.ruleBroken("NEW_ACTION_REQUIRED", null,
                    "An action was not effective: a new corrective action verified effective is needed before closing");
        }
    }
}
