package vn.qualityledger.api.review;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.qualityledger.api.audit.AuditId;

/**
 * Plans a management review: starts the review's stream. Planning the same id again with the same content (the day
 * aside) applies nothing; other content is a conflict.
 *
 * @param reviewId       the new review's id
 * @param organisationId the actor's own organisation
 * @param title          what the plan calls the review; required
 * @param trigger        why it is held; required
 * @param auditId        the audit round it follows; required for AFTER_INTERNAL_AUDIT, optional otherwise
 * @param periodFrom     the first day of the reviewed period; required
 * @param periodTo       the last day of the reviewed period; required, not before periodFrom
 * @param scheduledOn    the day of the meeting; required, not before periodTo and not before plannedOn
 * @param chair          who chairs it; required
 * @param participants   who is invited; at least one, each named once
 * @param plannedOn      the day the plan was made (today unless stated)
 */
public record PlanManagementReviewCommand(@TargetAggregateIdentifier ManagementReviewId reviewId, String organisationId, String title,
                                          ReviewTrigger trigger, AuditId auditId, LocalDate periodFrom, LocalDate periodTo,
                                          LocalDate scheduledOn, ReviewPerson chair, List<ReviewPerson> participants,
                                          LocalDate plannedOn) {
}
