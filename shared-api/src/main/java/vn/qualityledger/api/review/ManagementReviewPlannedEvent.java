package vn.qualityledger.api.review;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.qualityledger.api.audit.AuditId;

/**
 * A management review was planned (Kế hoạch xem xét của lãnh đạo); the first event of a review's stream, so it names the
 * organisation. Who planned it is in the event's metadata, as for every event.
 *
 * @param reviewId       the review, and so its stream
 * @param organisationId the organisation whose quality management system is reviewed
 * @param title          what the plan calls the review, e.g. "Xem xét của lãnh đạo 6 tháng đầu năm 2023"
 * @param trigger        why it is held: every 6 months, after an internal audit, or extraordinarily
 * @param auditId        the internal audit round the review follows; present for AFTER_INTERNAL_AUDIT, optional otherwise
 * @param periodFrom     the first day of the period the review looks back on
 * @param periodTo       the last day of that period, not before periodFrom
 * @param scheduledOn    the day the meeting is planned for, not before periodTo (a period is reviewed once it is over, at
 *                       the earliest on its last day)
 * @param chair          who chairs the meeting (usually the director or the QMR)
 * @param participants   who is invited, in the plan's order
 * @param plannedOn      the day the plan was made
 */
@Revision("1")
public record ManagementReviewPlannedEvent(ManagementReviewId reviewId, String organisationId, String title, ReviewTrigger trigger,
                                           AuditId auditId, LocalDate periodFrom, LocalDate periodTo, LocalDate scheduledOn,
                                           ReviewPerson chair, List<ReviewPerson> participants, LocalDate plannedOn) {
}
