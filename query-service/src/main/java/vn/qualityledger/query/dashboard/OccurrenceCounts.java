package vn.qualityledger.query.dashboard;

import java.math.BigDecimal;
import vn.qualityledger.query.progress.Percentage;

/**
 * How an objective's (or a set of objectives') occurrences stand as of a date.
 *
 * @param total    occurrences not cancelled by the date
 * @param due      of those, due on or before the date
 * @param onTime   of the due, completed on or before their due date (and by the date)
 * @param late     of the due, completed after their due date (and by the date)
 * @param overdue  of the due, not completed by the date: {@code due - onTime - late}
 * @param upcoming not cancelled, due after the date
 */
public record OccurrenceCounts(long total, long due, long onTime, long late, long overdue, long upcoming) {

    public static final OccurrenceCounts NONE = new OccurrenceCounts(0, 0, 0, 0, 0, 0);

    public static OccurrenceCounts of(long total, long due, long onTime, long late, long upcoming) {
        return new OccurrenceCounts(total, due, onTime, late, due - onTime - late, upcoming);
    }

    /** Sums counts, so that a rate over several objectives is a rate over all their occurrences, never an average of rates. */
    public OccurrenceCounts plus(OccurrenceCounts other) {
        return new OccurrenceCounts(total + other.total, due + other.due, onTime + other.onTime, late + other.late,
                overdue + other.overdue, upcoming + other.upcoming);
    }

    /** (onTime + late) / due in percent, rounded half up to 2 decimals; null when nothing is due. */
    public static BigDecimal completionRate(long due, long onTime, long late) {
        return percentage(onTime + late, due);
    }

    /** onTime / due in percent, rounded half up to 2 decimals; null when nothing is due. */
    public static BigDecimal onTimeRate(long due, long onTime) {
        return percentage(onTime, due);
    }

    private static BigDecimal percentage(long part, long whole) {
        return Percentage.of(part, whole);
    }
}
