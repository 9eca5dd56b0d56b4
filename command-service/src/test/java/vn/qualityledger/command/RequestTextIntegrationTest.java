package vn.qualityledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.qualityledger.command.JsonHttp.Reply;
import vn.qualityledger.support.TestDatabase;

/**
 * Request text is kept in NFC and trimmed, so that the same document typed decomposed on one keyboard and precomposed on
 * another is the same document: a retry in the other form is a retry, not a conflict.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=command-service", "spring.datasource.hikari.maximum-pool-size=4",
                "spring.datasource.hikari.minimum-idle=1", "server.tomcat.threads.max=2"})
class RequestTextIntegrationTest {

    private static final String TITLE = "Báo cáo kết quả thực hiện MTCL 6 tháng";
    private static final String ISSUER = "Văn phòng Sở";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.recreate("ql_test_request_text");
        registry.add("spring.datasource.url", () -> url);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    JsonHttp http;

    @BeforeEach
    void client() {
        http = new JsonHttp("http://localhost:" + port);
    }

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    /** An objective with measure I.6 and its occurrence I.6@2023-05-14, worked by VP. */
    private String objectiveWithAReport(String id) {
        Reply defined = http.post("/api/objectives", """
                {"objectiveId": "%s", "organisationId": "SLDTBXH-HD", "year": 2023, "code": "MTCL-%s",
                 "statement": "100%% TTHC được giải quyết đúng hạn"}""".formatted(id, id));
        assertThat(defined.status()).as(defined.raw()).isEqualTo(201);
        Reply planned = http.post("/api/objectives/" + id + "/measures", """
                {"measureId": "I.6", "details": {"code": "I.6", "title": "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng",
                  "leadUnits": ["VP"], "monitors": ["QMR"],
                  "schedule": {"text": "Trước 15/5", "rules": [{"rrule": "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=14"}]}}}""");
        assertThat(planned.status()).as(planned.raw()).isEqualTo(201);
        return id;
    }

    private Reply submit(String objectiveId, String evidenceId, String issuer, String title) {
        return http.as("nhanvienvp").post("/api/objectives/" + objectiveId + "/evidence", """
                {"evidenceId": "%s", "occurrenceId": "I.6@2023-05-14",
                 "document": {"number": "12/BC-VP", "date": "2023-05-10", "issuer": "%s", "title": "%s"}}"""
                .formatted(evidenceId, issuer, title));
    }

    private int evidenceSubmitted(String objectiveId) {
        return jdbc.queryForObject("""
                select count(*) from event_store.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%EvidenceSubmittedEvent'""", Integer.class, objectiveId);
    }

    @Test
    void aRetryOfEvidenceTypedDecomposedFirstAndPrecomposedThenStoresNothingMore() {
        String id = objectiveWithAReport("nfc-retry");
        assertThat(nfd(TITLE)).isNotEqualTo(TITLE);
        assertThat(nfd(ISSUER)).isNotEqualTo(ISSUER);

        Reply first = submit(id, "ev-nfc", nfd(ISSUER), nfd(TITLE));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        Reply retry = submit(id, "ev-nfc", ISSUER, TITLE);
        assertThat(retry.status()).as(retry.raw()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo("ev-nfc");
        Reply spacedRetry = submit(id, "ev-nfc", "\\u00a0" + ISSUER + "  ", " " + nfd(TITLE) + "\\n");
        assertThat(spacedRetry.status()).as(spacedRetry.raw()).isEqualTo(201);

        assertThat(evidenceSubmitted(id)).isEqualTo(1);
        String payload = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from event_store.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%EvidenceSubmittedEvent'""", String.class, id);
        assertThat(payload).contains("\"title\":\"" + TITLE + "\"", "\"issuer\":\"" + ISSUER + "\"").doesNotContain(nfd(TITLE));

        // while other content under the same id is still a conflict
        Reply other = submit(id, "ev-nfc", ISSUER, TITLE + " (bản sửa)");
        assertThat(other.status()).as(other.raw()).isEqualTo(409);
        assertThat(other.text("code")).isEqualTo("EVIDENCE_EXISTS");
        assertThat(evidenceSubmitted(id)).isEqualTo(1);
    }

    @Test
    void measuresTheLengthOfTextOnceComposed() {
        String id = objectiveWithAReport("nfc-length");
        // 2000 characters composed (the title's limit), 4000 as typed decomposed.
        String longest = "\u00e9".repeat(2000);
        assertThat(nfd(longest)).hasSize(4000);
        Reply accepted = submit(id, "ev-longest", ISSUER, nfd(longest));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);

        Reply tooLong = submit(id, "ev-too-long", ISSUER, longest + "x");
        assertThat(tooLong.status()).as(tooLong.raw()).isEqualTo(400);
        assertThat(tooLong.text("code")).isEqualTo("INVALID_REQUEST");
        assertThat(tooLong.body().path("errors").get(0).path("field").asString()).isEqualTo("document.title");
        assertThat(tooLong.body().path("errors").get(0).path("rule").asString()).isEqualTo("Size");
        assertThat(evidenceSubmitted(id)).isEqualTo(1);
    }
}
