package vn.qualityledger.query.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.objective.Assessment;

/**
 * One objective as of a date.
 *
 * @param decision          the decision it was published under, or null while unpublished
 * @param closedOn          when its year was closed, if that was by {@code asOf}
 * @param assessment        the year-end verdict, if closed by {@code asOf}
 * @param latestMeasurement see {@link LatestMeasurement}; null when none by {@code asOf}
 * @param completionRate    (onTime + late) / due in percent, null when nothing is due
 * @param onTimeRate        onTime / due in percent, null when nothing is due
 */
public record ObjectiveDashboard(String objectiveId, String organisationId, int year, String code, String statement,
                                 TargetView target, Decision decision, LocalDate closedOn, Assessment assessment,
                                 LatestMeasurement latestMeasurement, KpiStatus kpiStatus, OccurrenceCounts occurrences,
                                 BigDecimal completionRate, BigDecimal onTimeRate, LocalDate asOf) {
}
