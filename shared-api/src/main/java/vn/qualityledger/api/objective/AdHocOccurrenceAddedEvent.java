package vn.qualityledger.api.objective;

import org.axonframework.serialization.Revision;

/** An occurrence of work on demand was added to a measure. */
@Revision("1")
public record AdHocOccurrenceAddedEvent(ObjectiveId objectiveId, MeasureId measureId, ScheduledOccurrence occurrence, String note) {
}
