package vn.qualityledger.api.objective;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A measurement of the target indicator was recorded; a later one for the same period supersedes it. */
@Revision("1")
public record MeasurementRecordedEvent(ObjectiveId objectiveId, MeasurementId measurementId, Period period, BigDecimal numerator, BigDecimal denominator, BigDecimal value, String source, LocalDate recordedOn) {
}
