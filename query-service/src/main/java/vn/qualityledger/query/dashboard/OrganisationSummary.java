package vn.qualityledger.query.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * All objectives of an organisation's year as of a date. Counts and rates are over all their occurrences together.
 *
 * @param kpiStatusCounts how many objectives are in each KPI status (every status listed, zero included)
 */
public record OrganisationSummary(String organisationId, int year, LocalDate asOf, int objectiveCount,
                                  OccurrenceCounts occurrences, BigDecimal completionRate, BigDecimal onTimeRate,
                                  Map<KpiStatus, Integer> kpiStatusCounts) {
}
