package vn.qualityledger.api.review;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The secretary recorded the notes for the inputs of 9.3.2 the service cannot know. A later one replaces the earlier
 * notes as a whole (until the review is held; after that the notes are what the meeting saw).
 *
 * @param reviewId   the review
 * @param notes      the notes, replacing any recorded before
 * @param recordedOn the day they were recorded
 */
@Revision("1")
public record ReviewNotesRecordedEvent(ManagementReviewId reviewId, ReviewNotes notes, LocalDate recordedOn) {
}
