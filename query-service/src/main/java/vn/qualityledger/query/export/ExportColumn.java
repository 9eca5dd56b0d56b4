package vn.qualityledger.query.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * One column of an exported list: its Vietnamese heading, what it holds, and how a row gives its value (null: an empty
 * cell).
 */
public record ExportColumn<T>(String heading, CellKind kind, Function<T, ?> value) {

    public static <T> ExportColumn<T> text(String heading, Function<T, String> value) {
        return new ExportColumn<>(heading, CellKind.TEXT, value);
    }

    /** A count; an {@code int} or a {@code long}. */
    public static <T> ExportColumn<T> integer(String heading, Function<T, ? extends Number> value) {
        return new ExportColumn<>(heading, CellKind.INTEGER, value);
    }

    public static <T> ExportColumn<T> decimal(String heading, Function<T, BigDecimal> value) {
        return new ExportColumn<>(heading, CellKind.DECIMAL, value);
    }

    public static <T> ExportColumn<T> percent(String heading, Function<T, BigDecimal> value) {
        return new ExportColumn<>(heading, CellKind.PERCENT, value);
    }

    public static <T> ExportColumn<T> date(String heading, Function<T, LocalDate> value) {
        return new ExportColumn<>(heading, CellKind.DATE, value);
    }

    public static <T> ExportColumn<T> dateTime(String heading, Function<T, OffsetDateTime> value) {
        return new ExportColumn<>(heading, CellKind.DATE_TIME, value);
    }

    /** An enum as its code (what the JSON says), so that a filter or a pivot on it matches the API's values. */
    public static <T> ExportColumn<T> code(String heading, Function<T, ? extends Enum<?>> value) {
        return new ExportColumn<>(heading, CellKind.TEXT, row -> {
            Enum<?> constant = value.apply(row);
            return constant == null ? null : constant.name();
        });
    }

    /** A yes/no as the agency writes it. */
    public static <T> ExportColumn<T> yesNo(String heading, Function<T, Boolean> value) {
        return new ExportColumn<>(heading, CellKind.TEXT, row -> {
            Boolean yes = value.apply(row);
            return yes == null ? null : yes ? "Có" : "Không";
        });
    }

    Object cell(T row) {
        return kind.accept(value.apply(row), heading);
    }
}
