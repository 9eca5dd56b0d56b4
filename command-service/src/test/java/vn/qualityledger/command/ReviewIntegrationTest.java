package vn.qualityledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
 * A management review over HTTP against a real PostgreSQL event store and db-scheduler's persistent deadlines, each
 * step by the demo user whose work it is: the secretary plans and notes, the QMR holds and decides, VP's staff completes
 * VP's decision. The reviewed period ends yesterday and the meeting is today, so no deadline is due while the test runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=command-service")
class ReviewIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.recreate("ql_test_review_command");
        registry.add("spring.datasource.url", () -> url);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    JsonHttp http;
    final LocalDate today = LocalDate.now(CommandServiceApplication.AGENCY_ZONE);

    @BeforeEach
    void client() {
        http = new JsonHttp("http://localhost:" + port);
    }

    private int eventsOf(String reviewId) {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?", Integer.class, reviewId);
    }

    /** The persistent deadlines of a review's decisions, by when they are due. */
    private List<OffsetDateTime> deadlines() {
        return jdbc.queryForList("select execution_time from event_store.scheduled_tasks order by execution_time", OffsetDateTime.class);
    }

    private static void expect(Reply reply, int status) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
    }

    private String heldReview(String reviewId) {
        expect(http.as("thuky").post("/api/reviews", """
                {"reviewId": "%s", "organisationId": "SLDTBXH-HD", "title": "Xem xét của lãnh đạo 6 tháng", "trigger": "PERIODIC",
                 "periodFrom": "%s", "periodTo": "%s", "scheduledOn": "%s", "chair": {"name": "Nguyễn Văn An", "title": "Giám đốc Sở"},
                 "participants": [{"name": "Trần Văn Quang", "title": "QMR"}, {"name": "Nguyễn Thị Thư", "title": "Thư ký ISO"}]}"""
                .formatted(reviewId, today.minusMonths(6), today.minusDays(1), today)), 201);
        expect(http.as("thuky").post("/api/reviews/" + reviewId + "/notes", """
                {"resourceAdequacy": "Thiếu 01 công chức tại Văn phòng Sở", "stakeholderFeedback": "Không có phản ánh"}"""), 202);
        expect(http.as("qmr").post("/api/reviews/" + reviewId + "/holding", """
                {"attendees": [{"name": "Nguyễn Văn An", "title": "Giám đốc Sở"}, {"name": "Trần Văn Quang"}],
                 "minutesSummary": "Xem xét kết quả thực hiện MTCL và ĐGNB",
                 "conclusion": {"suitable": true, "adequate": true, "effective": true, "statement": "HTQLCL phù hợp, thỏa đáng, hiệu lực"}}"""), 202);
        return reviewId;
    }

    @Test
    void runsAReviewToItsMinutesKeepingTheDeadlineOfTheDecisionStillOpen() {
        String id = heldReview("xxld-1");
        int deadlinesBefore = deadlines().size();
        Reply decided = http.as("qmr").post("/api/reviews/" + id + "/decisions", """
                {"decisionId": "D1", "kind": "IMPROVEMENT", "description": "Số hóa hồ sơ lưu trữ", "ownerUnit": "VP", "dueDate": "%s"}"""
                .formatted(today.plusDays(30)));
        expect(decided, 201);
        assertThat(decided.text("id")).isEqualTo("D1");
        expect(http.as("qmr").post("/api/reviews/" + id + "/decisions", """
                {"decisionId": "D2", "kind": "RESOURCE_NEED", "description": "Tuyển dụng 01 công chức", "ownerUnit": "P-TCCB", "dueDate": "%s"}"""
                .formatted(today.plusDays(60))), 201);
        assertThat(deadlines()).hasSize(deadlinesBefore + 2);

        Reply otherUnit = http.as("nhanvienkhtc").post("/api/reviews/" + id + "/decisions/D1/completion", "{\"note\": \"Đã làm\"}");
        expect(otherUnit, 403);
        assertThat(otherUnit.text("code")).isEqualTo("NOT_YOUR_UNITS_DECISION");
        expect(http.as("nhanvienvp").post("/api/reviews/" + id + "/decisions/D1/completion", "{\"note\": \"Đã số hóa 1.200 hồ sơ\"}"), 202);
        List<OffsetDateTime> left = deadlines();
        assertThat(left).hasSize(deadlinesBefore + 1);
        assertThat(left.get(left.size() - 1).toInstant()).isEqualTo(today.plusDays(61).atStartOfDay(CommandServiceApplication.AGENCY_ZONE).toInstant());

        expect(http.as("thuky").post("/api/reviews/" + id + "/minutes", """
                {"number": "05/BB-SLĐTBXH", "organisationName": "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "parentName": "UBND TỈNH HẢI DƯƠNG",
                 "place": "Hải Dương", "signerAuthority": "", "signerTitle": "GIÁM ĐỐC", "signerName": "Nguyễn Văn An",
                 "recipients": ["- Lưu: VT."], "docxSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                 "generator": "quality-ledger-minutes 1"}"""), 201);
        Reply late = http.as("qmr").post("/api/reviews/" + id + "/decisions", """
                {"decisionId": "D3", "kind": "QMS_CHANGE", "description": "Sửa quy trình", "ownerUnit": "VP", "dueDate": "%s"}"""
                .formatted(today.plusDays(30)));
        expect(late, 422);
        assertThat(late.text("code")).isEqualTo("MINUTES_ALREADY_ISSUED");
        assertThat(eventsOf(id)).isEqualTo(7);

        String held = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from event_store.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%ManagementReviewHeldEvent'""", String.class, id);
        assertThat(held).contains("\"heldOn\":\"" + today + "\"", "\"cutOff\":\"", "HTQLCL phù hợp, thỏa đáng, hiệu lực");
        String completedBy = jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8') from event_store.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%ReviewDecisionCompletedEvent'""", String.class, id);
        assertThat(completedBy).contains("\"actorId\":\"nhanvienvp\"", "\"actorUnit\":\"VP\"");
    }

    @Test
    void refusesAReviewPlannedByStaffWith403AndStoresNothing() {
        Reply reply = http.as("nhanvienvp").post("/api/reviews", """
                {"reviewId": "xxld-staff", "organisationId": "SLDTBXH-HD", "title": "Xem xét", "trigger": "EXTRAORDINARY",
                 "periodFrom": "%s", "periodTo": "%s", "scheduledOn": "%s", "chair": {"name": "Nguyễn Văn An"},
                 "participants": [{"name": "Trần Văn Quang"}]}""".formatted(today.minusMonths(1), today, today));
        expect(reply, 403);
        assertThat(reply.text("code")).isEqualTo("REVIEW_ORGANISERS_ONLY");
        assertThat(eventsOf("xxld-staff")).isZero();
    }

    @Test
    void answersAnUnknownReviewWith404() {
        Reply reply = http.as("qmr").post("/api/reviews/no-such-review/cancellation", "{\"reason\": \"Lùi lịch\"}");
        expect(reply, 404);
        assertThat(reply.text("code")).isEqualTo("REVIEW_NOT_FOUND");
        assertThat(reply.text("field")).isEqualTo("reviewId");
    }
}
