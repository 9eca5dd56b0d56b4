package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels a measure (and its sub-measures) as of a date; its incomplete occurrences stop counting from then. */
public record CancelMeasureCommand(@TargetAggregateIdentifier ObjectiveId objectiveId, MeasureId measureId, String reason, LocalDate effectiveOn) {
}
