package vn.qualityledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.qualityledger.support.upcastingproof.NoteRecordedEvent;
import vn.qualityledger.support.upcastingproof.NoteRecordedV1ToV2;

/**
 * A new event revision in a running service: an upcaster bean (here the test-only one of service-support) reaches the
 * chain of the event store Axon's auto-configuration builds, so an event stored at revision 1 reads as revision 2 — and
 * the feed's outbox, which reads through the same API, holds it at revision 2.
 */
@SpringBootTest(properties = "spring.config.name=query-service")
@Import(NoteRecordedV1ToV2.class)
class StoredRevisionUpcastingIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_contract_upcasting");
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;

    @Test
    void anEventStoredAtRevisionOneReadsFromTheEventStoreAsRevisionTwo() {
        // As a service running revision 1 stored it.
        jdbc.update("""
                INSERT INTO event_store.domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                    payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                VALUES (nextval('event_store.domain_event_entry_seq'), 'note-event-1', ?, ?, '1', ?, '2023-05-14T03:00:00Z', 'note-1', 0, 'Note')
                """, "{}".getBytes(StandardCharsets.UTF_8),
                "{\"noteId\":\"n-1\",\"unitName\":\"Văn phòng\",\"text\":\"Đã rà soát hồ sơ\",\"recordedOn\":\"2023-05-14\"}"
                        .getBytes(StandardCharsets.UTF_8),
                NoteRecordedEvent.class.getName());

        List<? extends DomainEventMessage<?>> read = eventStore.readEvents("note-1").asStream().toList();

        assertThat(read).singleElement().extracting(DomainEventMessage::getPayload)
                .isEqualTo(new NoteRecordedEvent("n-1", "Văn phòng", "Đã rà soát hồ sơ", "vi", LocalDate.of(2023, 5, 14)));

        // The feed's outbox gets it through the same API: at revision 2, as the upcaster wrote it, under its position.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM query.feed_event WHERE event_identifier = 'note-event-1'", Long.class) == 1);
        var row = jdbc.queryForMap("SELECT f.position, f.payload_revision, convert_from(f.payload, 'UTF8') AS payload, e.global_index"
                + " FROM query.feed_event f JOIN event_store.domain_event_entry e ON e.event_identifier = f.event_identifier"
                + " WHERE f.event_identifier = 'note-event-1'");
        assertThat(row.get("payload_revision")).isEqualTo("2");
        assertThat(row.get("position")).isEqualTo(row.get("global_index"));
        assertThat((String) row.get("payload")).contains("\"unit\":\"Văn phòng\"", "\"language\":\"vi\"");
    }
}
