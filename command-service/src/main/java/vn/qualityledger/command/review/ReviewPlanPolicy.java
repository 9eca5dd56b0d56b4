package vn.qualityledger.command.review;

import static vn.qualityledger.command.review.People.isBlank;

import vn.qualityledger.api.review.PlanManagementReviewCommand;
import vn.qualityledger.api.review.ReviewTrigger;
import vn.qualityledger.command.common.Refusal;

/**
 * What a management review plan (Kế hoạch xem xét của lãnh đạo) must say: its title and why it is held (the audit it
 * follows, for a review after an internal audit), the period it looks back on, when the meeting is, who chairs it and
 * who is invited.
 *
 * <p>The meeting is not scheduled before the last day of the reviewed period: a review weighs the period's results,
 * which are complete only once the period is over. The last day itself is allowed, since the plan's own dates are the
 * last days of June and December (measure I.4, "định kỳ 6 tháng/lần").
 */
final class ReviewPlanPolicy {

    private ReviewPlanPolicy() {
    }

    static void requireValid(PlanManagementReviewCommand plan) {
        if (isBlank(plan.title())) {
            throw Refusal.ruleBroken("TITLE_REQUIRED", "title", "A management review needs a title");
        }
        if (plan.trigger() == null) {
            throw Refusal.ruleBroken("TRIGGER_REQUIRED", "trigger", "Say why the review is held: PERIODIC, AFTER_INTERNAL_AUDIT or EXTRAORDINARY");
        }
        if (plan.trigger() == ReviewTrigger.AFTER_INTERNAL_AUDIT && plan.auditId() == null) {
            throw Refusal.ruleBroken("AUDIT_REQUIRED", "auditId", "A review after an internal audit names the audit round");
        }
        if (plan.periodFrom() == null) {
            throw Refusal.ruleBroken("PERIOD_REQUIRED", "periodFrom", "Say from which day the review looks back");
        }
        if (plan.periodTo() == null) {
            throw Refusal.ruleBroken("PERIOD_REQUIRED", "periodTo", "Say up to which day the review looks back");
        }
        if (plan.periodTo().isBefore(plan.periodFrom())) {
            throw Refusal.ruleBroken("PERIOD_REVERSED", "periodTo", "The reviewed period cannot end before it starts");
        }
        if (plan.scheduledOn() == null) {
            throw Refusal.ruleBroken("SCHEDULED_DATE_REQUIRED", "scheduledOn", "Say when the meeting is");
        }
        if (plan.scheduledOn().isBefore(plan.periodTo())) {
            throw Refusal.ruleBroken("SCHEDULED_BEFORE_PERIOD_END", "scheduledOn",
                    "A period is reviewed once it is over: the meeting is on or after " + plan.periodTo());
        }
        if (plan.plannedOn() != null && plan.scheduledOn().isBefore(plan.plannedOn())) {
            throw Refusal.ruleBroken("SCHEDULED_BEFORE_PLANNING", "scheduledOn", "A meeting is planned before it takes place (planned on " + plan.plannedOn() + ")");
        }
        People.requireNamed(plan.chair(), "chair", "CHAIR_REQUIRED", "Name who chairs the review");
        People.requireList(plan.participants(), "participants", "PARTICIPANTS_REQUIRED", "PARTICIPANT_TWICE",
                "Name who takes part in the review");
    }
}
