package vn.qualityledger.query.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What a column holds, so that each writer gives it its own type: a number stays a number, a date a date. */
public enum CellKind {
    TEXT(String.class),
    /** A count. */
    INTEGER(Long.class),
    DECIMAL(BigDecimal.class),
    /** A rate in percent points as the JSON gives it (96.97 for 96,97 %), never a fraction: the figure reads the same. */
    PERCENT(BigDecimal.class),
    DATE(LocalDate.class),
    /** An instant as the agency reads it (Asia/Ho_Chi_Minh, with its offset). */
    DATE_TIME(OffsetDateTime.class);

    private final Class<?> type;

    CellKind(Class<?> type) {
        this.type = type;
    }

    /** The value as this kind holds it (an int count widened to long); null stays null, an empty cell. */
    Object accept(Object value, String heading) {
        Object widened = value instanceof Integer number ? Long.valueOf(number) : value;
        if (widened != null && !type.isInstance(widened)) {
            throw new IllegalStateException("column " + heading + " holds " + name() + ", not " + widened.getClass().getSimpleName());
        }
        return widened;
    }
}
