package vn.qualityledger.api.objective;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a measure (or, with a parent, a sub-measure) to the objective's plan; its schedule is expanded into occurrences. */
public record PlanMeasureCommand(@TargetAggregateIdentifier ObjectiveId objectiveId, MeasureId measureId, MeasureId parentMeasureId, MeasureDetails details) {
}
