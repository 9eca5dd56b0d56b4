package vn.qualityledger.query.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * All objectives of an organisation's year as of a date. Counts and rates are over all their occurrences together.
 *
 * @param kpiStatusCounts how many objectives are in each KPI status (every status listed, zero included)
 */
public record OrganisationSummary(String organisationId, int year, LocalDate asOf, int objectiveCount,
                                  OccurrenceCounts occurrences, BigDecimal completionRate, BigDecimal onTimeRate,
                                  Map<KpiStatus, Integer> kpiStatusCounts) {

    /** The summary of these objectives (all of the organisation's year): their counts added up, rates over the sums. */
    public static OrganisationSummary of(String organisationId, int year, LocalDate asOf, List<ObjectiveDashboard> objectives) {
        OccurrenceCounts total = OccurrenceCounts.NONE;
        Map<KpiStatus, Integer> statuses = new EnumMap<>(KpiStatus.class);
        for (KpiStatus status : KpiStatus.values()) {
            statuses.put(status, 0);
        }
        for (ObjectiveDashboard objective : objectives) {
            total = total.plus(objective.occurrences());
            statuses.merge(objective.kpiStatus(), 1, Integer::sum);
        }
        return new OrganisationSummary(organisationId, year, asOf, objectives.size(), total,
                OccurrenceCounts.completionRate(total.due(), total.onTime(), total.late()),
                OccurrenceCounts.onTimeRate(total.due(), total.onTime()), statuses);
    }
}
