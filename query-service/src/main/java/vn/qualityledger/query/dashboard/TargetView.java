package vn.qualityledger.query.dashboard;

import java.math.BigDecimal;
import vn.qualityledger.api.objective.Target;

/** An objective's target as a client sees it, e.g. {@code >= 95 %}; the comparator is its symbol. */
public record TargetView(String indicator, String comparator, BigDecimal value, String unit) {

    static TargetView of(Target target) {
        return target == null ? null
                : new TargetView(target.indicator(), target.comparator().symbol(), target.value(), target.unit());
    }
}
