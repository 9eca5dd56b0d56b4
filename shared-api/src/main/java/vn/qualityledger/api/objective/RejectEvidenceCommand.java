package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A monitor rejects evidence with a reason; the occurrence stays open for new evidence. */
public record RejectEvidenceCommand(@TargetAggregateIdentifier ObjectiveId objectiveId, EvidenceId evidenceId, String reason, LocalDate rejectedOn) {
}
