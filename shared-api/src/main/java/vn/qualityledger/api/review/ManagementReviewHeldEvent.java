package vn.qualityledger.api.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A management review was held. Its inputs are the projections as known at {@code cutOff}, so the minutes generated
 * from the event store later show exactly what the meeting saw, whatever was corrected afterwards.
 *
 * @param reviewId       the review
 * @param heldOn         the day the meeting took place, not before periodTo nor before the plan was made
 * @param cutOff         the instant the review's inputs are read at: not in the future when recorded, not before the start
 *                       of periodTo (Asia/Ho_Chi_Minh), not after the end of heldOn
 * @param attendees      who attended, in the minutes' order
 * @param minutesSummary what was discussed, as the minutes summarise it
 * @param conclusion     the review's conclusion on the QMS's suitability, adequacy and effectiveness (9.3.1)
 */
@Revision("1")
public record ManagementReviewHeldEvent(ManagementReviewId reviewId, LocalDate heldOn, Instant cutOff, List<ReviewPerson> attendees,
                                        String minutesSummary, QmsConclusion conclusion) {
}
