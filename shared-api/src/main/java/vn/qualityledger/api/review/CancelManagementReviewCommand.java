package vn.qualityledger.api.review;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancels a planned review before it is held. The same cancellation again applies nothing.
 *
 * @param reviewId    the review; not held
 * @param reason      why; required
 * @param cancelledOn the day (today unless stated), not before the plan was made
 */
public record CancelManagementReviewCommand(@TargetAggregateIdentifier ManagementReviewId reviewId, String reason, LocalDate cancelledOn) {
}
