package vn.qualityledger.support.input;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * A date in a request is an ISO string {@code yyyy-MM-dd} and nothing else: Jackson would also read {@code [2023,1,1]}
 * and {@code 19000} (days since 1970), and years like {@code +999999999}. A year outside {@value #FIRST_YEAR}–{@value
 * #LAST_YEAR} is no date of a quality record; the aggregates bound dates more closely where the domain does.
 */
final class IsoDateDeserializer extends ValueDeserializer<LocalDate> {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2100;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING) || !ISO_DATE.matcher(parser.getString()).matches()) {
            throw new InvalidInput(parser, "IsoDate", "must be an ISO date yyyy-MM-dd");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(parser.getString());
        } catch (DateTimeParseException notADay) {
            throw new InvalidInput(parser, "IsoDate", "must be an ISO date yyyy-MM-dd of a day that exists");
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new InvalidInput(parser, "DateRange", "must lie between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        return date;
    }
}
