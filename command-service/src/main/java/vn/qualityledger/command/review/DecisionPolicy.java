package vn.qualityledger.command.review;

import static vn.qualityledger.command.review.People.isBlank;

import java.time.LocalDate;
import vn.qualityledger.api.review.CompleteReviewDecisionCommand;
import vn.qualityledger.api.review.RecordReviewDecisionCommand;
import vn.qualityledger.command.common.Refusal;

/**
 * What a review decision (an output of 9.3.3) must say — what is to be done, by which unit, by when — and what its
 * completion must show. A decision comes out of the meeting, so it is neither recorded nor due before the meeting's day.
 */
final class DecisionPolicy {

    private DecisionPolicy() {
    }

    static void requireValid(RecordReviewDecisionCommand command, LocalDate heldOn) {
        if (command.kind() == null) {
            throw Refusal.ruleBroken("DECISION_KIND_REQUIRED", "kind", "Say whether it is an IMPROVEMENT, a QMS_CHANGE or a RESOURCE_NEED");
        }
        if (isBlank(command.description())) {
            throw Refusal.ruleBroken("DESCRIPTION_REQUIRED", "description", "Describe what is to be done");
        }
        if (isBlank(command.ownerUnit())) {
            throw Refusal.ruleBroken("OWNER_UNIT_REQUIRED", "ownerUnit", "Name the unit that carries the decision out");
        }
        if (command.dueDate() == null) {
            throw Refusal.ruleBroken("DUE_DATE_REQUIRED", "dueDate", "Say by when the decision is carried out");
        }
        if (command.dueDate().isBefore(heldOn)) {
            throw Refusal.ruleBroken("DUE_BEFORE_MEETING", "dueDate", "A decision cannot be due before the review that took it (" + heldOn + ")");
        }
        if (command.recordedOn().isBefore(heldOn)) {
            throw Refusal.ruleBroken("RECORDED_BEFORE_MEETING", "recordedOn", "A decision is recorded on or after the review's day (" + heldOn + ")");
        }
    }

    static void requireValid(CompleteReviewDecisionCommand command, LocalDate recordedOn) {
        if (command.completedOn().isBefore(recordedOn)) {
            throw Refusal.ruleBroken("COMPLETED_BEFORE_DECISION", "completedOn", "A decision is carried out after it was recorded (" + recordedOn + ")");
        }
        if (command.evidence() == null && isBlank(command.note())) {
            throw Refusal.ruleBroken("NOTE_OR_EVIDENCE_REQUIRED", "note", "Say what was done, or cite the document that proves it");
        }
        if (command.evidence() != null && command.evidence().date().isAfter(command.completedOn())) {
            throw Refusal.ruleBroken("DOCUMENT_DATED_AFTER_COMPLETION", "evidence.date",
                    "The evidence cannot be dated after the day the decision is recorded as done");
        }
    }
}
