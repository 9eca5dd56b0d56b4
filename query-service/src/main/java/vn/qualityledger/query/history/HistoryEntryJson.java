package vn.qualityledger.query.history;

import static vn.qualityledger.query.QueryServiceApplication.AGENCY_ZONE;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.query.history.HistoryEntry.Summary;

/**
 * Writes an event as its {@link HistoryEntry} reads in JSON, from the bytes the event store keeps instead of from the
 * event deserialised and then serialised again, which cost most of a history page (JFR: the payload and metadata read
 * into objects, and written back with {@code writePOJO}, were two thirds of the time). The payload and the metadata
 * are written as stored; Axon has already passed them through the upcasters, so an old revision reads as the current
 * one. The summary reads the same JSON: no payload is deserialised into its record.
 */
final class HistoryEntryJson {

    /** Not Spring's mapper, which reads request bodies strictly: this one reads what was stored. */
    private static final JsonMapper STORED = JsonMapper.builder().build();
    /** The metadata an entry reads besides writing it whole: who did it and what caused it. */
    private static final Set<String> ATTRIBUTION = Set.of(Actor.ID, Actor.NAME, Actor.ROLES, Actor.ORGANISATION, Actor.UNIT,
            StreamHistory.CAUSATION_ID);

    private final Serializer serializer;

    /** @param serializer the event serializer, the one the store read the events with (anything else re-serialises) */
    HistoryEntryJson(Serializer serializer) {
        this.serializer = serializer;
    }

    void write(DomainEventMessage<?> event, JsonGenerator out) {
        byte[] metadata = event.serializeMetaData(serializer, byte[].class).getData();
        byte[] payload = event.serializePayload(serializer, byte[].class).getData();
        Map<String, String> attribution = attribution(metadata);
        StreamHistory.PublishedType type = StreamHistory.publishedType(event.getPayloadType());
        Summary summary = HistorySummaries.of(event.getPayloadType(), payload);
        // In HistoryEntry's order, so that the entry reads as it did when it was written with writePOJO.
        out.writeStartObject();
        out.writeNumberProperty("sequenceNumber", event.getSequenceNumber());
        out.writeStringProperty("eventId", event.getIdentifier());
        out.writeStringProperty("eventType", type.name());
        out.writeStringProperty("revision", type.revision());
        // The mapper's own time formats, as every other response has them.
        out.writePOJOProperty("recordedAt", event.getTimestamp());
        out.writePOJOProperty("recordedAtLocal", event.getTimestamp().atZone(AGENCY_ZONE).toOffsetDateTime());
        out.writePOJOProperty("actor", Actor.fromMetaData(attribution));
        out.writeStringProperty("causationId", attribution.get(StreamHistory.CAUSATION_ID));
        out.writeName("metadata");
        out.writeRawValue(new StoredJson(metadata));
        out.writeName("payload");
        out.writeRawValue(new StoredJson(payload));
        out.writeName("summary");
        out.writeStartObject();
        out.writeStringProperty("vi", summary.vi());
        out.writeStringProperty("en", summary.en());
        out.writeEndObject();
        out.writeEndObject();
    }

    /**
     * The attribution keys of the stored metadata, as text ({@link Actor#fromMetaData} and the causation id read them
     * as text), without building the whole metadata map.
     */
    static Map<String, String> attribution(byte[] metadata) {
        Map<String, String> found = new HashMap<>();
        try (JsonParser parser = STORED.createParser(metadata)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("stored metadata is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    parser.skipChildren();
                } else if (value != JsonToken.VALUE_NULL && ATTRIBUTION.contains(name)) {
                    found.put(name, parser.getString());
                }
            }
        }
        return found;
    }

    /**
     * Stored JSON, written as it is. A UTF-8 generator (the page's) copies its bytes: decoding them into a String
     * only for the generator to encode it again took 8% of a page (JFR). Any other generator gets the text.
     */
    private static final class StoredJson implements SerializableString {

        private final byte[] utf8;
        private SerializedString text;

        StoredJson(byte[] utf8) {
            this.utf8 = utf8;
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (utf8.length > buffer.length - offset) {
                return -1; // the generator then writes asUnquotedUTF8() past its buffer
            }
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (utf8.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(utf8);
            return utf8.length;
        }

        private SerializedString text() {
            if (text == null) {
                text = new SerializedString(new String(utf8, StandardCharsets.UTF_8));
            }
            return text;
        }

        @Override
        public String getValue() {
            return text().getValue();
        }

        @Override
        public int charLength() {
            return text().charLength();
        }

        @Override
        public char[] asQuotedChars() {
            return text().asQuotedChars();
        }

        @Override
        public byte[] asQuotedUTF8() {
            return text().asQuotedUTF8();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return text().appendQuotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return text().appendQuoted(buffer, offset);
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            return text().appendUnquoted(buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return text().writeQuotedUTF8(out);
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
            return text().putQuotedUTF8(buffer);
        }

        @Override
        public String toString() {
            return getValue();
        }
    }
}
