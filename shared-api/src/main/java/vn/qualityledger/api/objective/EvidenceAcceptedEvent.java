package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A monitor accepted evidence; the occurrence is complete as of {@code effectiveOn}. */
@Revision("1")
public record EvidenceAcceptedEvent(ObjectiveId objectiveId, EvidenceId evidenceId, MeasureId measureId, OccurrenceId occurrenceId, LocalDate acceptedOn, LocalDate effectiveOn) {
}
