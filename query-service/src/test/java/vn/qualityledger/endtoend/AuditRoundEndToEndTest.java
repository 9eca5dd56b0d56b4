package vn.qualityledger.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.qualityledger.api.audit.AuditId;
import vn.qualityledger.api.audit.FindingId;
import vn.qualityledger.api.nonconformity.NonconformityId;
import vn.qualityledger.api.objective.ObjectiveId;

/**
 * Both services against one fresh PostgreSQL database: the 2023 internal audit round of SLDTBXH-HD is run over HTTP on
 * the days it happens, from planning to closure, through the nonconformities its findings raise and their corrective
 * actions; every tracker and programme figure is checked against values computed by hand from the dates below.
 *
 * <p>The round ({@value #AUDIT}, scope VP, P-KHTC, TTPV-HCC, planned 02/10–13/10) and its findings:
 * <ul>
 *   <li>F1 VP 7.5.3 major (danhgiakhtc, 03/10) → NC1: A1 (VP, due 31/10) implemented 25/10, verified NOT effective by the
 *       QMR 08/11; A2 (VP, due 30/11) implemented 28/11, verified effective by danhgia 05/12; closed 07/12.</li>
 *   <li>F2 VP 6.2 minor, related to MTCL-2023-01 / I.6 (danhgia, 03/10) → NC2: B1 (VP, due 20/10) implemented 18/10,
 *       verified effective 27/10 (first time); closed 30/10.</li>
 *   <li>F3 VP 7.1.6 observation; F5 P-KHTC 10.3 opportunity for improvement: no nonconformity.</li>
 *   <li>F4 P-KHTC 9.1.3 minor (danhgia, 04/10) → NC3: C1 (P-KHTC, due 15/11) never implemented: overdue from 16/11.</li>
 *   <li>MTCL-2023-03 closed as not achieved by the QMR 29/12 → NC4 (source OBJECTIVE_NOT_ACHIEVED, 6.2, minor, no unit).</li>
 * </ul>
 * TTPV-HCC is audited on 06/11 (no finding); report 10/11, round closed 15/11. A follow-up round ({@value #FOLLOW_UP},
 * planned 01/12) audits P-KHTC again on 12/12: G1 9.1.3 minor → NC5 (raised 12/12, no action by year end), so 9.1.3
 * repeats across two audits.
 *
 * <p>Corrective-action deadlines run on real time (the service's deadline manager), and every due date here is long
 * past, so an action's overdue event may or may not be recorded before the scenario implements it; the figures do not
 * depend on it (they read dates), and the checks below only count overdue events for C1, which is never implemented.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditRoundEndToEndTest {

    private static final String ORG = "SLDTBXH-HD";
    private static final String AUDIT = "SLDTBXH-HD.DGNB-2023";
    private static final String FOLLOW_UP = "SLDTBXH-HD.DGNB-2023-2";
    private static final String OBJECTIVE = "SLDTBXH-HD.MTCL-2023-01";
    private static final String MISSED_OBJECTIVE = "SLDTBXH-HD.MTCL-2023-03";
    private static final String NC1 = raisedFor(AUDIT, "F1"), NC2 = raisedFor(AUDIT, "F2"), NC3 = raisedFor(AUDIT, "F4"),
            NC5 = raisedFor(FOLLOW_UP, "G1");
    private static final String NC4 = NonconformityId.forObjectiveNotAchieved(new ObjectiveId(MISSED_OBJECTIVE)).value();
    private static final String D1 = "2023-10-31", D2 = "2023-12-31";

    /** Demo users of quality-ledger-security.yml (password "demo"). */
    private static final String SECRETARY = "thuky", QMR = "qmr", VP_HEAD = "truongvp", VP_STAFF = "nhanvienvp",
            LEAD_AUDITOR = "danhgia", KHTC_AUDITOR = "danhgiakhtc", VIEWER = "xem";

    /** A real instant after A1 was implemented and before the QMR found it not effective. */
    private Instant beforeFailedVerification;
    private BothServices services;
    private JdbcTemplate eventStore;

    private static String raisedFor(String audit, String finding) {
        return NonconformityId.forFinding(new AuditId(audit), new FindingId(finding)).value();
    }

    @BeforeAll
    void startBothServicesAndRunTheRound() throws Exception {
        // deadlines are looked for every 200 ms, so that C1's overdue event comes at once
        services = startServices();
        eventStore = services.database();
        runTheRound();
        awaitEvents(NC3, "CorrectiveActionOverdue", 1); // C1 is never implemented: its deadline fires
        services.awaitReadSideCaughtUp();
    }

    /** Living the round: the services' clock shows each day. db-scheduler looks for due deadlines every 200 ms. */
    BothServices startServices() {
        return new BothServices("ql_test_audit_round", "--db-scheduler.polling-interval=200ms");
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    // ---- the scenario ----------------------------------------------------------------------------------------------

    void runTheRound() throws Exception {
        on("2023-02-07");
        postAs(SECRETARY, "/api/plans", Files.readString(Path.of("..", "data", "mtcl-2023.json")), 201);

        on("2023-09-15");
        postAs(SECRETARY, "/api/audits", dated("""
                {"auditId": "%s", "organisationId": "SLDTBXH-HD", "year": 2023,
                 "title": "Đánh giá nội bộ HTQLCL theo TCVN ISO 9001:2015 năm 2023",
                 "scopeUnits": ["VP", "P-KHTC", "TTPV-HCC"], "criteria": "TCVN ISO 9001:2015; các quy trình ISO của Sở",
                 "clauses": ["6.2", "7.1.6", "7.5.3", "9.1.3", "10.3"], "plannedFrom": "2023-10-02", "plannedTo": "2023-10-13"}
                """.formatted(AUDIT), "plannedOn"), 201);
        on("2023-09-20");
        postAs(SECRETARY, audit("/team"), dated("""
                {"leadAuditor": {"userId": "danhgia", "name": "Đỗ Thị Đào", "unit": "TO-ISO"},
                 "members": [{"userId": "danhgiakhtc", "name": "Vũ Minh Khoa", "unit": "P-KHTC"}],
                 "decision": {"number": "215/QĐ-SLĐTBXH", "date": "2023-09-20"}}""", "appointedOn"), 202);

        on("2023-09-22");
        scheduleUnitAudit("VP", "2023-10-03", "\"danhgia\", \"danhgiakhtc\"", 202);
        // danhgiakhtc belongs to P-KHTC: not its auditor (422, the programme unchanged)
        long auditEvents = events(AUDIT);
        scheduleUnitAudit("P-KHTC", "2023-10-04", "\"danhgiakhtc\"", 422);
        assertThat(events(AUDIT)).isEqualTo(auditEvents);
        scheduleUnitAudit("P-KHTC", "2023-10-04", "\"danhgia\"", 202);
        scheduleUnitAudit("TTPV-HCC", "2023-11-06", "\"danhgiakhtc\"", 202);

        on("2023-10-03");
        postAs(KHTC_AUDITOR, audit("/unit-audits/held"), dated("""
                {"unit": "VP", "notes": [
                  {"clause": "7.5.3", "question": "Văn bản đến được vào sổ đầy đủ?", "observed": "Sổ công văn đến thiếu 12 văn bản tháng 8", "conformity": "NONCONFORMING"},
                  {"clause": "6.2", "question": "Đơn vị có kế hoạch thực hiện MTCL?", "observed": "Chưa có báo cáo 6 tháng theo biện pháp I.6", "conformity": "NONCONFORMING"},
                  {"clause": "7.1.6", "question": "Tri thức của tổ chức được lưu giữ?", "observed": "Hướng dẫn nghiệp vụ chỉ lưu trên máy cá nhân", "conformity": "CONFORMING"}]}""", "heldOn"),
                202);
        finding(KHTC_AUDITOR, "F1", "VP", "7.5.3", "MAJOR_NONCONFORMITY", "Văn bản đến không được vào sổ đầy đủ",
                "Sổ công văn đến năm 2023, tháng 8", null);
        finding(LEAD_AUDITOR, "F2", "VP", "6.2", "MINOR_NONCONFORMITY", "Chưa báo cáo kết quả thực hiện MTCL 6 tháng đúng hạn",
                "Hồ sơ MTCL năm 2023 của Văn phòng", "\"relatedObjectiveId\": \"%s\", \"relatedMeasureId\": \"I.6\"".formatted(OBJECTIVE));
        finding(KHTC_AUDITOR, "F3", "VP", "7.1.6", "OBSERVATION", "Tri thức nghiệp vụ chưa được chia sẻ chung",
                "Phỏng vấn chuyên viên văn thư", null);

        on("2023-10-04");
        postAs(LEAD_AUDITOR, audit("/unit-audits/held"), dated("""
                {"unit": "P-KHTC", "notes": [
                  {"clause": "9.1.3", "question": "Số liệu được phân tích, đánh giá?", "observed": "Không có báo cáo phân tích số liệu quý II", "conformity": "NONCONFORMING"},
                  {"clause": "10.3", "question": "Có sáng kiến cải tiến?", "observed": "Bảng tính theo dõi chi tiêu thủ công", "conformity": "CONFORMING"}]}""", "heldOn"),
                202);
        // danhgiakhtc may not record a finding about their own unit (403, nothing stored)
        auditEvents = events(AUDIT);
        postAs(KHTC_AUDITOR, audit("/findings"), dated(findingBody("F-own", "P-KHTC", "10.3", "OBSERVATION", "Tự đánh giá", "Tự xem", null), "recordedOn"), 403);
        assertThat(events(AUDIT)).isEqualTo(auditEvents);
        finding(LEAD_AUDITOR, "F4", "P-KHTC", "9.1.3", "MINOR_NONCONFORMITY", "Không phân tích, đánh giá số liệu theo dõi",
                "Hồ sơ theo dõi quý II/2023", null);
        finding(LEAD_AUDITOR, "F5", "P-KHTC", "10.3", "OPPORTUNITY_FOR_IMPROVEMENT", "Có thể dùng phần mềm theo dõi chi tiêu",
                "Bảng tính Excel theo dõi chi tiêu", null);
        // Recording F1 again with the same id and body is a harmless retry: no second finding, no second nonconformity.
        finding(KHTC_AUDITOR, "F1", "VP", "7.5.3", "MAJOR_NONCONFORMITY", "Văn bản đến không được vào sổ đầy đủ",
                "Sổ công văn đến năm 2023, tháng 8", null);
        awaitEvents(NC1, "NonconformityRaised", 1);
        awaitEvents(NC2, "NonconformityRaised", 1);
        awaitEvents(NC3, "NonconformityRaised", 1);

        on("2023-10-05");
        postAs(VP_HEAD, nc(NC1, "/correction"), dated("""
                {"correction": "Vào sổ bổ sung 12 văn bản còn thiếu"}""", "correctedOn"), 202);
        postAs(VP_HEAD, nc(NC1, "/root-cause"), dated("""
                {"rootCause": "Chưa phân công người kiểm tra sổ công văn hằng tuần", "method": "5 Whys"}""", "analysedOn"), 202);
        postAs(VP_HEAD, nc(NC2, "/correction"), dated("""
                {"correction": "Lập ngay báo cáo 6 tháng còn thiếu"}""", "correctedOn"), 202);
        postAs(VP_HEAD, nc(NC2, "/root-cause"), dated("""
                {"rootCause": "Không có lịch nhắc hạn báo cáo MTCL"}""", "analysedOn"), 202);

        on("2023-10-06");
        action(VP_HEAD, NC1, "A1", "VP", "Phân công người kiểm tra sổ công văn hằng tuần", "2023-10-31");
        action(VP_HEAD, NC2, "B1", "VP", "Lập lịch nhắc hạn báo cáo MTCL", "2023-10-20");
        postAs(SECRETARY, nc(NC3, "/correction"), dated("""
                {"correction": "Yêu cầu Phòng bổ sung báo cáo phân tích quý II"}""", "correctedOn"), 202);
        postAs(SECRETARY, nc(NC3, "/root-cause"), dated("""
                {"rootCause": "Quy trình không quy định việc phân tích số liệu định kỳ", "method": "Xương cá"}""", "analysedOn"), 202);
        on("2023-10-09");
        action(SECRETARY, NC3, "C1", "P-KHTC", "Sửa quy trình, bổ sung bước phân tích số liệu hằng quý", "2023-11-15");

        on("2023-10-18");
        implement(VP_STAFF, NC2, "B1", "12/TB-VP", "2023-10-17", "Thông báo lịch nhắc hạn báo cáo");
        on("2023-10-25");
        implement(VP_STAFF, NC1, "A1", "45/QĐ-VP", "2023-10-24", "Quyết định phân công kiểm tra sổ công văn");
        beforeFailedVerification = BothServices.aMomentLater();
        on("2023-10-27");
        verify(QMR, NC2, "B1", true, null);
        on("2023-10-30");
        postAs(QMR, nc(NC2, "/close"), dated("""
                {"note": "Đã khắc phục"}""", "closedOn"), 202);

        on("2023-11-06");
        postAs(KHTC_AUDITOR, audit("/unit-audits/held"), dated("""
                {"unit": "TTPV-HCC", "notes": [
                  {"clause": "7.5.3", "question": "Hồ sơ TTHC được lưu đầy đủ?", "observed": "Đủ hồ sơ tháng 9, 10", "conformity": "CONFORMING"}]}""", "heldOn"),
                202);

        on("2023-11-08");
        verify(QMR, NC1, "A1", false, "Sổ công văn tháng 10 vẫn thiếu văn bản");
        // The latest action was not effective: closing is refused (422) and stores nothing.
        long nc1Events = events(NC1);
        postAs(QMR, nc(NC1, "/close"), dated("{}", "closedOn"), 422);
        assertThat(events(NC1)).isEqualTo(nc1Events);
        on("2023-11-09");
        action(VP_HEAD, NC1, "A2", "VP", "Dùng phần mềm quản lý văn bản, tự động vào sổ", "2023-11-30");

        on("2023-11-10");
        postAs(LEAD_AUDITOR, audit("/report"), dated("""
                {"report": {"number": "320/BC-SLĐTBXH", "date": "2023-11-10", "issuer": "Đoàn ĐGNB",
                            "title": "Báo cáo tổng hợp kết quả đánh giá nội bộ năm 2023"},
                 "summary": "3 đơn vị được đánh giá; 1 điểm không phù hợp nặng, 2 nhẹ, 1 khuyến nghị, 1 cơ hội cải tiến"}""", "issuedOn"), 202);
        on("2023-11-15");
        postAs(QMR, audit("/close"), dated("", "closedOn"), 202);

        on("2023-11-28");
        implement(VP_STAFF, NC1, "A2", "60/BC-VP", "2023-11-27", "Báo cáo triển khai phần mềm quản lý văn bản");
        on("2023-12-05");
        verify(LEAD_AUDITOR, NC1, "A2", true, null);
        on("2023-12-07");
        postAs(QMR, nc(NC1, "/close"), dated("""
                {"note": "Kiểm tra lại sổ công văn tháng 11: đầy đủ"}""", "closedOn"), 202);

        on("2023-12-01");
        postAs(SECRETARY, "/api/audits", dated("""
                {"auditId": "%s", "organisationId": "SLDTBXH-HD", "year": 2023, "title": "Đánh giá nội bộ bổ sung năm 2023",
                 "scopeUnits": ["P-KHTC"], "criteria": "TCVN ISO 9001:2015", "clauses": ["9.1.3"],
                 "plannedFrom": "2023-12-11", "plannedTo": "2023-12-15"}""".formatted(FOLLOW_UP), "plannedOn"), 201);
        postAs(SECRETARY, "/api/audits/" + FOLLOW_UP + "/team", dated("""
                {"leadAuditor": {"userId": "danhgia", "name": "Đỗ Thị Đào", "unit": "TO-ISO"},
                 "decision": {"number": "260/QĐ-SLĐTBXH", "date": "2023-12-01"}}""", "appointedOn"), 202);
        postAs(LEAD_AUDITOR, "/api/audits/" + FOLLOW_UP + "/unit-audits", """
                {"unit": "P-KHTC", "date": "2023-12-12", "auditors": ["danhgia"]}""", 202);
        on("2023-12-12");
        postAs(LEAD_AUDITOR, "/api/audits/" + FOLLOW_UP + "/unit-audits/held", dated("""
                {"unit": "P-KHTC", "notes": [
                  {"clause": "9.1.3", "question": "Đã phân tích số liệu quý III?", "observed": "Vẫn chưa có báo cáo phân tích", "conformity": "NONCONFORMING"}]}""", "heldOn"),
                202);
        postAs(LEAD_AUDITOR, "/api/audits/" + FOLLOW_UP + "/findings", dated(findingBody("G1", "P-KHTC", "9.1.3", "MINOR_NONCONFORMITY",
                "Số liệu quý III vẫn chưa được phân tích", "Hồ sơ theo dõi quý III/2023", null), "recordedOn"), 201);
        awaitEvents(NC5, "NonconformityRaised", 1);

        on("2023-12-29");
        postAs(QMR, "/api/objectives/" + MISSED_OBJECTIVE + "/closure", dated("""
                {"assessment": {"achieved": false, "reason": "Chưa đạt chỉ tiêu năm 2023"}}""", "closedOn"), 202);
        awaitEvents(NC4, "NonconformityRaised", 1);
    }

    private void scheduleUnitAudit(String unit, String date, String auditors, int expectedStatus) {
        postAs(LEAD_AUDITOR, audit("/unit-audits"), """
                {"unit": "%s", "date": "%s", "auditors": [%s]}""".formatted(unit, date, auditors), expectedStatus);
    }

    private void finding(String auditor, String id, String unit, String clause, String kind, String description, String evidence,
                         String related) {
        postAs(auditor, audit("/findings"), dated(findingBody(id, unit, clause, kind, description, evidence, related), "recordedOn"), 201);
    }

    private static String findingBody(String id, String unit, String clause, String kind, String description, String evidence,
                                      String related) {
        return """
                {"findingId": "%s", "unit": "%s", "clause": "%s", "kind": "%s", "description": "%s", "evidenceSeen": "%s"%s}"""
                .formatted(id, unit, clause, kind, description, evidence, related == null ? "" : ", " + related);
    }

    private void action(String user, String nonconformity, String id, String ownerUnit, String description, String due) {
        postAs(user, nc(nonconformity, "/actions"), dated("""
                {"actionId": "%s", "ownerUnit": "%s", "description": "%s", "dueDate": "%s"}""".formatted(id, ownerUnit, description, due),
                "plannedOn"), 201);
    }

    private void implement(String user, String nonconformity, String action, String number, String date, String title) {
        postAs(user, nc(nonconformity, "/actions/" + action + "/implementation"), dated("""
                {"evidence": {"number": "%s", "date": "%s", "issuer": "Văn phòng Sở", "title": "%s"}}""".formatted(number, date, title),
                "implementedOn"), 202);
    }

    private void verify(String user, String nonconformity, String action, boolean effective, String reason) {
        postAs(user, nc(nonconformity, "/actions/" + action + "/verification"), dated("""
                {"effective": %s, "reason": %s}""".formatted(effective, reason == null ? "null" : "\"" + reason + "\""), "verifiedOn"), 202);
    }

    private static String audit(String path) {
        return "/api/audits/" + AUDIT + path;
    }

    private static String nc(String id, String path) {
        return "/api/nonconformities/" + id + path;
    }

    // ---- the tracker ---------------------------------------------------------------------------------------------

    @Test
    void everyLocationACommandAnsweredIsARead() throws InterruptedException {
        // the round planned, its findings, the nonconformities raised by hand and their actions
        assertThat(services.assertEveryLocationIsARead())
                .anyMatch(followed -> followed.contains("/api/audits/"))
                .anyMatch(followed -> followed.contains("/api/nonconformities/"));
    }

    @Test
    void trackerFiguresAtTheEndOfOctober() {
        JsonNode s = summary(D1);
        // Raised by 31/10: NC1 (03/10), NC2 (03/10), NC3 (04/10); NC4 only on 29/12.
        // NC1: A1 implemented 25/10, its verification (08/11) still to come -> IMPLEMENTED. NC2: closed 30/10 -> CLOSED.
        // NC3: C1 planned, not implemented, due 15/11 (not yet past) -> ACTIONS_PLANNED, not overdue.
        assertThat(s.path("total").asLong()).isEqualTo(3);
        assertStatuses(s, 0, 1, 1, 0, 1, 0);
        assertThat(List.of(s.path("open").asLong(), s.path("closed").asLong(), s.path("overdue").asLong(), s.path("overdueActions").asLong()))
                .as("open, closed, overdue, overdueActions").containsExactly(2L, 1L, 0L, 0L);
        // Ages to 31/10: NC1 31 - 3 = 28, NC3 31 - 4 = 27: the oldest open is 28.
        assertThat(s.path("oldestOpenAgeDays").asInt()).isEqualTo(28);
        // Closed: NC2 only, 03/10 -> 30/10 = 27 days; one value is its own median and 90th percentile.
        assertThat(s.path("medianDaysToClose").decimalValue()).isEqualByComparingTo("27.00");
        assertThat(s.path("p90DaysToClose").decimalValue()).isEqualByComparingTo("27.00");
        // Verified by then: NC2 (B1 effective 27/10, first time). 1 of 1 = 100.00 %.
        assertThat(s.path("verified").asLong()).isEqualTo(1);
        assertThat(s.path("firstTimeEffective").asLong()).isEqualTo(1);
        assertThat(s.path("firstTimeEffectiveRate").decimalValue()).isEqualByComparingTo("100.00");
        assertCounts(s.path("bySource"), "AUDIT_FINDING", 3, "OBJECTIVE_NOT_ACHIEVED", 0, "COMPLAINT", 0, "MANUAL", 0);
        assertCounts(s.path("bySeverity"), "MAJOR", 1, "MINOR", 2); // NC1 | NC2, NC3
        // (unit, total, open, overdue): P-KHTC NC3 open; VP NC1 open, NC2 closed.
        assertThat(rows(s.path("byUnit"), "unit")).containsExactly(tuple("P-KHTC", 1L, 1L, 0L), tuple("VP", 2L, 1L, 0L));
        // In the standard's order: 6.2 NC2 (closed), 7.5.3 NC1, 9.1.3 NC3.
        assertThat(rows(s.path("byClause"), "clause")).containsExactly(tuple("6.2", 1L, 0L, 0L), tuple("7.5.3", 1L, 1L, 0L),
                tuple("9.1.3", 1L, 1L, 0L));
        // One audit only: no clause is cited by two audits.
        assertThat(s.path("repeatClauses").size()).isZero();
    }

    @Test
    void trackerFiguresAtYearEnd() {
        JsonNode s = summary(D2);
        // All five raised. NC1 closed 07/12, NC2 closed 30/10; NC3 ACTIONS_PLANNED (C1 never implemented);
        // NC5 (12/12) and NC4 (29/12) RAISED, no action yet.
        assertThat(s.path("total").asLong()).isEqualTo(5);
        assertStatuses(s, 2, 1, 0, 0, 2, 0);
        // C1: due 15/11 < 31/12, not implemented -> 1 overdue action, NC3 overdue.
        assertThat(List.of(s.path("open").asLong(), s.path("closed").asLong(), s.path("overdue").asLong(), s.path("overdueActions").asLong()))
                .as("open, closed, overdue, overdueActions").containsExactly(3L, 2L, 1L, 1L);
        // Ages: NC3 04/10 -> 31/12 = 27 + 30 + 31 = 88; NC5 12/12 -> 31/12 = 19; NC4 29/12 -> 31/12 = 2. Oldest open: 88.
        assertThat(s.path("oldestOpenAgeDays").asInt()).isEqualTo(88);
        // Days to close, sorted: NC2 27, NC1 03/10 -> 07/12 = 28 + 30 + 7 = 65.
        // percentile_cont over 2 values: median at rank (2 - 1) * 0.5 = 0.5 -> 27 + 0.5 * (65 - 27) = 46;
        // p90 at rank 0.9 -> 27 + 0.9 * 38 = 61.2.
        assertThat(s.path("medianDaysToClose").decimalValue()).isEqualByComparingTo("46.00");
        assertThat(s.path("p90DaysToClose").decimalValue()).isEqualByComparingTo("61.20");
        // First verifications: NC1 A1 not effective (08/11), NC2 B1 effective. 1 of 2 = 50.00 %.
        assertThat(s.path("verified").asLong()).isEqualTo(2);
        assertThat(s.path("firstTimeEffective").asLong()).isEqualTo(1);
        assertThat(s.path("firstTimeEffectiveRate").decimalValue()).isEqualByComparingTo("50.00");
        assertCounts(s.path("bySource"), "AUDIT_FINDING", 4, "OBJECTIVE_NOT_ACHIEVED", 1, "COMPLAINT", 0, "MANUAL", 0);
        assertCounts(s.path("bySeverity"), "MAJOR", 1, "MINOR", 4); // NC1 | NC2, NC3, NC4, NC5
        // P-KHTC: NC3 (open, overdue), NC5 (open). NC4 has no unit: it comes last.
        assertThat(rows(s.path("byUnit"), "unit")).containsExactly(tuple("P-KHTC", 2L, 2L, 1L), tuple("VP", 2L, 0L, 0L),
                tuple(null, 1L, 1L, 0L));
        // 6.2: NC2 (closed) and NC4 (open); 7.5.3 NC1 closed; 9.1.3 NC3 (open, overdue) and NC5 (open).
        assertThat(rows(s.path("byClause"), "clause")).containsExactly(tuple("6.2", 2L, 1L, 0L), tuple("7.5.3", 1L, 0L, 0L),
                tuple("9.1.3", 2L, 2L, 1L));
        // 9.1.3 is cited by findings of both rounds (F4 -> NC3 raised 04/10, G1 -> NC5 raised 12/12); 6.2's NC4 is no
        // audit's.
        JsonNode repeats = s.path("repeatClauses");
        assertThat(repeats.size()).isEqualTo(1);
        assertThat(repeats.get(0).path("clause").asString()).isEqualTo("9.1.3");
        assertThat(repeats.get(0).path("auditIds").valueStream().map(JsonNode::asString).toList()).containsExactly(AUDIT, FOLLOW_UP);
        assertThat(repeats.get(0).path("nonconformityIds").valueStream().map(JsonNode::asString).toList()).containsExactly(NC3, NC5);
    }

    @Test
    void exactlyOneNonconformityPerMajorOrMinorFinding() {
        JsonNode fromAudits = get("/api/organisations/" + ORG + "/nonconformities?source=AUDIT_FINDING&asOf=" + D2);
        assertThat(fromAudits.path("totalElements").asLong()).isEqualTo(4);
        // In order of raising, then id: NC1 and NC2 on 03/10, NC3 on 04/10, NC5 on 12/12.
        List<String> expected = new ArrayList<>(List.of(NC1, NC2));
        expected.sort(null);
        expected.addAll(List.of(NC3, NC5));
        assertThat(fromAudits.path("content").findValuesAsString("nonconformityId")).containsExactlyElementsOf(expected);
        assertThat(fromAudits.path("content").findValuesAsString("originFindingId")).containsExactlyInAnyOrder("F1", "F2", "F4", "G1");
        // In the event store: five raisings in all, one per stream, although F1 was recorded twice.
        assertThat(eventStore.queryForList("""
                SELECT aggregate_identifier FROM event_store.domain_event_entry WHERE payload_type LIKE '%NonconformityRaised%'
                """, String.class)).containsExactlyInAnyOrder(NC1, NC2, NC3, NC4, NC5);
        assertThat(eventStore.queryForObject("""
                SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%FindingRecorded%'
                """, Long.class, AUDIT)).isEqualTo(5);
    }

    // ---- the audit programme -------------------------------------------------------------------------------------

    @Test
    void auditProgrammeAtTheEndOfOctober() {
        JsonNode p = programme(D1);
        // Known units: the scope {VP, P-KHTC, TTPV-HCC} and the plan's lead and coordinating units {VP, BCD-ISO, TTPV-HCC}
        // (groups such as ALL_UNITS left out) = {BCD-ISO, P-KHTC, TTPV-HCC, VP}: 4. Audited VP 03/10, P-KHTC 04/10: 2 / 4.
        assertThat(p.path("units").asInt()).isEqualTo(4);
        assertThat(rowsOf(p.path("audited"), "unit", "firstHeldOn")).containsExactly(tuple("P-KHTC", "2023-10-04"), tuple("VP", "2023-10-03"));
        assertThat(rowsOf(p.path("due"), "unit", "scheduledOn")).containsExactly(tuple("BCD-ISO", null), tuple("TTPV-HCC", "2023-11-06"));
        assertThat(p.path("auditedRate").decimalValue()).isEqualByComparingTo("50.00");
        // Findings (major, minor, observation, opportunity, total): P-KHTC F4 minor, F5 opportunity; VP F1 major, F2 minor, F3 observation.
        assertThat(kindsBy(p.path("findingsByUnit"), "unit")).containsExactly(tuple("P-KHTC", 0L, 1L, 0L, 1L, 2L),
                tuple("VP", 1L, 1L, 1L, 0L, 3L));
        assertThat(kindsBy(p.path("findingsByClause"), "clause")).containsExactly(tuple("6.2", 0L, 1L, 0L, 0L, 1L),
                tuple("7.1.6", 0L, 0L, 1L, 0L, 1L), tuple("7.5.3", 1L, 0L, 0L, 0L, 1L), tuple("9.1.3", 0L, 1L, 0L, 0L, 1L),
                tuple("10.3", 0L, 0L, 0L, 1L, 1L));
        // No report yet; F1 (NC1 open) and F4 (NC3 open) open, F2's NC2 closed on 30/10.
        JsonNode round = p.path("audits").get(0);
        assertThat(p.path("audits").size()).isEqualTo(1);
        assertThat(round.path("reportIssuedOn").isNull()).isTrue();
        assertThat(round.path("closedOn").isNull()).isTrue();
        assertThat(round.path("unitsHeld").asLong()).isEqualTo(2);
        assertThat(round.path("openFindings").asLong()).isEqualTo(2);
        assertThat(round.path("openFindingIds").valueStream().map(JsonNode::asString).toList()).containsExactly("F1", "F4");
    }

    @Test
    void auditProgrammeAtYearEnd() {
        JsonNode p = programme(D2);
        // TTPV-HCC audited 06/11: 3 of 4 = 75.00 %; only BCD-ISO (never scheduled) still due. The follow-up round's
        // scope (P-KHTC) adds no unit.
        assertThat(p.path("units").asInt()).isEqualTo(4);
        assertThat(rowsOf(p.path("audited"), "unit", "firstHeldOn")).containsExactly(tuple("P-KHTC", "2023-10-04"),
                tuple("TTPV-HCC", "2023-11-06"), tuple("VP", "2023-10-03"));
        assertThat(rowsOf(p.path("due"), "unit", "scheduledOn")).containsExactly(tuple("BCD-ISO", null));
        assertThat(p.path("auditedRate").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(p.path("audited").get(0).path("auditIds").valueStream().map(JsonNode::asString).toList()).containsExactly(AUDIT, FOLLOW_UP);
        // P-KHTC now has F4, G1 minor and F5 opportunity; 9.1.3 two minor findings.
        assertThat(kindsBy(p.path("findingsByUnit"), "unit")).containsExactly(tuple("P-KHTC", 0L, 2L, 0L, 1L, 3L),
                tuple("VP", 1L, 1L, 1L, 0L, 3L));
        assertThat(kindsBy(p.path("findingsByClause"), "clause")).contains(tuple("9.1.3", 0L, 2L, 0L, 0L, 2L));
        // In order of planned start: the round (02/10), the follow-up (11/12), whose G1 (NC5 raised) is open.
        assertThat(p.path("audits").findValuesAsString("auditId")).containsExactly(AUDIT, FOLLOW_UP);
        assertThat(p.path("audits").get(1).path("openFindingIds").valueStream().map(JsonNode::asString).toList()).containsExactly("G1");
        JsonNode round = p.path("audits").get(0);
        assertThat(round.path("auditId").asString()).isEqualTo(AUDIT);
        assertThat(round.path("plannedFrom").asString()).isEqualTo("2023-10-02");
        assertThat(round.path("reportIssuedOn").asString()).isEqualTo("2023-11-10");
        assertThat(round.path("closedOn").asString()).isEqualTo("2023-11-15");
        assertThat(round.path("unitsHeld").asLong()).isEqualTo(3);
        JsonNode kinds = round.path("findings");
        assertThat(List.of(kinds.path("majorNonconformities").asLong(), kinds.path("minorNonconformities").asLong(),
                kinds.path("observations").asLong(), kinds.path("opportunitiesForImprovement").asLong(), kinds.path("total").asLong()))
                .containsExactly(1L, 2L, 1L, 1L, 5L);
        // NC1 closed 07/12, NC2 30/10: only F4 (NC3) is open.
        assertThat(round.path("openFindingIds").valueStream().map(JsonNode::asString).toList()).containsExactly("F4");
    }

    // ---- links, origin, history ------------------------------------------------------------------------------------

    @Test
    void theObjectiveShowsItsFindingsAndNonconformities() {
        JsonNode links = get("/api/objectives/" + OBJECTIVE + "/nonconformities?asOf=" + D2);
        assertThat(links.path("findings").size()).isEqualTo(1);
        JsonNode f2 = links.path("findings").get(0);
        assertThat(List.of(f2.path("findingId").asString(), f2.path("kind").asString(), f2.path("relatedMeasureId").asString(),
                f2.path("nonconformityId").asString(), f2.path("nonconformityStatus").asString()))
                .containsExactly("F2", "MINOR_NONCONFORMITY", "I.6", NC2, "CLOSED");
        assertThat(links.path("nonconformities").findValuesAsString("nonconformityId")).containsExactly(NC2);
        // Before the audit found it, nothing.
        assertThat(get("/api/objectives/" + OBJECTIVE + "/nonconformities?asOf=2023-10-02").path("findings").size()).isZero();

        JsonNode missed = get("/api/objectives/" + MISSED_OBJECTIVE + "/nonconformities?asOf=" + D2);
        assertThat(missed.path("nonconformities").findValuesAsString("nonconformityId")).containsExactly(NC4);
        assertThat(missed.path("nonconformities").get(0).path("source").asString()).isEqualTo("OBJECTIVE_NOT_ACHIEVED");
    }

    @Test
    void aNonconformityShowsWhereItCameFromAndItsActions() {
        JsonNode nc1 = get("/api/nonconformities/" + NC1 + "?asOf=" + D2);
        assertThat(nc1.path("status").asString()).isEqualTo("CLOSED");
        assertThat(nc1.path("closedOn").asString()).isEqualTo("2023-12-07");
        assertThat(nc1.path("ageDays").asInt()).isEqualTo(65);
        assertThat(nc1.path("severity").asString()).isEqualTo("MAJOR");
        JsonNode origin = nc1.path("origin");
        assertThat(origin.path("source").asString()).isEqualTo("AUDIT_FINDING");
        assertThat(origin.path("audit").path("auditId").asString()).isEqualTo(AUDIT);
        assertThat(origin.path("audit").path("title").asString()).isEqualTo("Đánh giá nội bộ HTQLCL theo TCVN ISO 9001:2015 năm 2023");
        assertThat(origin.path("finding").path("findingId").asString()).isEqualTo("F1");
        assertThat(origin.path("finding").path("kind").asString()).isEqualTo("MAJOR_NONCONFORMITY");
        assertThat(origin.path("finding").path("evidenceSeen").asString()).isEqualTo("Sổ công văn đến năm 2023, tháng 8");
        assertThat(nc1.path("rootCause").asString()).isEqualTo("Chưa phân công người kiểm tra sổ công văn hằng tuần");
        JsonNode actions = nc1.path("actions");
        assertThat(actions.findValuesAsString("actionId")).containsExactly("A1", "A2");
        JsonNode failed = actions.get(0).path("verifications").get(0);
        assertThat(failed.path("effective").asBoolean()).isFalse();
        assertThat(failed.path("reason").asString()).isEqualTo("Sổ công văn tháng 10 vẫn thiếu văn bản");
        assertThat(failed.path("verifiedOn").asString()).isEqualTo("2023-11-08");
        assertThat(actions.get(1).path("verifications").get(0).path("effective").asBoolean()).isTrue();

        // NC3 at year end: C1 overdue, and recorded so by the service (its deadline).
        JsonNode nc3 = get("/api/nonconformities/" + NC3 + "?asOf=" + D2);
        assertThat(nc3.path("overdue").asBoolean()).isTrue();
        assertThat(nc3.path("actions").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(nc3.path("actions").get(0).path("overdueRecorded").asBoolean()).isTrue();
        assertThat(nc3.path("unit").asString()).isEqualTo("P-KHTC");

        JsonNode nc4 = get("/api/nonconformities/" + NC4 + "?asOf=" + D2);
        assertThat(nc4.path("origin").path("source").asString()).isEqualTo("OBJECTIVE_NOT_ACHIEVED");
        assertThat(nc4.path("origin").path("objective").path("objectiveId").asString()).isEqualTo(MISSED_OBJECTIVE);
        assertThat(nc4.path("clause").asString()).isEqualTo("6.2");
        assertThat(nc4.path("description").asString()).isEqualTo("Chưa đạt chỉ tiêu năm 2023");
    }

    @Test
    void theHistoryNamesWhoDidEachStep() {
        // Overdue events of A1/A2 may or may not have been recorded (see the class comment); they are the service's own.
        List<JsonNode> history = history(NC1);
        history.stream().filter(e -> e.path("eventType").asString().contains("CorrectiveActionOverdue"))
                .forEach(e -> assertThat(e.path("actor").path("id").asString()).isEqualTo("system"));
        List<JsonNode> steps = history.stream().filter(e -> !e.path("eventType").asString().contains("CorrectiveActionOverdue")).toList();
        assertThat(steps.stream().map(e -> tuple(eventName(e), e.path("actor").path("id").asString())).toList()).containsExactly(
                tuple("NonconformityRaised", KHTC_AUDITOR), // raised automatically, on behalf of whoever recorded F1
                tuple("CorrectionRecorded", VP_HEAD),
                tuple("RootCauseAnalysed", VP_HEAD),
                tuple("CorrectiveActionPlanned", VP_HEAD),
                tuple("CorrectiveActionImplemented", VP_STAFF),
                tuple("CorrectiveActionVerified", QMR),
                tuple("CorrectiveActionPlanned", VP_HEAD),
                tuple("CorrectiveActionImplemented", VP_STAFF),
                tuple("CorrectiveActionVerified", LEAD_AUDITOR),
                tuple("NonconformityClosed", QMR));
        assertThat(steps.get(0).path("actor").path("name").asString()).isEqualTo("Vũ Minh Khoa");
        // named as the feed names them, and each caused by something the auditor can find: the raise by F1's event
        assertThat(steps.get(0).path("eventType").asString()).isEqualTo("vn.qualityledger.nonconformity.NonconformityRaised");
        String findingEvent = get("/api/audits/" + AUDIT + "/history?size=1000").path("content").valueStream()
                .filter(e -> e.path("eventType").asString().equals("vn.qualityledger.audit.AuditFindingRecorded")
                        && e.path("payload").path("findingId").asString().equals("F1"))
                .map(e -> e.path("eventId").asString()).findFirst().orElseThrow();
        assertThat(steps.get(0).path("causationId").asString()).isEqualTo(findingEvent);
        // a user's step by the command they sent
        assertThat(steps.get(1).path("causationId").asString()).isEqualTo(steps.get(1).path("metadata").path("commandId").asString())
                .isNotEqualTo(findingEvent);

        // NC2 was raised for danhgia's finding F2; NC4 for the QMR's closing of the objective.
        assertThat(history(NC2).get(0).path("actor").path("id").asString()).isEqualTo(LEAD_AUDITOR);
        assertThat(history(NC4).get(0).path("actor").path("id").asString()).isEqualTo(QMR);
        // C1's deadline fired once.
        assertThat(history(NC3).stream().filter(e -> e.path("eventType").asString().contains("CorrectiveActionOverdue"))
                .map(e -> e.path("actor").path("id").asString()).toList()).containsExactly("system");
    }

    @Test
    void showsTheNonconformityAsItStoodBeforeTheFailedVerification() {
        JsonNode then = get("/api/nonconformities/" + NC1 + "/state?at=" + beforeFailedVerification);
        // A1 implemented, not yet verified; A2 not yet planned.
        assertThat(then.path("nonconformity").path("status").asString()).isEqualTo("IMPLEMENTED");
        assertThat(then.path("actions").size()).isEqualTo(1);
        assertThat(then.path("verifications").size()).isZero();
        assertThat(then.path("closures").size()).isZero();
        assertThat(then.path("nonconformity").path("origin").path("finding").path("findingId").asString()).isEqualTo("F1");

        JsonNode now = get("/api/nonconformities/" + NC1 + "/state?at=" + Instant.now());
        assertThat(now.path("nonconformity").path("status").asString()).isEqualTo("CLOSED");
        assertThat(now.path("actions").size()).isEqualTo(2);
        assertThat(now.path("verifications").size()).isEqualTo(2);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private JsonNode summary(String asOf) {
        return get("/api/organisations/" + ORG + "/nonconformities/summary?asOf=" + asOf);
    }

    private JsonNode programme(String asOf) {
        return get("/api/organisations/" + ORG + "/audit-programme?year=2023&asOf=" + asOf);
    }

    private List<JsonNode> history(String nonconformity) {
        return get("/api/nonconformities/" + nonconformity + "/history?size=1000").path("content").valueStream().toList();
    }

    private static String eventName(JsonNode entry) {
        String type = entry.path("eventType").asString();
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** byStatus in the order RAISED, ACTIONS_PLANNED, IMPLEMENTED, VERIFIED, CLOSED, REOPENED. */
    private static void assertStatuses(JsonNode summary, long raised, long planned, long implemented, long verified, long closed,
                                       long reopened) {
        assertCounts(summary.path("byStatus"), "RAISED", raised, "ACTIONS_PLANNED", planned, "IMPLEMENTED", implemented,
                "VERIFIED", verified, "CLOSED", closed, "REOPENED", reopened);
    }

    /** The map holds exactly these keys with these counts. */
    private static void assertCounts(JsonNode map, Object... keysAndCounts) {
        List<String> keys = new ArrayList<>();
        map.propertyNames().forEach(keys::add);
        List<String> expectedKeys = new ArrayList<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            String key = (String) keysAndCounts[i];
            expectedKeys.add(key);
            assertThat(map.path(key).asLong()).as(key).isEqualTo(((Number) keysAndCounts[i + 1]).longValue());
        }
        assertThat(keys).containsExactlyInAnyOrderElementsOf(expectedKeys);
    }

    /** (key, total, open, overdue) of each row. */
    private static List<org.assertj.core.groups.Tuple> rows(JsonNode rows, String key) {
        return rows.valueStream().map(r -> tuple(r.path(key).isNull() ? null : r.path(key).asString(), r.path("total").asLong(),
                r.path("open").asLong(), r.path("overdue").asLong())).toList();
    }

    private static List<org.assertj.core.groups.Tuple> rowsOf(JsonNode rows, String first, String second) {
        return rows.valueStream().map(r -> tuple(r.path(first).asString(), r.path(second).isNull() ? null : r.path(second).asString())).toList();
    }

    /** (key, major, minor, observations, opportunities, total) of each row. */
    private static List<org.assertj.core.groups.Tuple> kindsBy(JsonNode rows, String key) {
        return rows.valueStream().map(r -> {
            JsonNode k = r.path("findings");
            return tuple(r.path(key).asString(), k.path("majorNonconformities").asLong(), k.path("minorNonconformities").asLong(),
                    k.path("observations").asLong(), k.path("opportunitiesForImprovement").asLong(), k.path("total").asLong());
        }).toList();
    }

    private void on(String day) {
        services.on(day);
    }

    private String dated(String body, String field) {
        return services.dated(body, field);
    }

    private JsonNode postAs(String user, String path, String body, int expectedStatus) {
        return services.post(user, path, body, expectedStatus);
    }

    private JsonNode get(String path) {
        return services.get(VIEWER, path);
    }

    /** Events stored in a stream, leaving out overdue events (recorded by the service's deadlines at real time). */
    private long events(String stream) {
        return eventStore.queryForObject("""
                SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND payload_type NOT LIKE '%Overdue%'
                """, Long.class, stream);
    }

    /** Nonconformities are raised by a tracking processor, and overdue events by deadlines: both after the request. */
    private void awaitEvents(String stream, String type, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long found = 0;
        while (System.nanoTime() < deadline) {
            found = eventStore.queryForObject("""
                    SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?
                    """, Long.class, stream, "%" + type + "%");
            if (found >= expected) {
                assertThat(found).as("%s events in %s", type, stream).isEqualTo(expected);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(stream + " has " + found + " " + type + " events after 60 s, not " + expected);
    }

}
