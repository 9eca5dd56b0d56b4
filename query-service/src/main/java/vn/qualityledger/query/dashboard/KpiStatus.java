package vn.qualityledger.query.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import vn.qualityledger.api.objective.Target;

/** Where an objective's target indicator stands as of a date, judged on its latest measurement by then. */
public enum KpiStatus {
    /** The objective promises no measurable target. */
    NO_TARGET,
    /** No measurement for a period ending by the date. */
    NOT_MEASURED,
    /** During the year, the latest measurement meets the target. */
    ON_TRACK,
    /** During the year, the latest measurement misses the target. */
    AT_RISK,
    /** From the last day of the year on, the latest measurement meets the target. */
    ACHIEVED,
    /** From the last day of the year on, the latest measurement misses the target. */
    MISSED;

    private static final MonthDay YEAR_END = MonthDay.of(12, 31);

    /** The status as the agency's documents write it (the results report, the exports' headings). */
    public String vietnamese() {
        return switch (this) {
            case NO_TARGET -> "Không có chỉ tiêu định lượng";
            case NOT_MEASURED -> "Chưa có kết quả đo";
            case ON_TRACK -> "Đang đạt";
            case AT_RISK -> "Có nguy cơ không đạt";
            case ACHIEVED -> "Đạt";
            case MISSED -> "Không đạt";
        };
    }

    /**
     * @param target      the objective's target, or null when it has none
     * @param latestValue the value of the latest measurement as of {@code asOf}, or null when there is none
     * @param year        the objective's year
     * @param asOf        the date the status is for
     */
    public static KpiStatus of(Target target, BigDecimal latestValue, int year, LocalDate asOf) {
        if (target == null) {
            return NO_TARGET;
        }
        if (latestValue == null) {
            return NOT_MEASURED;
        }
        boolean met = target.isMetBy(latestValue);
        boolean yearEnded = !asOf.isBefore(YEAR_END.atYear(year));
        if (yearEnded) {
            return met ? ACHIEVED : MISSED;
        }
        return met ? ON_TRACK : AT_RISK;
    }
}
