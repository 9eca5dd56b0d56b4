package vn.qualityledger.command.nonconformity;

import java.time.Instant;
import java.time.LocalDate;
import vn.qualityledger.command.common.SystemAttribution;

/**
 * When an unimplemented corrective action becomes overdue: from the start of the day after its due date in the
 * agency's zone ({@link SystemAttribution#overdueAt}); the overdue event is the system's, caused by the action's
 * planning ({@link SystemAttribution#metaData}).
 */
final class ActionDeadline {

    /** The deadline's name; its payload is the action id. */
    static final String OVERDUE = "corrective-action-overdue";

    private ActionDeadline() {
    }

    static Instant overdueAt(LocalDate dueDate) {
        return SystemAttribution.overdueAt(dueDate);
    }
}
