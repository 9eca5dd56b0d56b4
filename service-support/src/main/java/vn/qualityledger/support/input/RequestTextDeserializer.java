package vn.qualityledger.support.input;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Every string of every request body: only a JSON string (no number, boolean or array coerced into text), free of
 * control characters and unpaired surrogates, then {@linkplain RequestText#normalised normalised} (NFC, trimmed) and no
 * longer than {@link RequestText#MAX_LENGTH}. A deserializer rather than a Bean Validation constraint because it reaches
 * every string — in nested records, lists, and the shared-api value types — without an annotation on each field that a
 * new field could forget; the path Jackson records still names the field. The {@code @Size} of a field is checked by
 * Bean Validation on the record built from these strings, so always on the normalised text.
 * <p>
 * Control characters are looked for before trimming: a code that ends in a line break or a tab is refused, not
 * silently cut.
 */
final class RequestTextDeserializer extends ValueDeserializer<String> {

    static final String RULE = "NoControlCharacters";
    /** As Bean Validation names a length refusal. */
    static final String SIZE_RULE = "Size";

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
        String normalised = RequestText.normalised(text);
        if (normalised.length() > RequestText.MAX_LENGTH) {
            throw new InvalidInput(parser, SIZE_RULE, "size must be between 0 and " + RequestText.MAX_LENGTH);
        }
        return normalised;
    }
}
