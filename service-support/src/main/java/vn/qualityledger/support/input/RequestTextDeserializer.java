package vn.qualityledger.support.input;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Every string of every request body: only a JSON string (no number, boolean or array coerced into text), free of
 * control characters and unpaired surrogates ({@link RequestText}). A deserializer rather than a Bean Validation
 * constraint because it reaches every string — in nested records, lists, and the shared-api value types — without an
 * annotation on each field that a new field could forget; the path Jackson records still names the field.
 */
final class RequestTextDeserializer extends ValueDeserializer<String> {

    static final String RULE = "NoControlCharacters";

    private final boolean multiLine;

    RequestTextDeserializer(boolean multiLine) {
        this.multiLine = multiLine;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        boolean prose = property != null && RequestText.MULTI_LINE_FIELDS.contains(property.getName());
        return prose == multiLine ? this : new RequestTextDeserializer(prose);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            throw new InvalidInput(parser, "Type", "must be a string");
        }
        String text = parser.getString();
        String violation = RequestText.violation(text, multiLine);
        if (violation != null) {
            throw new InvalidInput(parser, RULE, violation);
        }
        return text;
    }
}
