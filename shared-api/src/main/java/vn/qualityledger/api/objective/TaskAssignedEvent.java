package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A measure (when {@code occurrenceId} is null) or one occurrence was assigned to a unit and optionally a person. */
@Revision("1")
public record TaskAssignedEvent(ObjectiveId objectiveId, MeasureId measureId, OccurrenceId occurrenceId, String unit, String person, LocalDate assignedOn) {
}
