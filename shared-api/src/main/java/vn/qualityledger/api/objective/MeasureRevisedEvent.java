package vn.qualityledger.api.objective;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A measure was revised: occurrences added by its new schedule, and incomplete ones it no longer yields cancelled as of {@code revisedOn}. */
@Revision("1")
public record MeasureRevisedEvent(ObjectiveId objectiveId, MeasureId measureId, MeasureDetails details, List<ScheduledOccurrence> addedOccurrences, List<OccurrenceId> cancelledOccurrences, LocalDate revisedOn) {
}
