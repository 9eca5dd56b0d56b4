package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds one occurrence of work on demand to a measure (for ad-hoc schedules, or extra work on any measure). */
public record AddAdHocOccurrenceCommand(@TargetAggregateIdentifier ObjectiveId objectiveId, MeasureId measureId, OccurrenceId occurrenceId, LocalDate dueDate, String note) {
}
