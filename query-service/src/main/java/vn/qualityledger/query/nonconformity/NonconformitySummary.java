package vn.qualityledger.query.nonconformity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.query.tracking.NonconformityStatus;

/**
 * The nonconformity tracker of an organisation as of a date: the nonconformities raised by then (in {@code year}, by
 * their raising date, when given).
 *
 * @param open                   not closed as of the date
 * @param overdue                open, with at least one overdue action
 * @param overdueActions         actions planned by the date, past their due date and not implemented by then
 * @param oldestOpenAgeDays      the largest age among open ones (days from raising to the date), null when none is open
 * @param medianDaysToClose      over those closed as of the date, days from raising to closing: PostgreSQL's
 *                               {@code percentile_cont(0.5)} (linear interpolation between the two nearest ranks,
 *                               Hyndman–Fan type 7); null when none is closed
 * @param p90DaysToClose         the same with {@code percentile_cont(0.9)}
 * @param verified               with at least one verification dated by the date
 * @param firstTimeEffective     of those, the ones whose first verification found the action effective
 * @param firstTimeEffectiveRate firstTimeEffective / verified in percent (2 decimals, half up), null when none verified
 * @param byStatus               every status, zero included
 * @param repeatClauses          clauses cited by audit-finding nonconformities from two or more distinct audits of the
 *                               organisation, raised by the date (over every year)
 */
public record NonconformitySummary(String organisationId, Integer year, LocalDate asOf, long total, long open, long closed,
                                   long overdue, long overdueActions, Integer oldestOpenAgeDays, BigDecimal medianDaysToClose,
                                   BigDecimal p90DaysToClose, long verified, long firstTimeEffective,
                                   BigDecimal firstTimeEffectiveRate, Map<NonconformityStatus, Long> byStatus,
                                   Map<NonconformitySource, Long> bySource, Map<Severity, Long> bySeverity,
                                   List<UnitCount> byUnit, List<ClauseCount> byClause, List<RepeatClause> repeatClauses) {

    /** Nonconformities of a unit (null: raised without one): all, open and overdue. */
    public record UnitCount(String unit, long total, long open, long overdue) {
    }

    public record ClauseCount(String clause, String title, long total, long open, long overdue) {
    }

    public record RepeatClause(String clause, String title, List<String> auditIds, List<String> nonconformityIds) {
    }
}
