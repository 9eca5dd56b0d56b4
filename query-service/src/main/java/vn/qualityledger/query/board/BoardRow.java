package vn.qualityledger.query.board;

import java.time.LocalDate;

/**
 * One occurrence on the work board as of a date.
 *
 * @param unit                   the unit it is assigned to by the date (its own assignment, else its measure's), or null
 * @param person                 the person of that assignment, or null
 * @param completedOn            when it was completed, if that was by the date
 * @param evidenceAwaitingReview evidence for it submitted by the date and not decided by then
 */
public record BoardRow(String objectiveId, String objectiveCode, String measureId, String measureCode, String measureTitle,
                       String occurrenceId, LocalDate dueDate, String unit, String person, OccurrenceStatus status,
                       LocalDate completedOn, long evidenceAwaitingReview) {
}
