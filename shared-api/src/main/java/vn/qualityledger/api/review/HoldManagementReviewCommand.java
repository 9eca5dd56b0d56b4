package vn.qualityledger.api.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a planned management review was held, with its attendees, a summary of the minutes and its conclusion.
 * Holding it again with the same content applies nothing; other content is refused (a held review is a fact).
 *
 * @param reviewId       the review
 * @param heldOn         the day of the meeting (today unless stated, never after today); not before periodTo nor plannedOn
 * @param cutOff         the instant the inputs are read at (defaults to now, or the end of heldOn if earlier); not in the
 *                       future, not before the start of periodTo, not after the end of heldOn (Asia/Ho_Chi_Minh)
 * @param attendees      who attended; at least one, each named once
 * @param minutesSummary what was discussed; required
 * @param conclusion     the conclusion on the QMS (9.3.1); required
 */
public record HoldManagementReviewCommand(@TargetAggregateIdentifier ManagementReviewId reviewId, LocalDate heldOn, Instant cutOff,
                                          List<ReviewPerson> attendees, String minutesSummary, QmsConclusion conclusion) {
}
