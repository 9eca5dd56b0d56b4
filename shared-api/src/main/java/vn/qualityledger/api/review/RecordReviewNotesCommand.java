package vn.qualityledger.api.review;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records (or replaces) the secretary's notes on the 9.3.2 inputs the service cannot know; only while the review is
 * planned (neither held nor cancelled). The same notes again apply nothing.
 *
 * @param reviewId   the review
 * @param notes      the notes; required (each note inside is optional)
 * @param recordedOn the day they are recorded (today unless stated), not before the plan
 */
public record RecordReviewNotesCommand(@TargetAggregateIdentifier ManagementReviewId reviewId, ReviewNotes notes, LocalDate recordedOn) {
}
