package vn.qualityledger.command.nonconformity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.qualityledger.command.JsonHttp;
import vn.qualityledger.command.JsonHttp.Reply;
import vn.qualityledger.support.TestDatabase;

/** One nonconformity's life over HTTP as the demo users, against the real event store: permissions, rules, retries. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=command-service")
class NonconformityHttpIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.recreate("ql_test_nc_http");
        registry.add("spring.datasource.url", () -> url);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private static final String RAISE = """
            {"nonconformityId": "NC-2023-017", "organisationId": "SLDTBXH-HD", "source": "COMPLAINT",
             "complaintReference": "PA-2023-017 (đường dây nóng)", "severity": "MAJOR", "unit": "VP", "clause": "8.2.1",
             "description": "Trả kết quả TTHC trễ hẹn nhưng không thông báo cho công dân"}""";

    private JsonHttp as(String user) {
        return new JsonHttp("http://localhost:" + port).as(user);
    }

    private static void expect(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        if (code != null) {
            assertThat(reply.text("code")).as(reply.raw()).isEqualTo(code);
        }
    }

    private int eventsOf(String id) {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?", Integer.class, id);
    }

    @Test
    void aNonconformityFromAComplaintIsWorkedThroughToClosureByTheRightPeople() {
        String base = "/api/nonconformities/NC-2023-017";
        String due = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30).toString();
        String documentDate = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

        expect(as("xem").post("/api/nonconformities", RAISE), 403, "RAISERS_ONLY");
        expect(as("danhgia").post("/api/nonconformities", RAISE.replace("8.2.1", "3.1")), 422, "UNKNOWN_CLAUSE");
        Reply raised = as("danhgia").post("/api/nonconformities", RAISE);
        expect(raised, 201, null);
        assertThat(raised.text("id")).isEqualTo("NC-2023-017");
        expect(as("danhgia").post("/api/nonconformities", RAISE), 201, null);
        assertThat(eventsOf("NC-2023-017")).isEqualTo(1);
        expect(as("danhgia").post("/api/nonconformities", RAISE.replace("MAJOR", "MINOR")), 409, "NONCONFORMITY_EXISTS");

        expect(as("truongvp").post(base + "/actions", """
                {"actionId": "A1", "ownerUnit": "VP", "description": "Bổ sung bước nhắc hạn", "dueDate": "%s"}""".formatted(due)), 422, "ROOT_CAUSE_FIRST");
        expect(as("nhanvienvp").post(base + "/root-cause", """
                {"rootCause": "Chưa có bước nhắc hạn"}"""), 403, "NOT_YOUR_UNITS_NONCONFORMITY");
        expect(as("truongvp").post(base + "/root-cause", """
                {"rootCause": "Chưa có bước nhắc hạn trong quy trình", "method": "5 Whys"}"""), 202, null);
        Reply planned = as("truongvp").post(base + "/actions", """
                {"actionId": "A1", "ownerUnit": "VP", "description": "Bổ sung bước nhắc hạn", "dueDate": "%s"}""".formatted(due));
        expect(planned, 201, null);
        assertThat(planned.text("id")).isEqualTo("A1");
        assertThat(jdbc.queryForObject("select count(*) from event_store.scheduled_tasks", Integer.class)).isEqualTo(1);

        expect(as("qmr").post(base + "/close", "{}"), 422, "ACTIONS_NOT_IMPLEMENTED");
        expect(as("nhanvienkhtc").post(base + "/actions/A1/implementation", """
                {"evidence": {"number": "45/BC-VP", "date": "%s", "issuer": "Văn phòng Sở", "title": "Báo cáo khắc phục"}}""".formatted(documentDate)),
                403, "NOT_YOUR_UNITS_ACTION");
        expect(as("nhanvienvp").post(base + "/actions/A1/implementation", """
                {"evidence": {"number": "45/BC-VP", "date": "%s", "issuer": "Văn phòng Sở", "title": "Báo cáo khắc phục"}}""".formatted(documentDate)),
                202, null);
        expect(as("nhanvienvp").post(base + "/actions/A1/verification", "{\"effective\": true}"), 403, "VERIFIERS_ONLY");
        expect(as("qmr").post(base + "/actions/A1/verification", "{\"effective\": false}"), 422, "VERIFICATION_REASON_REQUIRED");
        expect(as("qmr").post(base + "/actions/A1/verification", "{\"effective\": true}"), 202, null);
        expect(as("danhgia").post(base + "/close", "{}"), 403, "QMR_ONLY");
        expect(as("qmr").post(base + "/close", "{\"note\": \"Đã khắc phục\"}"), 202, null);
        expect(as("qmr").post(base + "/root-cause", "{\"rootCause\": \"Khác\"}"), 422, "NONCONFORMITY_CLOSED");

        assertThat(eventsOf("NC-2023-017")).isEqualTo(6);
        assertThat(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from event_store.domain_event_entry
                where aggregate_identifier = 'NC-2023-017' and sequence_number = 0""", String.class))
                .contains("Trả kết quả TTHC trễ hẹn nhưng không thông báo cho công dân", "PA-2023-017 (đường dây nóng)");
    }

    @Test
    void anUnknownNonconformityIsNotFound() {
        expect(as("qmr").post("/api/nonconformities/NC-khong-co/close", "{}"), 404, "NONCONFORMITY_NOT_FOUND");
    }
}
