package vn.qualityledger.api.review;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a decision of a held review (9.3.3), before its minutes are issued (the minutes list every decision). The
 * same decision again applies nothing; the same id with other content is a conflict.
 *
 * @param reviewId    the review; held, not cancelled, its minutes not yet issued
 * @param decisionId  the decision's id, unique within the review
 * @param kind        what kind of output it is; required
 * @param description what is to be done; required
 * @param ownerUnit   the unit that carries it out; required
 * @param dueDate     the last day on which completing it is on time; required, not before heldOn
 * @param recordedOn  the day it is recorded (today unless stated), not before heldOn
 */
public record RecordReviewDecisionCommand(@TargetAggregateIdentifier ManagementReviewId reviewId, ReviewDecisionId decisionId,
                                          ReviewDecisionKind kind, String description, String ownerUnit, LocalDate dueDate,
                                          LocalDate recordedOn) {
}
