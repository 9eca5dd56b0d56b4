package vn.qualityledger.query.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.stereotype.Component;

/**
 * Every date and instant a read takes ({@code asOf}, {@code knownAt}, {@code at}, {@code from}, {@code to},
 * {@code dueFrom}, {@code dueTo} …) lies in years 1900 to 9999: dates 1900-01-01 … 9999-12-31, instants
 * 1900-01-01T00:00:00Z … 9999-12-31T23:59:59.999999999Z. Nothing in a quality system is dated outside that, and beyond it
 * the date arithmetic of the reads (and PostgreSQL's date range) fails: {@code asOf=+999999999-12-31} was a 500.
 * Registered for every {@code String} to {@code LocalDate}/{@code Instant} conversion of a request, so no endpoint
 * can forget it; a value outside is a 400 naming the parameter (ProblemDetailsAdvice).
 */
@Component
public class DomainRange implements WebMvcConfigurer {

    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);
    public static final Instant FIRST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    @Override
    public void addFormatters(FormatterRegistry registry) {
        // added last, so consulted first: it replaces the default ISO parsing of both types, @DateTimeFormat or not
        registry.addConverter(new BoundedTimes());
    }

    static LocalDate date(String text) {
        LocalDate date = LocalDate.parse(text.trim());
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw new OutOfDomainRange("must be a date from " + FIRST_DATE + " to " + LAST_DATE + " but was '" + text + "'");
        }
        return date;
    }

    static Instant instant(String text) {
        Instant instant = Instant.parse(text.trim());
        if (instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT)) {
            throw new OutOfDomainRange("must be an instant from " + FIRST_INSTANT + " to 9999-12-31T23:59:59Z but was '" + text + "'");
        }
        return instant;
    }

    private static final class BoundedTimes implements ConditionalGenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(String.class, LocalDate.class), new ConvertiblePair(String.class, Instant.class));
        }

        @Override
        public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
            return true;
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            String text = (String) source;
            if (text == null || text.isBlank()) {
                return null; // an empty parameter is an absent one, as with Spring's own parsing
            }
            try {
                return targetType.getType() == LocalDate.class ? date(text) : instant(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not ISO-8601", e); // described by the parameter's type
            }
        }
    }
}
