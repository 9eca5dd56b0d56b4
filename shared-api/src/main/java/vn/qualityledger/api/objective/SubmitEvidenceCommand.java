package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.qualityledger.api.common.DocumentReference;

/** Files a document as evidence that an occurrence's work was done. */
public record SubmitEvidenceCommand(@TargetAggregateIdentifier ObjectiveId objectiveId, EvidenceId evidenceId, OccurrenceId occurrenceId, DocumentReference document, LocalDate submittedOn) {
}
