package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.FileReference;

/**
 * Evidence was filed for an occurrence. Revision 2 added {@code file}, the stored copy of the document (its SHA-256,
 * name, size and type), null when none was filed; events of revision 1 read with {@code file} null.
 */
@Revision("2")
public record EvidenceSubmittedEvent(ObjectiveId objectiveId, EvidenceId evidenceId, MeasureId measureId, OccurrenceId occurrenceId,
                                     DocumentReference document, LocalDate submittedOn, FileReference file) {

    /** Evidence without a stored file. */
    public EvidenceSubmittedEvent(ObjectiveId objectiveId, EvidenceId evidenceId, MeasureId measureId, OccurrenceId occurrenceId,
                                  DocumentReference document, LocalDate submittedOn) {
        this(objectiveId, evidenceId, measureId, occurrenceId, document, submittedOn, null);
    }
}
