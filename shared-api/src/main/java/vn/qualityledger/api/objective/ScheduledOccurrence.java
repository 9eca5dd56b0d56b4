package vn.qualityledger.api.objective;

import java.time.LocalDate;

/**
 * One piece of work a schedule yields, as recorded when the measure was planned or revised.
 * Recording the expansion (rather than recomputing it) keeps history independent of the recurrence library.
 *
 * @param occurrenceId {@code measureId@dueDate} for scheduled work, client-chosen for ad-hoc work
 * @param dueDate      the last day on which completing the work counts as on time
 */
public record ScheduledOccurrence(OccurrenceId occurrenceId, LocalDate dueDate) {
}
