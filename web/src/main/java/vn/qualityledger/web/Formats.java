package vn.qualityledger.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How figures read on a page ({@code ${@fmt.percent(x)}}): dates dd/MM/yyyy in Asia/Ho_Chi_Minh, numbers with the
 * page language's separators (Vietnamese: 1.234,5 and 95,5 %). Only the presentation: a rate is shown as the
 * service gave it, never recomputed.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** An ISO date (as the APIs write them) as dd/MM/yyyy; empty for none. */
    public String date(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return "";
        }
        String text = iso.toString();
        if (text.length() > 10 && text.contains("T")) {
            return DATE_TIME.format(Instant.parse(text).atZone(WebApplication.AGENCY_ZONE));
        }
        return DATE.format(LocalDate.parse(text));
    }

    /** The time of day of an instant (as the APIs write them), HH:mm:ss in Asia/Ho_Chi_Minh. */
    public String time(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return "";
        }
        return TIME.format(Instant.parse(iso.toString()).atZone(WebApplication.AGENCY_ZONE));
    }

    /**
     * An event's kind from its published type name: {@code vn.qualityledger.objective.EvidenceRejected} → EvidenceRejected
     * (a Java class name, {@code …EvidenceRejectedEvent}, as older query-services wrote, gives the same).
     */
    public String eventKind(Object eventType) {
        String type = String.valueOf(eventType);
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return simple.endsWith("Event") ? simple.substring(0, simple.length() - "Event".length()) : simple;
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A percentage figure (95.50) as "95,5 %"; a dash when the service gives none (nothing due). */
    public String percent(Object value) {
        return value == null ? "—" : number(value) + " %";
    }

    /** A target's comparator as the agency's documents write it (≥ 95 %). */
    public String comparator(Object comparator) {
        if (comparator == null) {
            return "";
        }
        return switch (comparator.toString()) {
            case ">=" -> "≥";
            case "<=" -> "≤";
            default -> comparator.toString();
        };
    }

    /** A number with the language's separators, at most two decimals, no trailing zeros. */
    public String number(Object value) {
        if (value == null) {
            return "—";
        }
        BigDecimal number = value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(Math.max(2, Math.min(number.scale(), 4)));
        return format.format(number);
    }

    private static Locale locale() {
        Locale locale = LocaleContextHolder.getLocale();
        return locale.getLanguage().equals("en") ? Locale.UK : WebConfiguration.VIETNAMESE;
    }
}
