package vn.qualityledger.query.dashboard;

import java.math.BigDecimal;

/**
 * The work of one unit in an organisation's year as of a date. An occurrence is the unit's when its own assignment,
 * else its measure's, names the unit and was made by the date.
 *
 * @param assigned               its occurrences not cancelled by the date
 * @param due                    of those, due by the date
 * @param onTime                 of the due, completed on or before their due date
 * @param late                   of the due, completed after their due date
 * @param overdue                of the due, not completed by the date
 * @param evidenceAwaitingReview evidence for its occurrences submitted by the date and not decided by then
 */
public record UnitFigures(String unit, long assigned, long due, long onTime, long late, long overdue,
                          BigDecimal completionRate, BigDecimal onTimeRate, long evidenceAwaitingReview) {
}
