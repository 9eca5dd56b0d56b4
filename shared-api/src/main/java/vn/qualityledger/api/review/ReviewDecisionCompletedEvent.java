package vn.qualityledger.api.review;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.qualityledger.api.common.DocumentReference;

/**
 * A review decision was carried out; recorded once. Who completed it is in the event's metadata. Completed after its
 * due date, it is late (and an overdue event may already have been recorded).
 *
 * @param reviewId    the review
 * @param decisionId  the decision
 * @param completedOn the day it was done, not before it was recorded
 * @param evidence    the document that proves it, when there is one
 * @param note        what was done, in the owner unit's words
 */
@Revision("1")
public record ReviewDecisionCompletedEvent(ManagementReviewId reviewId, ReviewDecisionId decisionId, LocalDate completedOn,
                                           DocumentReference evidence, String note) {
}
