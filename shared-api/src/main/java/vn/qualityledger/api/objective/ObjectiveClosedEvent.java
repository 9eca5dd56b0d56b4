package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The objective's year was closed with an assessment. */
@Revision("1")
public record ObjectiveClosedEvent(ObjectiveId objectiveId, Assessment assessment, LocalDate closedOn) {
}
