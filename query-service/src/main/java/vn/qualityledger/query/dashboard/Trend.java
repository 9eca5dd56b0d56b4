package vn.qualityledger.query.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How an organisation's year (or one objective) stood at the end of each month of the year up to a date: the same
 * figures its dashboard gives for each of those dates, so a chart of the year draws what the dashboards said.
 *
 * @param objectiveId null for an organisation's year
 * @param points      the last day of every month of the year on or before {@code asOf}, then {@code asOf} itself when it
 *                    lies in the year and is no month's end; none when {@code asOf} is before the year
 */
public record Trend(String organisationId, String objectiveId, int year, LocalDate asOf, List<Point> points) {

    /** The figures as of one date. */
    public record Point(LocalDate date, OccurrenceCounts occurrences, BigDecimal completionRate, BigDecimal onTimeRate) {

        static Point of(LocalDate date, OccurrenceCounts counts) {
            return new Point(date, counts, OccurrenceCounts.completionRate(counts.due(), counts.onTime(), counts.late()),
                    OccurrenceCounts.onTimeRate(counts.due(), counts.onTime()));
        }
    }

    /** The dates a trend of {@code year} up to {@code asOf} has points for. */
    public static List<LocalDate> dates(int year, LocalDate asOf) {
        List<LocalDate> dates = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            LocalDate end = YearMonth.of(year, month).atEndOfMonth();
            if (end.isAfter(asOf)) {
                break;
            }
            dates.add(end);
        }
        if (asOf.getYear() == year && !dates.contains(asOf)) {
            dates.add(asOf);
        }
        return dates;
    }
}
