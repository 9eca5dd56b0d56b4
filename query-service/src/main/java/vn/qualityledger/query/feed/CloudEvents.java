package vn.qualityledger.query.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.qualityledger.api.contract.EventContract;

/**
 * Stored events as CloudEvents 1.0, built with the CloudEvents Java SDK.
 *
 * <ul>
 * <li>{@code id}: the event's identifier (unique: consumers dedupe by it); {@code source}:
 * {@code urn:qualityledger:<organisation>} (the organisation of the event's stream); {@code type}: the published type
 * and the revision the event was stored at, e.g. {@code vn.qualityledger.objective.EvidenceSubmitted.v1};
 * {@code subject}: the stream (aggregate id); {@code time}: when it was recorded.
 * <li>{@code data}: the stored JSON as is ({@code datacontenttype} application/json), described by {@code dataschema},
 * the URL the service serves that type's and revision's JSON Schema at.
 * <li>Extensions: {@code position} (global index), {@code streamsequence} (within the stream), {@code actorid},
 * {@code correlationid} (from the event's metadata, when present); and {@code sequence}, deprecated since contract
 * 1.1.0, the same value as {@code streamsequence}: the CloudEvents sequence extension gives that name another meaning
 * (strings ordered lexicographically per source), but consumers of 1.0.0 still read it.
 * </ul>
 * The JSON format is the SDK's ({@code JsonFormat}, Jackson 2); the batch format is a JSON array of such events.
 */
@Component
public class CloudEvents {

    public static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    private static final String SOURCE_PREFIX = "urn:qualityledger:";
    /** Contract 1.0.0's name of {@code streamsequence}; kept, with the same value, for the consumers that read it. */
    private static final String DEPRECATED_SEQUENCE = "sequence";

    private final ObjectMapper json = new ObjectMapper().registerModule(JsonFormat.getCloudEventJacksonModule());

    /** The event as a CloudEvent. */
    public CloudEvent of(StoredEvent event) {
        Class<?> type = EventContract.byPayloadType(event.payloadType())
                .orElseThrow(() -> new IllegalArgumentException("Not a published event type: " + event.payloadType()));
        String typeName = EventContract.typeName(type);
        // Every published event has carried a @Revision from the start; an unrevisioned row would be from before that.
        String revision = event.payloadRevision() != null ? event.payloadRevision() : EventContract.revision(type);
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.eventId())
                .withSource(source(event.organisationId()))
                .withType(EventContract.cloudEventType(typeName, revision))
                .withSubject(event.streamId())
                .withTime(event.timestamp().atOffset(ZoneOffset.UTC))
                .withDataSchema(EventContract.schemaUri(typeName, revision))
                .withData("application/json", event.payload())
                .withExtension("position", event.position())
                .withExtension("streamsequence", event.sequence())
                .withExtension(DEPRECATED_SEQUENCE, event.sequence());
        JsonNode metadata = metadata(event.metadata());
        text(metadata, "actorId", builder, "actorid");
        text(metadata, "correlationId", builder, "correlationid");
        return builder.build();
    }

    /** One event in the structured JSON format ({@code application/cloudevents+json}). */
    public byte[] structured(CloudEvent event) {
        return write(event);
    }

    /** Events in the JSON batch format ({@code application/cloudevents-batch+json}). */
    public byte[] batch(List<CloudEvent> events) {
        return write(events);
    }

    static URI source(String organisationId) {
        return URI.create(organisationId == null ? "urn:qualityledger"
                : SOURCE_PREFIX + URLEncoder.encode(organisationId, StandardCharsets.UTF_8));
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode metadata(byte[] metadata) {
        if (metadata == null || metadata.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(JsonNode metadata, String field, CloudEventBuilder builder, String extension) {
        JsonNode value = metadata.get(field);
        if (value != null && value.isTextual() && !value.asText().isBlank()) {
            builder.withExtension(extension, value.asText());
        }
    }
}
