package vn.qualityledger.query.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One measure of an objective as of a date: its plan row and the counts of its own occurrences (not its sub-measures'),
 * by the same definition as the objective's ({@link OccurrenceCounts}).
 *
 * @param parentMeasureId the measure it is a sub-measure of, or null
 * @param cancelledOn     the day it was cancelled, if that was by the date
 */
public record MeasureFigures(String objectiveId, String measureId, String parentMeasureId, String code, String title,
                             List<String> leadUnits, List<String> coordinatingUnits, LocalDate cancelledOn,
                             OccurrenceCounts occurrences, BigDecimal completionRate, BigDecimal onTimeRate) {
}
