package vn.qualityledger.command.objective;

import java.time.LocalDate;
import vn.qualityledger.api.objective.EvidenceId;
import vn.qualityledger.command.common.Refusal;

/** Evidence is decided once; an acceptance takes effect between the document's date and the day of the decision. */
final class EvidenceReviewPolicy {

    private EvidenceReviewPolicy() {
    }

    static void requireUndecided(Objective.Evidence evidence, EvidenceId evidenceId) {
        if (evidence.status() != Objective.EvidenceStatus.SUBMITTED) {
            throw Refusal.ruleBroken("EVIDENCE_ALREADY_DECIDED", "evidenceId",
                    "Evidence " + evidenceId + " was already " + evidence.status().name().toLowerCase() + " on " + evidence.decidedOn());
        }
    }

    static void requirePlausibleEffectiveDate(Objective.Evidence evidence, LocalDate effectiveOn, LocalDate acceptedOn) {
        if (acceptedOn.isBefore(evidence.submittedOn())) {
            throw Refusal.ruleBroken("DECIDED_BEFORE_SUBMISSION", "acceptedOn", "Evidence cannot be accepted before it was submitted");
        }
        if (effectiveOn.isBefore(evidence.document().date()) || effectiveOn.isAfter(acceptedOn)) {
            throw Refusal.ruleBroken("EFFECTIVE_DATE_IMPLAUSIBLE", "effectiveOn",
                    "An acceptance takes effect between the document's date (" + evidence.document().date()
                            + ") and the day of acceptance (" + acceptedOn + ")");
        }
    }
}
