package vn.qualityledger.command.review;

import static vn.qualityledger.command.review.People.isBlank;

import java.time.Instant;
import vn.qualityledger.api.review.HoldManagementReviewCommand;
import vn.qualityledger.api.review.ManagementReviewPlannedEvent;
import vn.qualityledger.command.CommandServiceApplication;
import vn.qualityledger.command.common.Refusal;

/**
 * What the record of a held review must say. Its cut-off is the instant its inputs are read at: the minutes show the
 * figures as the meeting saw them, so it lies between the start of the period's last day (earlier, the period's own
 * results are not in) and the end of the meeting's day (later, it would show what the meeting could not have seen).
 * "Not in the future" is known only where "now" is: the web layer refuses it.
 */
final class HoldingPolicy {

    private HoldingPolicy() {
    }

    static void requireValid(HoldManagementReviewCommand command, ManagementReviewPlannedEvent plan) {
        if (command.heldOn() == null) {
            throw Refusal.ruleBroken("HELD_DATE_REQUIRED", "heldOn", "Say on which day the review was held");
        }
        if (command.heldOn().isBefore(plan.periodTo())) {
            throw Refusal.ruleBroken("HELD_BEFORE_PERIOD_END", "heldOn", "A period is reviewed once it is over (" + plan.periodTo() + ")");
        }
        if (command.heldOn().isBefore(plan.plannedOn())) {
            throw Refusal.ruleBroken("HELD_BEFORE_PLANNING", "heldOn", "A review is held after it was planned (" + plan.plannedOn() + ")");
        }
        if (command.cutOff() == null) {
            throw Refusal.ruleBroken("CUT_OFF_REQUIRED", "cutOff", "Say at which instant the review's inputs are read");
        }
        Instant periodEndStart = plan.periodTo().atStartOfDay(CommandServiceApplication.AGENCY_ZONE).toInstant();
        if (command.cutOff().isBefore(periodEndStart)) {
            throw Refusal.ruleBroken("CUT_OFF_BEFORE_PERIOD_END", "cutOff",
                    "The inputs are read no earlier than the start of the period's last day (" + periodEndStart + ")");
        }
        Instant meetingDayEnd = command.heldOn().plusDays(1).atStartOfDay(CommandServiceApplication.AGENCY_ZONE).toInstant();
        if (command.cutOff().isAfter(meetingDayEnd)) {
            throw Refusal.ruleBroken("CUT_OFF_AFTER_MEETING", "cutOff",
                    "The inputs are those the meeting saw: read no later than the end of " + command.heldOn() + " (" + meetingDayEnd + ")");
        }
        People.requireList(command.attendees(), "attendees", "ATTENDEES_REQUIRED", "ATTENDEE_TWICE", "Name who attended the review");
        if (isBlank(command.minutesSummary())) {
            throw Refusal.ruleBroken("MINUTES_SUMMARY_REQUIRED", "minutesSummary", "Summarise what the review discussed");
        }
        if (command.conclusion() == null) {
            throw Refusal.ruleBroken("CONCLUSION_REQUIRED", "conclusion", "State the review's conclusion on the quality management system");
        }
        if (isBlank(command.conclusion().statement())) {
            throw Refusal.ruleBroken("CONCLUSION_REQUIRED", "conclusion.statement", "State the review's conclusion on the quality management system");
        }
    }
}
