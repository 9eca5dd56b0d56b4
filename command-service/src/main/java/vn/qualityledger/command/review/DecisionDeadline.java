package vn.qualityledger.command.review;

import java.time.Instant;
import java.time.LocalDate;
import vn.qualityledger.command.common.SystemAttribution;

/**
 * When an uncompleted review decision becomes overdue: from the start of the day after its due date in the agency's
 * zone, as a corrective action ({@link SystemAttribution#overdueAt}).
 */
final class DecisionDeadline {

    /** The deadline's name; its payload is the decision id. */
    static final String OVERDUE = "review-decision-overdue";

    private DecisionDeadline() {
    }

    static Instant overdueAt(LocalDate dueDate) {
        return SystemAttribution.overdueAt(dueDate);
    }
}
