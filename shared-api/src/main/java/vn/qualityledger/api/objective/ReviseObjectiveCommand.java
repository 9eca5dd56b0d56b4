package vn.qualityledger.api.objective;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes an objective's statement or target (the target may be removed with {@code null}). */
public record ReviseObjectiveCommand(@TargetAggregateIdentifier ObjectiveId objectiveId, String statement, Target target) {
}
