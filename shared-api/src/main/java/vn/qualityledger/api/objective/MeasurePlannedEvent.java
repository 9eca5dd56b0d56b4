package vn.qualityledger.api.objective;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A measure was added to the plan, with the occurrences its schedule yields in the objective's year. */
@Revision("1")
public record MeasurePlannedEvent(ObjectiveId objectiveId, MeasureId measureId, MeasureId parentMeasureId, MeasureDetails details, List<ScheduledOccurrence> occurrences) {
}
