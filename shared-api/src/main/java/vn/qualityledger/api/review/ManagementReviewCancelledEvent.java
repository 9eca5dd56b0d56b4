package vn.qualityledger.api.review;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A planned management review was cancelled before it was held; nothing more happens on its stream. A review that
 * replaces it is planned under a new id.
 *
 * @param reviewId    the review
 * @param reason      why it was cancelled
 * @param cancelledOn the day it was cancelled
 */
@Revision("1")
public record ManagementReviewCancelledEvent(ManagementReviewId reviewId, String reason, LocalDate cancelledOn) {
}
