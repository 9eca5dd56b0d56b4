package vn.qualityledger.query.report;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Measure codes in the order a plan lists them: "I.2" before "I.10", "I.1" before its sub-measures "I.1.a", "I.1.b".
 * Segments between dots compare as numbers when both are digits, else as text.
 */
final class PlanOrder {

    static final Comparator<String> CODES = PlanOrder::compare;

    private PlanOrder() {
    }

    private static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = segment(left[i], right[i]);
            if (c != 0) {
                return c;
            }
        }
        return left.length != right.length ? Integer.compare(left.length, right.length) : a.compareTo(b);
    }

    private static int segment(String a, String b) {
        if (!a.isEmpty() && !b.isEmpty() && a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)) {
            int c = new BigInteger(a).compareTo(new BigInteger(b));
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }
}
