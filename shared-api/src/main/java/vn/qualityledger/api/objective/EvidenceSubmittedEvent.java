package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.qualityledger.api.common.DocumentReference;

/** Evidence was filed for an occurrence. */
@Revision("1")
public record EvidenceSubmittedEvent(ObjectiveId objectiveId, EvidenceId evidenceId, MeasureId measureId, OccurrenceId occurrenceId, DocumentReference document, LocalDate submittedOn) {
}
