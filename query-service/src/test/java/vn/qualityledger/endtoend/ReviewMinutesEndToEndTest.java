package vn.qualityledger.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.review.ManagementReviewId;
import vn.qualityledger.api.review.ManagementReviewPlannedEvent;
import vn.qualityledger.api.review.ReviewPerson;
import vn.qualityledger.api.review.ReviewTrigger;

/**
 * A management review's inputs and minutes over real events: a year Y (last year) with one objective, three
 * nonconformities, an internal audit and a first review whose three decisions are done, overdue and open; then a second
 * review of Y's second half held with a cut-off, its inputs and minutes read, corrections recorded after the cut-off
 * (a measurement, a decision completed, a corrective action implemented), and the same inputs and the same bytes read
 * again; the minutes issued through command-service, their issued copy generated again byte for byte and verified.
 *
 * <p>Every event is recorded at the real time while its business day is one of Y: the cut-off is a real instant
 * (today), the meeting's day tomorrow, so every figure is read as of today, after Y's end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewMinutesEndToEndTest {

    private static final String ORG = "SLDTBXH-HD";
    private static final ZoneId AGENCY = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FIRST = "SLDTBXH-HD.XXLD-Y-1";
    private static final String SECOND = "SLDTBXH-HD.XXLD-Y-2";
    private static final String UNHELD = "SLDTBXH-HD.XXLD-Y-3";
    private static final String SIGNED = "?number=05/BB-SLĐTBXH&signerName=Nguyễn Văn An&signerTitle=GIÁM ĐỐC";

    private final LocalDate today = LocalDate.now(AGENCY);
    private final int y = today.getYear() - 1;
    private final String objective = ORG + ".MTCL-" + y + "-01";
    private final String audit = ORG + ".DGNB-" + y;

    private BothServices services;
    private RestClient queries;
    private Instant cutOff;
    private JsonNode inputsAtCutOff;
    private JsonNode issueAtCutOff;
    private byte[] minutesAtCutOff;
    private JsonNode inputsAfterCorrections;
    private JsonNode issueAfterCorrections;
    private byte[] minutesAfterCorrections;

    @BeforeAll
    void liveTheYearHoldTheReviewAndCorrectAfterwards() throws Exception {
        services = new BothServices("ql_test_review_minutes");
        queries = RestClient.create("http://localhost:" + services.queryPort());
        objectiveOfTheYear();
        nonconformities();
        firstReviewAndItsDecisions();
        internalAudit();

        services.on(today.toString());
        services.post("thuky", "/api/reviews", """
                {"reviewId": "%s", "organisationId": "%s", "title": "Xem xét của lãnh đạo 6 tháng cuối năm %d",
                 "trigger": "AFTER_INTERNAL_AUDIT", "auditId": "%s", "periodFrom": "%d-07-01", "periodTo": "%d-12-31",
                 "scheduledOn": "%s", "chair": {"name": "Nguyễn Văn An", "title": "Giám đốc Sở"},
                 "participants": [{"name": "Trần Văn Quang", "title": "Phó Giám đốc Sở, QMR"}, {"name": "Nguyễn Thị Thư", "title": "Thư ký ISO"}]}"""
                .formatted(SECOND, ORG, y, audit, y, y, today.plusDays(1)), 201);
        services.post("thuky", "/api/reviews/" + SECOND + "/notes", """
                {"contextChanges": "Luật Việc làm sửa đổi có hiệu lực", "stakeholderFeedback": "02 phản ánh về thời hạn trả hồ sơ",
                 "resourceAdequacy": "Thiếu 01 công chức tại Văn phòng Sở", "improvementProposals": "Số hóa sổ công văn đến"}""", 202);
        services.awaitReadSideCaughtUp();
        cutOff = BothServices.aMomentLater();

        services.on(today.plusDays(1).toString());
        services.post("qmr", "/api/reviews/" + SECOND + "/holding", """
                {"cutOff": "%s", "attendees": [{"name": "Nguyễn Văn An", "title": "Giám đốc Sở"}, {"name": "Trần Văn Quang", "title": "Phó Giám đốc Sở, QMR"}],
                 "minutesSummary": "Xem xét kết quả thực hiện MTCL, kết quả ĐGNB và các hành động khắc phục",
                 "conclusion": {"suitable": true, "adequate": false, "effective": true,
                                "statement": "Hệ thống quản lý chất lượng phù hợp, có hiệu lực; nguồn lực của Văn phòng chưa thỏa đáng"}}"""
                .formatted(cutOff), 202);
        services.post("qmr", "/api/reviews/" + SECOND + "/decisions", """
                {"decisionId": "E1", "kind": "QMS_CHANGE", "description": "Sửa quy trình quản lý văn bản đến", "ownerUnit": "VP", "dueDate": "%s"}"""
                .formatted(today.plusDays(60)), 201);
        services.post("qmr", "/api/reviews/" + SECOND + "/decisions", """
                {"decisionId": "E2", "kind": "RESOURCE_NEED", "description": "Bổ sung 01 công chức văn thư", "ownerUnit": "P-KHTC", "dueDate": "%s"}"""
                .formatted(today.plusDays(90)), 201);
        services.awaitReadSideCaughtUp();
        inputsAtCutOff = services.get("xem", "/api/reviews/" + SECOND + "/inputs");
        issueAtCutOff = services.get("xem", "/api/reviews/" + SECOND + "/minutes" + SIGNED);
        minutesAtCutOff = download("/api/reviews/" + SECOND + "/minutes.docx" + SIGNED, "xem", 200);

        // after the cut-off: Q2 corrected (18/20: the target missed), the overdue decision completed, the action implemented
        services.post("thuky", "/api/objectives/" + objective + "/measurements", """
                {"measurementId": "q2-correction", "period": {"from": "%d-04-01", "to": "%d-06-30"}, "numerator": 18, "denominator": 20, "source": "Báo cáo quý II (đính chính)", "recordedOn": "%s"}"""
                .formatted(y, y, today), 201);
        services.post("truongvp", "/api/reviews/" + FIRST + "/decisions/D2/completion", """
                {"note": "Đã tập huấn, trễ hạn", "completedOn": "%s"}""".formatted(today), 202);
        services.post("nhanvienkhtc", "/api/nonconformities/NC-KHTC-01/actions/B1/implementation", """
                {"evidence": {"number": "07/TB-KHTC", "date": "%s", "issuer": "Phòng KHTC", "title": "Thông báo phân công lưu hồ sơ"}, "implementedOn": "%s"}"""
                .formatted(today, today), 202);
        services.post("thuky", "/api/reviews", """
                {"reviewId": "%s", "organisationId": "%s", "title": "Xem xét đột xuất", "trigger": "EXTRAORDINARY",
                 "periodFrom": "%d-07-01", "periodTo": "%d-12-31", "scheduledOn": "%s", "chair": {"name": "Nguyễn Văn An"},
                 "participants": [{"name": "Trần Văn Quang"}]}""".formatted(UNHELD, ORG, y, y, today.plusDays(5)), 201);
        services.awaitReadSideCaughtUp();
        inputsAfterCorrections = services.get("xem", "/api/reviews/" + SECOND + "/inputs");
        issueAfterCorrections = services.get("xem", "/api/reviews/" + SECOND + "/minutes" + SIGNED);
        minutesAfterCorrections = download("/api/reviews/" + SECOND + "/minutes.docx" + SIGNED, "xem", 200);
    }

    /** One objective with a target of ≥ 95 %, one measure due 31/03 assigned to VP and never done, Q2 measured 19/20. */
    private void objectiveOfTheYear() {
        services.on(y + "-01-05");
        services.post("thuky", "/api/objectives", """
                {"objectiveId": "%s", "organisationId": "%s", "year": %d, "code": "MTCL-%d-01", "statement": "Giải quyết hồ sơ đúng hạn",
                 "target": {"indicator": "Tỷ lệ hồ sơ đúng hạn", "comparator": ">=", "value": 95, "unit": "%%"}}"""
                .formatted(objective, ORG, y, y), 201);
        services.post("thuky", "/api/objectives/" + objective + "/measures", """
                {"measureId": "I.1", "details": {"code": "I.1", "title": "Rà soát quy trình một cửa", "leadUnits": ["VP"], "monitors": ["QMR"],
                  "schedule": {"rules": [{"due": "%d-03-31"}]}}}""".formatted(y), 201);
        services.on(y + "-02-01");
        services.post("thuky", "/api/objectives/" + objective + "/assignments", """
                {"measureId": "I.1", "unit": "VP"}""", 202);
        services.on(y + "-07-05");
        services.post("thuky", "/api/objectives/" + objective + "/measurements", """
                {"measurementId": "q2", "period": {"from": "%d-04-01", "to": "%d-06-30"}, "numerator": 19, "denominator": 20, "source": "Báo cáo quý II"}"""
                .formatted(y, y), 201);
    }

    /**
     * NC-CU-01 raised in March (before the period), never acted on: open. NC-PA-01, a complaint of July, closed on
     * 28/07. NC-KHTC-01 of July, whose action due 15/08 is not implemented by the cut-off: open and overdue.
     */
    private void nonconformities() {
        services.on(y + "-03-10");
        services.post("thuky", "/api/nonconformities", """
                {"nonconformityId": "NC-CU-01", "organisationId": "%s", "source": "MANUAL", "severity": "MINOR", "unit": "P-KHTC",
                 "clause": "7.1.5", "description": "Thiết bị đo chưa được hiệu chuẩn"}""".formatted(ORG), 201);
        services.on(y + "-07-12");
        services.post("thuky", "/api/nonconformities", """
                {"nonconformityId": "NC-PA-01", "organisationId": "%s", "source": "COMPLAINT", "complaintReference": "PA-01",
                 "severity": "MINOR", "unit": "VP", "clause": "8.7", "description": "Hồ sơ trả chậm cho công dân"}""".formatted(ORG), 201);
        services.on(y + "-07-13");
        services.post("truongvp", "/api/nonconformities/NC-PA-01/root-cause", """
                {"rootCause": "Chưa có lịch nhắc hạn trả hồ sơ"}""", 202);
        services.post("truongvp", "/api/nonconformities/NC-PA-01/actions", """
                {"actionId": "A1", "ownerUnit": "VP", "description": "Lập lịch nhắc hạn trả hồ sơ", "dueDate": "%d-07-31"}""".formatted(y), 201);
        services.on(y + "-07-14");
        services.post("thuky", "/api/nonconformities", """
                {"nonconformityId": "NC-KHTC-01", "organisationId": "%s", "source": "MANUAL", "severity": "MINOR", "unit": "P-KHTC",
                 "clause": "7.5.3", "description": "Hồ sơ dự toán không được lưu đầy đủ"}""".formatted(ORG), 201);
        services.post("thuky", "/api/nonconformities/NC-KHTC-01/root-cause", """
                {"rootCause": "Chưa phân công người lưu hồ sơ"}""", 202);
        services.post("thuky", "/api/nonconformities/NC-KHTC-01/actions", """
                {"actionId": "B1", "ownerUnit": "P-KHTC", "description": "Phân công người lưu hồ sơ dự toán", "dueDate": "%d-08-15"}"""
                .formatted(y), 201);
        services.on(y + "-07-25");
        services.post("nhanvienvp", "/api/nonconformities/NC-PA-01/actions/A1/implementation", """
                {"evidence": {"number": "20/TB-VP", "date": "%d-07-24", "issuer": "Văn phòng Sở", "title": "Thông báo lịch nhắc hạn"}}"""
                .formatted(y), 202);
        services.on(y + "-07-27");
        services.post("qmr", "/api/nonconformities/NC-PA-01/actions/A1/verification", """
                {"effective": true}""", 202);
        services.on(y + "-07-28");
        services.post("qmr", "/api/nonconformities/NC-PA-01/close", """
                {"note": "Đã khắc phục"}""", 202);
    }

    /** The first half's review, held 05/07: D1 due 30/09 done on 20/09, D2 due 31/10 never done by the cut-off, D3 due next year. */
    private void firstReviewAndItsDecisions() {
        services.on(y + "-06-20");
        services.post("thuky", "/api/reviews", """
                {"reviewId": "%s", "organisationId": "%s", "title": "Xem xét của lãnh đạo 6 tháng đầu năm %d", "trigger": "PERIODIC",
                 "periodFrom": "%d-01-01", "periodTo": "%d-06-30", "scheduledOn": "%d-07-05", "chair": {"name": "Nguyễn Văn An", "title": "Giám đốc Sở"},
                 "participants": [{"name": "Trần Văn Quang", "title": "Phó Giám đốc Sở, QMR"}]}""".formatted(FIRST, ORG, y, y, y, y), 201);
        services.on(y + "-07-05");
        services.post("qmr", "/api/reviews/" + FIRST + "/holding", """
                {"attendees": [{"name": "Nguyễn Văn An", "title": "Giám đốc Sở"}], "minutesSummary": "Kết quả 6 tháng đầu năm",
                 "conclusion": {"suitable": true, "adequate": true, "effective": true, "statement": "Hệ thống phù hợp"}}""", 202);
        services.post("qmr", "/api/reviews/" + FIRST + "/decisions", """
                {"decisionId": "D1", "kind": "IMPROVEMENT", "description": "Số hóa hồ sơ lưu trữ", "ownerUnit": "VP", "dueDate": "%d-09-30"}"""
                .formatted(y), 201);
        services.post("qmr", "/api/reviews/" + FIRST + "/decisions", """
                {"decisionId": "D2", "kind": "IMPROVEMENT", "description": "Tập huấn quy trình một cửa", "ownerUnit": "VP", "dueDate": "%d-10-31"}"""
                .formatted(y), 201);
        services.post("qmr", "/api/reviews/" + FIRST + "/decisions", """
                {"decisionId": "D3", "kind": "RESOURCE_NEED", "description": "Trang bị máy quét", "ownerUnit": "VP", "dueDate": "%s"}"""
                .formatted(today.plusDays(365)), 201);
        services.on(y + "-09-20");
        services.post("truongvp", "/api/reviews/" + FIRST + "/decisions/D1/completion", """
                {"note": "Đã số hóa 1.200 hồ sơ"}""", 202);
    }

    /** The year's audit round: VP audited on 03/09, one observation, closed on 15/09 (within the second half). */
    private void internalAudit() {
        services.on(y + "-08-20");
        services.post("thuky", "/api/audits", """
                {"auditId": "%s", "organisationId": "%s", "year": %d, "title": "Đánh giá nội bộ năm %d", "scopeUnits": ["VP"],
                 "criteria": "TCVN ISO 9001:2015", "clauses": ["7.5.3"], "plannedFrom": "%d-09-01", "plannedTo": "%d-09-10"}"""
                .formatted(audit, ORG, y, y, y, y), 201);
        services.post("thuky", "/api/audits/" + audit + "/team", """
                {"leadAuditor": {"userId": "danhgia", "name": "Đỗ Thị Đào", "unit": "TO-ISO"},
                 "members": [{"userId": "danhgiakhtc", "name": "Vũ Minh Khoa", "unit": "P-KHTC"}],
                 "decision": {"number": "215/QĐ-SLĐTBXH", "date": "%d-08-20"}}""".formatted(y), 202);
        services.post("danhgia", "/api/audits/" + audit + "/unit-audits", """
                {"unit": "VP", "date": "%d-09-03", "auditors": ["danhgia", "danhgiakhtc"]}""".formatted(y), 202);
        services.on(y + "-09-03");
        services.post("danhgiakhtc", "/api/audits/" + audit + "/unit-audits/held", """
                {"unit": "VP", "notes": [{"clause": "7.5.3", "question": "Văn bản đến được vào sổ?", "observed": "Đủ", "conformity": "CONFORMING"}]}""", 202);
        services.post("danhgia", "/api/audits/" + audit + "/findings", """
                {"findingId": "F-VP-01", "unit": "VP", "clause": "7.5.3", "kind": "OBSERVATION",
                 "description": "Sổ công văn đến ghi chưa đủ cột ngày nhận", "evidenceSeen": "Sổ công văn đến tháng 8"}""", 201);
        services.on(y + "-09-12");
        services.post("danhgia", "/api/audits/" + audit + "/report", """
                {"report": {"number": "320/BC-SLĐTBXH", "date": "%d-09-12", "issuer": "Đoàn ĐGNB", "title": "Báo cáo kết quả ĐGNB"},
                 "summary": "01 đơn vị được đánh giá; 01 khuyến nghị"}""".formatted(y), 202);
        services.on(y + "-09-15");
        services.post("qmr", "/api/audits/" + audit + "/close", "{}", 202);
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    // ---- the inputs -------------------------------------------------------------------------------------------------

    @Test
    void theInputsAreThoseOfTheCutOffComputedByHand() {
        JsonNode inputs = inputsAtCutOff;
        assertThat(inputs.path("provisional").asBoolean()).isFalse();
        assertThat(Instant.parse(inputs.path("knownAt").asString())).isEqualTo(cutOff);
        assertThat(inputs.path("asOf").asString()).isEqualTo(LocalDate.ofInstant(cutOff, AGENCY).toString());
        assertThat(inputs.path("year").asInt()).isEqualTo(y);

        // a: D1 done on 20/09 (on time), D2 overdue (due 31/10), D3 open (due next year); E1, E2 are this review's own
        JsonNode previous = inputs.path("previousDecisions");
        assertThat(List.of(previous.path("total").asInt(), previous.path("done").asInt(), previous.path("overdue").asInt(),
                previous.path("open").asInt())).containsExactly(3, 1, 1, 1);
        assertThat(previous.path("decisions").findValuesAsString("decisionId")).containsExactly("D1", "D2", "D3");
        assertThat(previous.path("decisions").findValuesAsString("status")).containsExactly("DONE", "OVERDUE", "OPEN");

        // c: Q2 at 19/20 = 95 % meets ≥ 95 % at the year's end; the one occurrence (31/03) is overdue: 0 % done
        JsonNode objective = inputs.path("objectives").get(0);
        assertThat(inputs.path("objectives")).hasSize(1);
        assertThat(objective.path("latestMeasurement").path("value").asDouble()).isEqualTo(95);
        assertThat(objective.path("kpiStatus").asString()).isEqualTo("ACHIEVED");
        assertThat(objective.path("occurrences").path("due").asInt()).isEqualTo(1);
        assertThat(objective.path("occurrences").path("overdue").asInt()).isEqualTo(1);
        assertThat(objective.path("completionRate").asDouble()).isZero();
        assertThat(inputs.path("objectiveSummary").path("kpiStatusCounts").path("ACHIEVED").asInt()).isEqualTo(1);

        // nonconformities: raised in the period PA and KHTC, closed in it PA; open CU and KHTC, KHTC overdue (B1)
        JsonNode nonconformities = inputs.path("nonconformities");
        assertThat(List.of(nonconformities.path("raisedInPeriod").asInt(), nonconformities.path("closedInPeriod").asInt(),
                nonconformities.path("open").asInt(), nonconformities.path("overdue").asInt(),
                nonconformities.path("overdueActions").asInt())).containsExactly(2, 1, 2, 1, 1);
        assertThat(nonconformities.path("rows").findValuesAsString("nonconformityId")).containsExactly("NC-CU-01", "NC-PA-01", "NC-KHTC-01");

        // monitoring: VP's one occurrence, overdue; the programme knows VP only, audited
        JsonNode vp = inputs.path("monitoring").path("units").get(0);
        assertThat(vp.path("unit").asString()).isEqualTo("VP");
        assertThat(List.of(vp.path("assigned").asInt(), vp.path("due").asInt(), vp.path("overdue").asInt())).containsExactly(1, 1, 1);
        assertThat(inputs.path("monitoring").path("auditedUnits").asInt()).isEqualTo(1);
        assertThat(inputs.path("monitoring").path("auditedRate").asDouble()).isEqualTo(100);

        // audits closed in the period: the round closed on 15/09, one observation, nothing open
        JsonNode round = inputs.path("audits").get(0);
        assertThat(inputs.path("audits")).hasSize(1);
        assertThat(round.path("auditId").asString()).isEqualTo(audit);
        assertThat(round.path("closedOn").asString()).isEqualTo(y + "-09-15");
        assertThat(round.path("findings").path("observations").asInt()).isEqualTo(1);
        assertThat(round.path("findings").path("total").asInt()).isEqualTo(1);
        assertThat(round.path("openFindings").asInt()).isZero();

        assertThat(inputs.path("notes").path("contextChanges").asString()).isEqualTo("Luật Việc làm sửa đổi có hiệu lực");
    }

    @Test
    void correctionsRecordedAfterTheCutOffChangeNeitherTheInputsNorTheMinutes() {
        assertThat(inputsAfterCorrections).isEqualTo(inputsAtCutOff);
        assertThat(minutesAfterCorrections).isEqualTo(minutesAtCutOff);
        assertThat(issueAfterCorrections).isEqualTo(issueAtCutOff);
        // the corrections are there for a review not held yet: its inputs are as known now, and say so
        JsonNode provisional = services.get("xem", "/api/reviews/" + UNHELD + "/inputs");
        assertThat(provisional.path("provisional").asBoolean()).isTrue();
        assertThat(provisional.path("objectives").get(0).path("latestMeasurement").path("value").asDouble()).isEqualTo(90);
        assertThat(provisional.path("objectives").get(0).path("kpiStatus").asString()).isEqualTo("MISSED");
        assertThat(provisional.path("previousDecisions").path("total").asInt()).isEqualTo(5); // D1–D3 and the held review's E1, E2
        assertThat(provisional.path("previousDecisions").path("done").asInt()).isEqualTo(2);
        assertThat(provisional.path("nonconformities").path("overdue").asInt()).isZero();
        assertThat(problem("/api/reviews/" + UNHELD + "/minutes", 409)).contains("\"code\":\"REVIEW_NOT_HELD\"");
    }

    // ---- the minutes ------------------------------------------------------------------------------------------------

    @Test
    void theMinutesHaveTheAdministrativeFormAndTheReviewsContentInVietnamese() throws IOException {
        String text = text(minutesAtCutOff);
        LocalDate heldOn = today.plusDays(1);
        assertThat(text).contains("UBND TỈNH HẢI DƯƠNG", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Số: 05/BB-SLĐTBXH",
                "Hải Dương, ngày " + twoDigits(heldOn.getDayOfMonth()) + " tháng "
                        + (heldOn.getMonthValue() < 3 ? "0" : "") + heldOn.getMonthValue() + " năm " + heldOn.getYear(),
                "BIÊN BẢN", "Họp xem xét của lãnh đạo về hệ thống quản lý chất lượng", "Xem xét của lãnh đạo 6 tháng cuối năm " + y,
                "Thời gian: ngày " + DAY.format(heldOn) + ".", "Địa điểm: Hải Dương.",
                "Kỳ xem xét: từ ngày 01/07/" + y + " đến ngày 31/12/" + y + "; hình thức: sau hoạt động đánh giá nội bộ (cuộc đánh giá " + audit + ").",
                "Chủ trì: Nguyễn Văn An - Giám đốc Sở.",
                "Thành phần được mời: Trần Văn Quang - Phó Giám đốc Sở, QMR; Nguyễn Thị Thư - Thư ký ISO.",
                "Thành phần tham dự: Nguyễn Văn An - Giám đốc Sở; Trần Văn Quang - Phó Giám đốc Sở, QMR.");
        // 9.3.2, with the figures of the cut-off
        assertThat(text).contains("1. Tình trạng của các hành động từ những lần xem xét của lãnh đạo trước: 3 quyết định; đã hoàn thành: 1;"
                        + " đang thực hiện: 1; quá hạn: 1.",
                FIRST + "\tSố hóa hồ sơ lưu trữ\tVP\t30/09/" + y + "\tĐã hoàn thành 20/09/" + y,
                FIRST + "\tTập huấn quy trình một cửa\tVP\t31/10/" + y + "\tQuá hạn",
                "2. Những thay đổi về các vấn đề bên ngoài và nội bộ liên quan đến hệ thống quản lý chất lượng: Luật Việc làm sửa đổi có hiệu lực",
                "a) Sự thỏa mãn của người dân, tổ chức và phản hồi từ các bên quan tâm liên quan: 02 phản ánh về thời hạn trả hồ sơ",
                "b) Mức độ đạt được các mục tiêu chất lượng năm " + y + ": 1 mục tiêu. Công việc đến hạn: 1; hoàn thành đúng hạn: 0;"
                        + " hoàn thành trễ hạn: 0; quá hạn: 1; chưa đến hạn: 0. Tỷ lệ hoàn thành: 0,00 %; tỷ lệ hoàn thành đúng hạn: 0,00 %.",
                "MTCL-" + y + "-01\tTỷ lệ hồ sơ đúng hạn ≥ 95 %\t95 % (19/20), kỳ 01/04/" + y + " - 30/06/" + y
                        + "; nguồn: Báo cáo quý II\tĐạt\t0,00 %\t0,00 %",
                "VP\t1\t1\t0\t0\t1\t0,00 %", "Đơn vị đã được đánh giá nội bộ trong năm " + y + ": 1/1 (100,00 %).",
                "d) Sự không phù hợp và hành động khắc phục: phát sinh trong kỳ: 2; đã đóng trong kỳ: 1; còn mở: 2, trong đó quá hạn"
                        + " khắc phục: 1 (hành động khắc phục quá hạn: 1).",
                "NC-PA-01\tPhản ánh, kiến nghị\tNhẹ\tVP\t8.7\t12/07/" + y + "\tĐã đóng\t28/07/" + y,
                "NC-KHTC-01\tPhát hiện trong công việc\tNhẹ\tP-KHTC\t7.5.3\t14/07/" + y + "\tĐang khắc phục (quá hạn)",
                "e) Kết quả đánh giá nội bộ: cuộc đánh giá kết thúc trong kỳ: 1:",
                "Đánh giá nội bộ năm " + y + "\t15/09/" + y + "\t1\t0\t0\t1\t0\t0",
                "f) Kết quả thực hiện của các nhà cung cấp bên ngoài: Không có.",
                "4. Sự thỏa đáng của các nguồn lực: Thiếu 01 công chức tại Văn phòng Sở",
                "6. Các cơ hội cải tiến: Số hóa sổ công văn đến");
        assertThat(text).doesNotContain("90 %", "18/20", "7. Nội dung khác");
        // the meeting's outputs
        assertThat(text).contains("III. NỘI DUNG THẢO LUẬN", "Xem xét kết quả thực hiện MTCL, kết quả ĐGNB và các hành động khắc phục",
                "Hệ thống quản lý chất lượng: phù hợp; chưa thỏa đáng; có hiệu lực.",
                "1\tSửa quy trình quản lý văn bản đến\tThay đổi HTQLCL\tVP\t" + DAY.format(today.plusDays(60)),
                "2\tBổ sung 01 công chức văn thư\tNhu cầu nguồn lực\tP-KHTC\t" + DAY.format(today.plusDays(90)),
                "Nơi nhận:", "- Lưu: VT, VP.", "GIÁM ĐỐC", "Nguyễn Văn An");
        assertThat(text.indexOf("CỘNG HÒA")).isLessThan(text.indexOf("BIÊN BẢN"));
        assertThat(text.indexOf("I. THỜI GIAN")).isLessThan(text.indexOf("II. ĐẦU VÀO")).isLessThan(text.indexOf("III. NỘI DUNG"))
                .isLessThan(text.indexOf("IV. KẾT LUẬN")).isLessThan(text.indexOf("V. CÁC QUYẾT ĐỊNH")).isLessThan(text.indexOf("Nơi nhận:"));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(minutesAtCutOff))) {
            List<XWPFRun> runs = new ArrayList<>();
            document.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
            document.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells().forEach(c ->
                    c.getParagraphs().forEach(p -> runs.addAll(p.getRuns())))));
            assertThat(runs).isNotEmpty().allSatisfy(run -> {
                assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
                assertThat(run.getFontSizeAsDouble()).isBetween(11.0, 14.0);
            });
            assertThat(document.getProperties().getCoreProperties().getCreated().toInstant()).isBetween(cutOff.minusSeconds(1), cutOff);
        }
    }

    @Test
    void whatIssuingRecordsIsTheCommandsBodyWithTheDefaultsOfTheResultsReport() throws Exception {
        assertThat(issueAtCutOff.path("docxSha256").asString()).isEqualTo(sha256(minutesAtCutOff));
        assertThat(issueAtCutOff.path("generator").asString()).startsWith("quality-ledger review-minutes 1; Apache POI ");
        assertThat(issueAtCutOff.path("organisationName").asString()).isEqualTo("Sở Lao động - Thương binh và Xã hội");
        assertThat(issueAtCutOff.path("place").asString()).isEqualTo("Hải Dương");
        JsonNode unnumbered = services.get("xem", "/api/reviews/" + SECOND + "/minutes");
        assertThat(unnumbered.path("number").asString()).isEqualTo("/BB-SLĐTBXH");
        assertThat(unnumbered.path("signerTitle").asString()).isEqualTo("GIÁM ĐỐC");
        assertThat(unnumbered.path("signerAuthority").asString()).isEmpty();
        assertThat(text(download("/api/reviews/" + SECOND + "/minutes.docx", "xem", 200))).contains("Số:       /BB-SLĐTBXH");
    }

    @Test
    void issuedMinutesAreGeneratedAgainByteForByteAndATamperedFileIsNotThem() throws Exception {
        verifyAsMultipart(SECOND, minutesAtCutOff, 404); // nothing issued yet
        services.post("thuky", "/api/reviews/" + SECOND + "/minutes", issueAtCutOff.toString(), 201);
        services.post("thuky", "/api/reviews/" + SECOND + "/minutes", issueAtCutOff.toString(), 201); // a retry stores nothing
        assertThat(services.assertEveryLocationIsARead()).anyMatch(followed -> followed.endsWith("/api/reviews/" + SECOND + "/minutes/issued.docx"));

        assertThat(download("/api/reviews/" + SECOND + "/minutes/issued.docx", "xem", 200)).isEqualTo(minutesAtCutOff);
        JsonNode verified = verifyAsMultipart(SECOND, minutesAfterCorrections, 200);
        assertThat(verified.path("verified").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("regeneratesAsIssued").asBoolean()).isTrue();
        assertThat(verified.path("recordedDocxSha256").asString()).isEqualTo(sha256(minutesAtCutOff));
        assertThat(verified.path("number").asString()).isEqualTo("05/BB-SLĐTBXH");

        byte[] tampered = minutesAtCutOff.clone();
        tampered[tampered.length / 2] ^= 1;
        assertThat(verifyAsMultipart(SECOND, tampered, 200).path("verified").asBoolean()).isFalse();
        // another signer's draft is not the issued minutes either; and the body may also be the file itself
        byte[] otherSigner = download("/api/reviews/" + SECOND + "/minutes.docx?number=05/BB-SLĐTBXH&signerName=Trần Văn Quang", "xem", 200);
        assertThat(verifyAsBody(SECOND, otherSigner).path("verified").asBoolean()).isFalse();
        assertThat(verifyAsBody(SECOND, minutesAtCutOff).path("verified").asBoolean()).isTrue();

        JsonNode review = services.get("xem", "/api/reviews/" + SECOND);
        assertThat(review.path("status").asString()).isEqualTo("MINUTES_ISSUED");
        assertThat(review.path("minutesDocxSha256").asString()).isEqualTo(sha256(minutesAtCutOff));
    }

    @Test
    void readersOfTheReviewsOrganisationOnly() throws IOException {
        services.append("ManagementReview", "so-khac.XXLD-1", new ManagementReviewPlannedEvent(ManagementReviewId.of("so-khac.XXLD-1"),
                "so-ldtbxh-bt", "Xem xét của Sở khác", ReviewTrigger.PERIODIC, null, LocalDate.of(y, 1, 1), LocalDate.of(y, 6, 30),
                LocalDate.of(y, 7, 5), new ReviewPerson("Người khác", null), List.of(new ReviewPerson("Người dự", null)),
                LocalDate.of(y, 6, 1)));
        for (String path : List.of("/inputs", "/minutes", "/minutes.docx", "/minutes/issued.docx")) {
            assertThat(status("xem", "/api/reviews/so-khac.XXLD-1" + path)).as(path).isEqualTo(403);
            assertThat(status("baocao", "/api/reviews/" + SECOND + path)).as(path).isEqualTo(403); // the feed's machine role
            assertThat(status("xem", "/api/reviews/khong-co" + path)).as(path).isEqualTo(404);
        }
        assertThat(status("tinh", "/api/reviews/" + SECOND + "/inputs")).isEqualTo(200); // the province reads every organisation
        assertThat(problem("/api/reviews/" + SECOND + "/minutes?number=" + "1".repeat(101), 400)).contains("INVALID_PARAMETER", "number");
    }

    /** Where LibreOffice is installed, the minutes open in it: converted to PDF as a reader's office suite would. */
    @Test
    void libreOfficeConvertsTheMinutesToPdf() throws Exception {
        String office = List.of("libreoffice", "soffice").stream().filter(ReviewMinutesEndToEndTest::onPath).findFirst().orElse(null);
        Assumptions.assumeTrue(office != null, "LibreOffice is not installed");
        Path directory = Files.createTempDirectory("bien-ban");
        Path docx = Files.write(directory.resolve("bien-ban.docx"), minutesAtCutOff);
        Process process = new ProcessBuilder(office, "--headless", "--convert-to", "pdf", "--outdir", directory.toString(), docx.toString())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        byte[] pdf = Files.readAllBytes(directory.resolve("bien-ban.pdf"));
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    private byte[] download(String path, String user, int expectedStatus) {
        return queries.get().uri(path).header("Authorization", basic(user)).exchange((request, response) -> {
            byte[] body = response.getBody().readAllBytes();
            assertThat(response.getStatusCode().value()).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(expectedStatus);
            if (expectedStatus == 200) {
                assertThat(response.getHeaders().getFirst("Report-SHA-256")).isEqualTo(sha256(body));
            }
            return body;
        });
    }

    private JsonNode verifyAsMultipart(String reviewId, byte[] file, int expectedStatus) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "bien-ban.docx";
            }
        });
        return queries.post().uri("/api/reviews/" + reviewId + "/minutes/verification").header("Authorization", basic("xem"))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> {
                    String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(response.getStatusCode().value()).as(body).isEqualTo(expectedStatus);
                    return JSON.readTree(body);
                });
    }

    private JsonNode verifyAsBody(String reviewId, byte[] file) {
        return queries.post().uri("/api/reviews/" + reviewId + "/minutes/verification").header("Authorization", basic("xem"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(file)
                .exchange((request, response) -> {
                    String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(response.getStatusCode().value()).as(body).isEqualTo(200);
                    return JSON.readTree(body);
                });
    }

    private int status(String user, String path) {
        return queries.get().uri(path).header("Authorization", basic(user))
                .exchange((request, response) -> response.getStatusCode().value());
    }

    private String problem(String path, int expectedStatus) {
        return queries.get().uri(path).header("Authorization", basic("xem")).exchange((request, response) -> {
            String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response.getStatusCode().value()).as(body).isEqualTo(expectedStatus);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            return body;
        });
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static String text(byte[] docx) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }
}
