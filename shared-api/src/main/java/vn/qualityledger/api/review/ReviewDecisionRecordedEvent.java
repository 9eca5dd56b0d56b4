package vn.qualityledger.api.review;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A held management review decided something (an output of ISO 9001:2015 9.3.3), owned by a unit and due by a day;
 * tracked like a corrective action until it is completed, and overdue from the day after its due date.
 *
 * @param reviewId    the review
 * @param decisionId  the decision, unique within its review
 * @param kind        improvement, change to the QMS or resource need
 * @param description what is to be done
 * @param ownerUnit   the unit that carries it out (a unit code, e.g. VP); its head or staff complete it
 * @param dueDate     the last day on which completing it is on time; not before heldOn
 * @param recordedOn  the day it was recorded, not before heldOn
 */
@Revision("1")
public record ReviewDecisionRecordedEvent(ManagementReviewId reviewId, ReviewDecisionId decisionId, ReviewDecisionKind kind,
                                          String description, String ownerUnit, LocalDate dueDate, LocalDate recordedOn) {
}
