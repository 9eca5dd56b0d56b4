package vn.qualityledger.command.objective;

import java.math.BigDecimal;

/**
 * What a number of a quality record can be: an indicator of a public agency (a rate, a count of dossiers, days, a
 * budget in đồng) never exceeds a trillion in size nor needs more than six decimals. A JSON number is read as an
 * exact decimal, so without this bound {@code 1e999999999} is accepted, stored, and shown as nonsense.
 */
final class Quantity {

    static final BigDecimal LARGEST = new BigDecimal("1E12");
    static final int MAX_DECIMALS = 6;
    static final String RANGE = "between -1,000,000,000,000 and 1,000,000,000,000 with at most 6 decimals";

    private Quantity() {
    }

    static boolean isSane(BigDecimal value) {
        return value.abs().compareTo(LARGEST) <= 0 && value.stripTrailingZeros().scale() <= MAX_DECIMALS;
    }
}
