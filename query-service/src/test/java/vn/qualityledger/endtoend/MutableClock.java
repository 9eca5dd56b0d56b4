package vn.qualityledger.endtoend;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock the test sets to the day each step of the scenario happens on (noon in Asia/Ho_Chi_Minh). */
final class MutableClock extends Clock {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private volatile Instant now = Instant.EPOCH;

    void setToday(LocalDate day) {
        now = day.atTime(12, 0).atZone(ZONE).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the scenario lives in Asia/Ho_Chi_Minh");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
