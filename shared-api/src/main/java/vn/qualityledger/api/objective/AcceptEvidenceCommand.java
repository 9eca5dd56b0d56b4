package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A monitor accepts evidence; the occurrence is complete as of {@code effectiveOn}. */
public record AcceptEvidenceCommand(@TargetAggregateIdentifier ObjectiveId objectiveId, EvidenceId evidenceId, LocalDate acceptedOn, LocalDate effectiveOn) {
}
