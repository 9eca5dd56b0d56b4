package vn.qualityledger.command.objective;

import java.math.BigDecimal;
import vn.qualityledger.api.objective.Target;
import vn.qualityledger.command.common.Refusal;

/** A target must say what is measured, how it is compared, and a value that can be reached. */
public final class TargetPolicy {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TargetPolicy() {
    }

    public static void requireValid(Target target, String field) {
        if (target == null) {
            return;
        }
        if (target.indicator() == null || target.indicator().isBlank()) {
            throw Refusal.ruleBroken("TARGET_INDICATOR_REQUIRED", field + ".indicator", "A target needs an indicator");
        }
        if (target.comparator() == null) {
            throw Refusal.ruleBroken("TARGET_COMPARATOR_REQUIRED", field + ".comparator", "A target needs a comparator");
        }
        if (target.value() == null) {
            throw Refusal.ruleBroken("TARGET_VALUE_REQUIRED", field + ".value", "A target needs a value");
        }
        if (!Quantity.isSane(target.value())) {
            throw Refusal.ruleBroken("TARGET_VALUE_OUT_OF_RANGE", field + ".value", "A target value lies " + Quantity.RANGE);
        }
        if (target.isPercentage() && (target.value().signum() < 0 || target.value().compareTo(HUNDRED) > 0)) {
            throw Refusal.ruleBroken("TARGET_PERCENT_OUT_OF_RANGE", field + ".value", "A percentage target lies between 0 and 100");
        }
    }
}
