package vn.qualityledger.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.contract.EventContract;
import vn.qualityledger.api.contract.SampleEvents;
import vn.qualityledger.api.objective.EvidenceSubmittedEvent;
import vn.qualityledger.query.IntegrationDatabase;

/**
 * A history entry written from the stored bytes ({@link HistoryEntryJson}) reads as the same JSON as the entry
 * deserialised and written with the service's mapper ({@code writePOJO} of {@link HistoryEntry}, as the history page
 * was written before): for a sample of every contract type, with and without attribution in the metadata, and for an
 * event stored at a revision an upcaster takes to the current one. The events reach both writers as the event store
 * hands them out: rows serialised by the service's event serializer, read back through Axon's upcasting and
 * deserialising stream (what the JPA storage engine returns) with the service's upcaster chain. Both entries carry
 * the summary of the stored JSON; that it says what the summary of the deserialised event said is checked against
 * the texts the typed summaries wrote.
 */
@SpringBootTest(properties = "spring.config.name=query-service")
class HistoryEntryJsonIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_history_entry_json");
        registry.add("spring.datasource.url", () -> url);
    }

    private static final String STREAM = "SLDTBXH-HD.MTCL-2023-01";
    private static final String COMMAND = "0b6f1c1e-5d7a-4f59-9a55-3a4c2f7d9e01";
    /** What command-service's correlation providers put on an event (the bench's EventEncoder writes the same). */
    private static final MetaData ATTRIBUTED = MetaData.with("traceId", COMMAND).and("correlationId", COMMAND)
            .and("causationId", COMMAND).and("commandId", COMMAND)
            .mergedWith(new Actor("nhanvienvp", "Nguyễn Thị Hồng Nhung", List.of(Role.STAFF, Role.UNIT_HEAD), "SLDTBXH-HD", "VP")
                    .toMetaData());

    @Autowired
    JsonMapper json;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    StreamHistory history;

    @Test
    void everyContractTypeReadsAsItsEntryDeserialisedAndWrittenAgain() {
        List<String> compared = new ArrayList<>();
        for (Class<?> type : EventContract.EVENTS) {
            for (MetaData metadata : List.of(ATTRIBUTED, MetaData.emptyInstance())) {
                DomainEventData<?> row = stored(new GenericDomainEventMessage<>("Objective", STREAM, 7, SampleEvents.full(type), metadata));
                assertThat(fromStoredBytes(read(row))).as(type.getSimpleName()).isEqualTo(deserialisedAndWritten(read(row)));
                compared.add(type.getSimpleName());
            }
        }
        assertThat(compared).hasSize(EventContract.EVENTS.size() * 2);
    }

    /**
     * With every property that may be null left null. Some of these the summaries cannot describe (a finding without
     * its kind: no command records one); those fail in both writers alike, the rest read the same.
     */
    @Test
    void everyContractTypeWithItsOptionalPropertiesLeftNullReadsTheSame() {
        int compared = 0;
        for (Class<?> type : EventContract.EVENTS) {
            DomainEventData<?> row = stored(new GenericDomainEventMessage<>("Objective", STREAM, 7, SampleEvents.sparse(type), ATTRIBUTED));
            JsonNode before;
            try {
                before = deserialisedAndWritten(read(row));
            } catch (RuntimeException undescribed) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> fromStoredBytes(read(row))).as(type.getSimpleName())
                        .isInstanceOf(undescribed.getClass());
                continue;
            }
            assertThat(fromStoredBytes(read(row))).as(type.getSimpleName()).isEqualTo(before);
            compared++;
        }
        assertThat(compared).isGreaterThan(EventContract.EVENTS.size() / 2);
    }

    @Test
    void anEventStoredAtAnOlderRevisionReadsAsTheCurrentOne() {
        EvidenceSubmittedEvent current = (EvidenceSubmittedEvent) SampleEvents.full(EvidenceSubmittedEvent.class);
        ObjectNode revisionOne = (ObjectNode) json.readTree(serializer.serialize(current, byte[].class).getData());
        revisionOne.remove("file"); // revision 1 had no file (EvidenceSubmittedV1ToV2)
        GenericDomainEventEntry<byte[]> row = new GenericDomainEventEntry<>("Objective", STREAM, 3, "evidence-v1",
                Instant.parse("2023-05-12T02:00:00Z"), EvidenceSubmittedEvent.class.getName(), "1",
                json.writeValueAsBytes(revisionOne), serializer.serialize(ATTRIBUTED, byte[].class).getData());

        JsonNode entry = fromStoredBytes(read(row));

        assertThat(entry).isEqualTo(deserialisedAndWritten(read(row)));
        assertThat(entry.get("revision").asString()).isEqualTo("2");
        assertThat(entry.get("payload").has("file")).isTrue();
        assertThat(entry.get("payload").get("file").isNull()).isTrue();
        assertThat(entry.get("payload").get("document").get("title").asString()).isEqualTo(current.document().title());
        // A generator that writes characters, not UTF-8 bytes, gets the stored JSON as text.
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonGenerator out = json.createGenerator(text)) {
            new HistoryEntryJson(serializer).write(read(row), out);
        }
        assertThat(json.readTree(text.toString())).isEqualTo(entry);
    }

    @Test
    void readsTheAttributionFromTheStoredMetadata() {
        JsonNode entry = fromStoredBytes(read(stored(new GenericDomainEventMessage<>("Objective", STREAM, 0,
                SampleEvents.full(EvidenceSubmittedEvent.class), ATTRIBUTED))));

        assertThat(entry.get("causationId").asString()).isEqualTo(COMMAND);
        assertThat(entry.get("actor").get("name").asString()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(entry.get("actor").get("roles").toString()).isEqualTo("[\"STAFF\",\"UNIT_HEAD\"]");
        assertThat(entry.get("metadata").get("actorUnit").asString()).isEqualTo("VP");
        assertThat(HistoryEntryJson.attribution("{\"actorId\":\"a\",\"nested\":{\"actorName\":\"x\"},\"actorName\":null}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(Map.of("actorId", "a"));
    }

    /**
     * The summaries, now read from the stored JSON, say what they said when they were made from the deserialised
     * events: {@code summaries-of-samples.json} holds what the typed summaries wrote for every contract type's samples
     * (generated with them at 82977e8, the last commit before they read JSON); null where they could not describe the
     * sparse sample.
     */
    @Test
    void describesEverySampleAsTheSummariesOfTheDeserialisedEventsDid() throws Exception {
        JsonNode expected;
        try (var in = getClass().getResourceAsStream("summaries-of-samples.json")) {
            expected = json.readTree(in);
        }
        for (Class<?> type : EventContract.EVENTS) {
            JsonNode forType = expected.get(EventContract.typeName(type));
            assertThat(forType).as("a summary of the samples of " + type.getSimpleName() + " in summaries-of-samples.json").isNotNull();
            assertThat(summaryOf(type, SampleEvents.full(type))).as(type.getSimpleName()).isEqualTo(forType.get("full"));
            if (!forType.get("sparse").isNull()) {
                assertThat(summaryOf(type, SampleEvents.sparse(type))).as(type.getSimpleName() + ", sparse").isEqualTo(forType.get("sparse"));
            }
        }
    }

    private JsonNode summaryOf(Class<?> type, Object sample) {
        return json.valueToTree(HistorySummaries.of(type, serializer.serialize(sample, byte[].class).getData()));
    }

    /** The row the JPA storage engine stores for the message. */
    private DomainEventData<?> stored(DomainEventMessage<?> message) {
        return new DomainEventEntry(message, serializer);
    }

    /** The row as the store reads it back: upcast and lazily deserialised by Axon. */
    private DomainEventMessage<?> read(DomainEventData<?> row) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(row), serializer, axon.upcasterChain()).next();
    }

    private JsonNode fromStoredBytes(DomainEventMessage<?> event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = json.createGenerator(bytes)) {
            new HistoryEntryJson(serializer).write(event, out);
        }
        return json.readTree(bytes.toByteArray());
    }

    /** The entry as the history page wrote it before: deserialised, then written with the mapper. */
    private JsonNode deserialisedAndWritten(DomainEventMessage<?> event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writePOJO(history.entry(event));
        }
        return json.readTree(bytes.toByteArray());
    }
}
