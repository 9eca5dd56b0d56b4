package vn.qualityledger.query.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import vn.qualityledger.api.objective.Period;

/**
 * The measurement a KPI status is judged on: of those whose period ended by the date, the one with the latest period
 * end, and of several for that period the last recorded (a correction supersedes).
 */
public record LatestMeasurement(String measurementId, Period period, BigDecimal value, BigDecimal numerator,
                                BigDecimal denominator, String source, LocalDate recordedOn) {
}
