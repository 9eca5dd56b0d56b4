package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revises a measure; occurrences its new schedule no longer yields, and that are not complete, are cancelled as of {@code revisedOn}. */
public record ReviseMeasureCommand(@TargetAggregateIdentifier ObjectiveId objectiveId, MeasureId measureId, MeasureDetails details, LocalDate revisedOn) {
}
