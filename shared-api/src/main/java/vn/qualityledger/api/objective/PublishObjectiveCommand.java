package vn.qualityledger.api.objective;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.qualityledger.api.common.Decision;

/** Publishes an objective and its plan under a decision (Quyết định). */
public record PublishObjectiveCommand(@TargetAggregateIdentifier ObjectiveId objectiveId, Decision decision) {
}
