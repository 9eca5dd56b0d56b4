package vn.qualityledger.query.web;

import java.time.Clock;
import java.time.LocalDate;

/** The two times every figure can be read at, as the read endpoints describe and default them. */
public final class ReadParameters {

    public static final String AS_OF = "Local date (Asia/Ho_Chi_Minh) the figures are for, yyyy-MM-dd; default today";
    public static final String KNOWN_AT = "Instant (ISO-8601, e.g. 2023-07-15T10:00:00Z): count only what had been recorded by then; default: all";

    private ReadParameters() {
    }

    /** {@code asOf}, or today in the clock's zone (the agency's). */
    public static LocalDate orToday(LocalDate asOf, Clock clock) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }
}
