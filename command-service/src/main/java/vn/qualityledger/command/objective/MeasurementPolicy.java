package vn.qualityledger.command.objective;

import java.math.BigDecimal;
import java.math.RoundingMode;
import vn.qualityledger.api.objective.Period;
import vn.qualityledger.api.objective.RecordMeasurementCommand;
import vn.qualityledger.api.objective.Target;
import vn.qualityledger.command.common.Refusal;

/**
 * A measurement is of the objective's target indicator, for a period inside the objective's year, given either as a
 * ratio (numerator of denominator: a percentage when the target is in %) or as a value.
 */
final class MeasurementPolicy {

    static final int SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private MeasurementPolicy() {
    }

    /** The measured value the command describes, or a refusal. */
    static BigDecimal value(RecordMeasurementCommand command, Target target, int year) {
        if (target == null) {
            throw Refusal.ruleBroken("OBJECTIVE_HAS_NO_TARGET", null, "The objective has no target indicator to measure");
        }
        Period period = command.period();
        if (period.from().isAfter(period.to())) {
            throw Refusal.ruleBroken("PERIOD_REVERSED", "period.to", "A period ends on or after its start");
        }
        if (period.from().getYear() != year || period.to().getYear() != year) {
            throw Refusal.ruleBroken("PERIOD_OUTSIDE_YEAR", "period", "A measurement's period lies in the objective's year " + year);
        }
        if (command.recordedOn().isBefore(period.from())) {
            throw Refusal.ruleBroken("RECORDED_BEFORE_PERIOD", "recordedOn",
                    "A measurement of the period from " + period.from() + " cannot be recorded before the period began");
        }
        boolean ratio = command.numerator() != null || command.denominator() != null;
        if (ratio == (command.value() != null)) {
            throw Refusal.ruleBroken("MEASUREMENT_VALUE_AMBIGUOUS", "value", "Give either numerator and denominator, or a value");
        }
        if (!ratio) {
            return withinRange(command.value(), target);
        }
        if (command.numerator() == null || command.denominator() == null) {
            throw Refusal.ruleBroken("MEASUREMENT_RATIO_INCOMPLETE", command.numerator() == null ? "numerator" : "denominator",
                    "A ratio needs both numerator and denominator");
        }
        if (!Quantity.isSane(command.numerator())) {
            throw Refusal.ruleBroken("MEASUREMENT_OUT_OF_RANGE", "numerator", "A measurement lies " + Quantity.RANGE);
        }
        if (!Quantity.isSane(command.denominator())) {
            throw Refusal.ruleBroken("MEASUREMENT_OUT_OF_RANGE", "denominator", "A measurement lies " + Quantity.RANGE);
        }
        if (command.denominator().signum() <= 0 || command.numerator().signum() < 0) {
            throw Refusal.ruleBroken("MEASUREMENT_RATIO_INVALID", "denominator", "A ratio needs a positive denominator and a non-negative numerator");
        }
        if (command.numerator().compareTo(command.denominator()) > 0) {
            throw Refusal.ruleBroken("MEASUREMENT_RATIO_INVALID", "numerator", "A ratio's numerator cannot exceed its denominator");
        }
        BigDecimal fraction = command.numerator().divide(command.denominator(), SCALE + 2, RoundingMode.HALF_UP);
        return (target.isPercentage() ? fraction.multiply(HUNDRED) : fraction).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** A value must be a quantity of the records ({@link Quantity}), and a percentage one between 0 and 100. */
    private static BigDecimal withinRange(BigDecimal value, Target target) {
        if (!Quantity.isSane(value)) {
            throw Refusal.ruleBroken("MEASUREMENT_OUT_OF_RANGE", "value", "A measurement lies " + Quantity.RANGE);
        }
        if (target.isPercentage() && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            throw Refusal.ruleBroken("MEASUREMENT_PERCENT_OUT_OF_RANGE", "value", "A measurement of a percentage lies between 0 and 100");
        }
        return value;
    }
}
