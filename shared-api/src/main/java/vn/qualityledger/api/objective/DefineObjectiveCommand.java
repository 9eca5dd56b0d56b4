package vn.qualityledger.api.objective;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Defines a quality objective (MTCL) of an organisation for a year. Repeating it with the same content changes nothing. */
public record DefineObjectiveCommand(@TargetAggregateIdentifier ObjectiveId objectiveId, String organisationId, int year, String code, String statement, Target target) {
}
