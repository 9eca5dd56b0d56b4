package vn.qualityledger.api.objective;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * What an objective promises, e.g. "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn" {@code >= 95 %}.
 *
 * @param indicator  what is measured
 * @param comparator how a measurement is compared with {@code value}
 * @param value      the target value; between 0 and 100 when {@code unit} is {@code %}
 * @param unit       the unit of the indicator, e.g. {@code %}
 */
public record Target(@NotBlank @Size(max = 1000) String indicator, @NotNull Comparator comparator, @NotNull BigDecimal value,
                     @Size(max = 20) String unit) {

    public boolean isPercentage() {
        return "%".equals(unit);
    }

    /** Whether a measured value meets this target. */
    public boolean isMetBy(BigDecimal measured) {
        return comparator.holds(measured, value);
    }
}
