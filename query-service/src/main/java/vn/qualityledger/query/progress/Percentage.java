package vn.qualityledger.query.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How every rate of the read models is given: a percentage with two decimals, half up; null when nothing counts. */
public final class Percentage {

    private Percentage() {
    }

    public static BigDecimal of(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
