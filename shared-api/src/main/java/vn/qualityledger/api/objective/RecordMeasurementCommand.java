package vn.qualityledger.api.objective;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a measurement of the objective's target indicator for a period: either numerator and denominator (the value is their ratio, in percent when the target is in %), or a value. */
public record RecordMeasurementCommand(@TargetAggregateIdentifier ObjectiveId objectiveId, MeasurementId measurementId, Period period, BigDecimal numerator, BigDecimal denominator, BigDecimal value, String source, LocalDate recordedOn) {
}
