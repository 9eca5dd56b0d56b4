package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.FileReference;

/**
 * Files a document as evidence that an occurrence's work was done, optionally with a copy of it that the service
 * stores ({@code file}, null for a document cited by reference and link only).
 */
public record SubmitEvidenceCommand(@TargetAggregateIdentifier ObjectiveId objectiveId, EvidenceId evidenceId, OccurrenceId occurrenceId,
                                    DocumentReference document, LocalDate submittedOn, FileReference file) {

    /** Evidence without a stored file. */
    public SubmitEvidenceCommand(ObjectiveId objectiveId, EvidenceId evidenceId, OccurrenceId occurrenceId, DocumentReference document,
                                 LocalDate submittedOn) {
        this(objectiveId, evidenceId, occurrenceId, document, submittedOn, null);
    }
}
