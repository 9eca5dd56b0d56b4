package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A monitor rejected evidence; the occurrence remains open. */
@Revision("1")
public record EvidenceRejectedEvent(ObjectiveId objectiveId, EvidenceId evidenceId, MeasureId measureId, OccurrenceId occurrenceId, String reason, LocalDate rejectedOn) {
}
