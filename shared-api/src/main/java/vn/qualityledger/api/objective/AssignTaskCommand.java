package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assigns a whole measure, or one of its occurrences, to a unit and optionally a person. */
public record AssignTaskCommand(@TargetAggregateIdentifier ObjectiveId objectiveId, MeasureId measureId, OccurrenceId occurrenceId, String unit, String person, LocalDate assignedOn) {
}
