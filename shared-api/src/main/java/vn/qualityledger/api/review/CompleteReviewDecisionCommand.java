package vn.qualityledger.api.review;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.qualityledger.api.common.DocumentReference;

/**
 * Records that a review decision was carried out, by its owner unit's head or staff (or the ISO secretary or an
 * administrator on their behalf). Once only: the same completion again applies nothing, another is refused.
 *
 * @param reviewId    the review
 * @param decisionId  the decision
 * @param completedOn the day it was done (today unless stated), not before the decision was recorded
 * @param evidence    the document that proves it; optional, not dated after completedOn
 * @param note        what was done; required when there is no evidence
 */
public record CompleteReviewDecisionCommand(@TargetAggregateIdentifier ManagementReviewId reviewId, ReviewDecisionId decisionId,
                                            LocalDate completedOn, DocumentReference evidence, String note) {
}
