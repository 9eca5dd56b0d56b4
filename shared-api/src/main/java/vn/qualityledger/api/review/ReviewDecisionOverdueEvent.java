package vn.qualityledger.api.review;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A review decision's due date passed before it was completed; recorded once, at the start of the day after the due
 * date (Asia/Ho_Chi_Minh), by the service itself (a persistent deadline), not by a user.
 *
 * @param reviewId   the review
 * @param decisionId the decision
 * @param ownerUnit  the unit that owns it
 * @param dueDate    the due date that passed
 */
@Revision("1")
public record ReviewDecisionOverdueEvent(ManagementReviewId reviewId, ReviewDecisionId decisionId, String ownerUnit, LocalDate dueDate) {
}
