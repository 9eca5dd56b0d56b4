package vn.qualityledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
 * An internal audit round over HTTP against a real PostgreSQL event store, each step by the demo user whose work it is:
 * the ISO secretary plans and appoints, the lead auditor schedules, the auditor from P-KHTC records VP's audit, the
 * lead records a finding. The round runs from today, so that "held today" is inside it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=command-service")
class AuditIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.recreate("ql_test_audit_command");
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

    private int eventsOf(String auditId) {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?", Integer.class, auditId);
    }

    private static void expect(Reply reply, int status) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
    }

    /** Planned by the secretary, team of danhgia (TO-ISO, lead) and danhgiakhtc (P-KHTC), VP scheduled and held. */
    private String auditWithVpHeld(String auditId) {
        LocalDate today = LocalDate.now(CommandServiceApplication.AGENCY_ZONE);
        expect(http.as("thuky").post("/api/audits", """
                {"auditId": "%s", "organisationId": "SLDTBXH-HD", "year": %d, "title": "Đánh giá nội bộ HTQLCL năm %d",
                 "scopeUnits": ["VP", "P-KHTC", "TO-ISO"], "criteria": "TCVN ISO 9001:2015 và các quy trình của Sở",
                 "clauses": ["6.2", "7.5.3", "9.2"], "plannedFrom": "%s", "plannedTo": "%s"}"""
                .formatted(auditId, today.getYear(), today.getYear(), today, today.plusDays(10))), 201);
        expect(http.as("thuky").post("/api/audits/" + auditId + "/team", """
                {"leadAuditor": {"userId": "danhgia", "name": "Đỗ Thị Đào", "unit": "TO-ISO"},
                 "members": [{"userId": "danhgiakhtc", "name": "Vũ Minh Khoa", "unit": "P-KHTC"}],
                 "decision": {"number": "215/QĐ-SLĐTBXH", "date": "%s"}}""".formatted(today)), 202);
        expect(http.as("danhgia").post("/api/audits/" + auditId + "/unit-audits", """
                {"unit": "VP", "date": "%s", "auditors": ["danhgia", "danhgiakhtc"]}""".formatted(today)), 202);
        expect(http.as("danhgiakhtc").post("/api/audits/" + auditId + "/unit-audits/held", """
                {"unit": "VP", "notes": [
                  {"clause": "7.5.3", "question": "Văn bản đến được vào sổ đầy đủ?", "observed": "Sổ công văn đến thiếu 12 văn bản tháng 8", "conformity": "NONCONFORMING"},
                  {"clause": "6.2", "question": "Có kế hoạch thực hiện MTCL?", "observed": "Kế hoạch số 35/KH-VP", "conformity": "CONFORMING"}]}"""), 202);
        return auditId;
    }

    private static final String FINDING = """
            {"findingId": "F-VP-01", "unit": "VP", "clause": "7.5.3", "kind": "MINOR_NONCONFORMITY",
             "description": "Văn bản đến không được vào sổ đầy đủ", "evidenceSeen": "Sổ công văn đến năm nay, tháng 8",
             "relatedObjectiveId": "SLDTBXH-HD.MTCL-2023-01", "relatedMeasureId": "I.6"}""";

    @Test
    void runsARoundAsTheRightUsersAndAnswersARetriedFindingWithoutASecondEvent() {
        String id = auditWithVpHeld("dgnb-round-1");
        Reply found = http.as("danhgia").post("/api/audits/" + id + "/findings", FINDING);
        expect(found, 201);
        assertThat(found.text("id")).isEqualTo("F-VP-01");
        int afterFinding = eventsOf(id);
        expect(http.as("danhgia").post("/api/audits/" + id + "/findings", FINDING), 201);
        assertThat(eventsOf(id)).isEqualTo(afterFinding).isEqualTo(5);

        String payload = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from event_store.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%AuditFindingRecordedEvent'""", String.class, id);
        assertThat(payload).contains("\"organisationId\":\"SLDTBXH-HD\"", "\"year\":" + LocalDate.now(CommandServiceApplication.AGENCY_ZONE).getYear(),
                "Văn bản đến không được vào sổ đầy đủ");
        String metadata = jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8') from event_store.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%UnitAuditHeldEvent'""", String.class, id);
        assertThat(metadata).contains("\"actorId\":\"danhgiakhtc\"", "\"actorName\":\"Vũ Minh Khoa\"", "\"actorUnit\":\"P-KHTC\"");

        expect(http.as("danhgia").post("/api/audits/" + id + "/report", """
                {"report": {"number": "320/BC-SLĐTBXH", "date": "%s", "issuer": "Đoàn ĐGNB", "title": "Báo cáo tổng hợp ĐGNB"},
                 "summary": "1 đơn vị được đánh giá; 1 điểm không phù hợp nhẹ"}""".formatted(LocalDate.now(CommandServiceApplication.AGENCY_ZONE))), 202);
        expect(http.as("qmr").post("/api/audits/" + id + "/close", "{}"), 202);
        assertThat(eventsOf(id)).isEqualTo(7);
    }

    @Test
    void refusesAFindingByAUserOffTheTeamWith403AndStoresNothing() {
        String id = auditWithVpHeld("dgnb-forbidden-1");
        int before = eventsOf(id);
        Reply staff = http.as("nhanvienvp").post("/api/audits/" + id + "/findings", FINDING);
        assertThat(staff.status()).isEqualTo(403);
        assertThat(staff.text("code")).isEqualTo("TEAM_ONLY");
        Reply qmr = http.as("qmr").post("/api/audits/" + id + "/findings", FINDING);
        assertThat(qmr.status()).isEqualTo(403);
        assertThat(eventsOf(id)).isEqualTo(before);
    }

    @Test
    void refusesAnAuditorSchedulingTheirOwnUnitWith422NamingTheAuditor() {
        String id = auditWithVpHeld("dgnb-own-unit-1");
        int before = eventsOf(id);
        Reply reply = http.as("danhgia").post("/api/audits/" + id + "/unit-audits", """
                {"unit": "P-KHTC", "date": "%s", "auditors": ["danhgia", "danhgiakhtc"]}""".formatted(LocalDate.now(CommandServiceApplication.AGENCY_ZONE)));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.text("code")).isEqualTo("OWN_UNIT");
        assertThat(reply.text("field")).isEqualTo("auditors[1]");
        assertThat(eventsOf(id)).isEqualTo(before);
    }

    @Test
    void answersAnUnknownAuditWith404() {
        Reply reply = http.as("qmr").post("/api/audits/no-such-audit/close", "{}");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text("code")).isEqualTo("AUDIT_NOT_FOUND");
    }
}
