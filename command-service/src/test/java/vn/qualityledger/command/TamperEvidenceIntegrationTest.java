package vn.qualityledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.qualityledger.support.TestDatabase;
import vn.qualityledger.support.integrity.EventChainVerifier;
import vn.qualityledger.support.integrity.EventChainVerifier.Verification;

/**
 * Every stored event is chained when it is written; rows altered directly in SQL afterwards are detected, and the first
 * event that fails is named. Each case works on a stream of its own: define, plan, assign, submit evidence (events 0-3).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=command-service")
class TamperEvidenceIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.recreate("ql_test_command_tamper");
        registry.add("spring.datasource.url", () -> url);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventChainVerifier verifier;

    private JsonHttp http;

    @BeforeEach
    void client() {
        http = new JsonHttp("http://localhost:" + port);
    }

    private String streamOfFourEvents(String id) {
        assertThat(http.post("/api/objectives", """
                {"objectiveId": "%s", "organisationId": "SLDTBXH-HD", "year": 2023, "code": "%s", "statement": "Mục tiêu kiểm thử"}"""
                .formatted(id, id)).status()).isEqualTo(201);
        assertThat(http.post("/api/objectives/" + id + "/measures", """
                {"measureId": "I.6", "details": {"code": "I.6", "title": "Báo cáo 6 tháng", "leadUnits": ["VP"], "monitors": ["QMR"],
                  "schedule": {"rules": [{"due": "2023-05-14"}]}}}""").status()).isEqualTo(201);
        assertThat(http.post("/api/objectives/" + id + "/assignments", """
                {"measureId": "I.6", "unit": "VP"}""").status()).isEqualTo(202);
        assertThat(http.post("/api/objectives/" + id + "/evidence", """
                {"evidenceId": "ev-1", "occurrenceId": "I.6@2023-05-14",
                 "document": {"number": "512/BC-SLĐTBXH", "date": "2023-05-12", "issuer": "Văn phòng Sở", "title": "Báo cáo"}}""").status())
                .isEqualTo(201);
        return id;
    }

    private void assertFailsAt(Verification verification, long sequenceNumber, String problem) {
        assertThat(verification.verified()).isFalse();
        assertThat(verification.firstFailure().sequenceNumber()).isEqualTo(sequenceNumber);
        assertThat(verification.firstFailure().problem()).contains(problem);
    }

    @Test
    void anUntouchedStreamVerifiesClean() {
        Verification verification = verifier.verify(streamOfFourEvents("tamper-none"));
        assertThat(verification.verified()).isTrue();
        assertThat(verification.eventsChecked()).isEqualTo(4);
        assertThat(verification.firstFailure()).isNull();
    }

    @Test
    void detectsAnAlteredPayload() {
        String id = streamOfFourEvents("tamper-payload");
        jdbc.update("""
                UPDATE event_store.domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '"VP"', '"P-KHTC"'), 'UTF8')
                WHERE aggregate_identifier = ? AND sequence_number = 2""", id);
        assertFailsAt(verifier.verify(id), 2, "differs");
    }

    @Test
    void detectsAlteredMetadata() {
        String id = streamOfFourEvents("tamper-metadata");
        jdbc.update("UPDATE event_store.domain_event_entry SET meta_data = convert_to('{}', 'UTF8') WHERE aggregate_identifier = ? AND sequence_number = 1", id);
        assertFailsAt(verifier.verify(id), 1, "differs");
    }

    @Test
    void detectsAnAlteredTimestamp() {
        String id = streamOfFourEvents("tamper-time");
        jdbc.update("UPDATE event_store.domain_event_entry SET time_stamp = '2023-01-01T00:00:00.000Z' WHERE aggregate_identifier = ? AND sequence_number = 3", id);
        assertFailsAt(verifier.verify(id), 3, "differs");
    }

    @Test
    void detectsADeletedMiddleEvent() {
        String id = streamOfFourEvents("tamper-delete");
        jdbc.update("DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1", id);
        assertFailsAt(verifier.verify(id), 1, "missing");
    }

    @Test
    void detectsADeletedLastEvent() {
        String id = streamOfFourEvents("tamper-truncate");
        jdbc.update("DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 3", id);
        assertFailsAt(verifier.verify(id), 3, "missing");
    }

    @Test
    void detectsSwappedSequenceNumbers() {
        String id = streamOfFourEvents("tamper-swap");
        jdbc.update("UPDATE event_store.domain_event_entry SET sequence_number = -1 WHERE aggregate_identifier = ? AND sequence_number = 1", id);
        jdbc.update("UPDATE event_store.domain_event_entry SET sequence_number = 1 WHERE aggregate_identifier = ? AND sequence_number = 2", id);
        jdbc.update("UPDATE event_store.domain_event_entry SET sequence_number = 2 WHERE aggregate_identifier = ? AND sequence_number = -1", id);
        assertFailsAt(verifier.verify(id), 1, "differs");
    }

    @Test
    void detectsAnEventInsertedBehindTheServicesBack() {
        String id = streamOfFourEvents("tamper-insert");
        jdbc.update("""
                INSERT INTO event_store.domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                    payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                SELECT nextval('event_store.domain_event_entry_seq'), 'forged-event', meta_data, payload, payload_revision,
                       payload_type, time_stamp, aggregate_identifier, 4, type
                FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 3""", id);
        assertFailsAt(verifier.verify(id), 4, "no link");
        assertThat(verifier.verify(id).firstFailure().eventIdentifier()).isEqualTo("forged-event");
    }
}
