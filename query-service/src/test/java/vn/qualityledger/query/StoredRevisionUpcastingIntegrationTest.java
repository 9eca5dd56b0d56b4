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
 * chain of the event store Axon's auto-configuration builds, so an event stored at revision 1 reads as revision 2.
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
    }
}
