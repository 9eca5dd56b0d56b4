package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes the objective's year with an assessment; no further work is accepted after it. */
public record CloseObjectiveCommand(@TargetAggregateIdentifier ObjectiveId objectiveId, Assessment assessment, LocalDate closedOn) {
}
