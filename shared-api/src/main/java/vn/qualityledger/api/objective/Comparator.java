package vn.qualityledger.api.objective;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Arrays;

/** How a measured value is compared with a target value; written as its symbol ({@code >=}) in JSON. */
public enum Comparator {
    AT_LEAST(">="), MORE_THAN(">"), AT_MOST("<="), LESS_THAN("<"), EQUAL("=");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    @JsonValue
    public String symbol() {
        return symbol;
    }

    @JsonCreator
    public static Comparator ofSymbol(String symbol) {
        return Arrays.stream(values())
                .filter(c -> c.symbol.equals(symbol) || c.name().equals(symbol))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("comparator must be one of >=, >, <=, <, = but was '" + symbol + "'"));
    }

    /** Whether {@code actual} meets a target of {@code target} under this comparator. */
    public boolean holds(BigDecimal actual, BigDecimal target) {
        int c = actual.compareTo(target);
        return switch (this) {
            case AT_LEAST -> c >= 0;
            case MORE_THAN -> c > 0;
            case AT_MOST -> c <= 0;
            case LESS_THAN -> c < 0;
            case EQUAL -> c == 0;
        };
    }
}
