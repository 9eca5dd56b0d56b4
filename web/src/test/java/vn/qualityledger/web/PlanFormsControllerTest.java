package vn.qualityledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.qualityledger.web.SliceTests.signedIn;
import static vn.qualityledger.web.SliceTests.user;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponents;
import vn.qualityledger.web.ServiceProblem.FieldProblem;

/**
 * The secretary's plan pages (vn.qualityledger.web.plan) over a mocked client: the plan import's preview (what it
 * sends, what it shows, every error named by objective and measure) and the import; defining, revising, publishing
 * and closing an objective, planning, revising and cancelling a measure — what each form sends, each refusal beside
 * its field in Vietnamese and English, who is offered which form, and CSRF on every form.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, Formats.class, ProblemMessages.class, Reads.class})
@TestPropertySource(properties = "quality-ledger.read-wait=PT0S")
class PlanFormsControllerTest {

    static final SignedInUser THUKY = user("thuky", "Nguyễn Thị Thư", "ISO_SECRETARY", "TK-ISO");
    static final SignedInUser QMR = user("qmr", "Trần Văn Quang", "QMR", "QMR");
    static final SignedInUser NHANVIENVP = user("nhanvienvp", "Phạm Minh Hiếu", "STAFF", "VP");

    static final String OBJECTIVE = "SLDTBXH-HD.MTCL-2023-01";
    static final String MANAGE = "/objectives/" + OBJECTIVE + "/manage";
    static final String DOCUMENT = """
            {"organisation": {"code": "SLDTBXH-HD"}, "year": 2023,
             "objectives": [{"code": "MTCL-2023-01", "statement": "Mục tiêu một", "measures": [
                 {"code": "I.1", "title": "Xây dựng kế hoạch", "lead": ["VP"], "monitoredBy": ["QMR"],
                  "schedule": {"text": "Hằng tháng", "rules": [{"rrule": "FREQ=SOMETIMES"}]},
                  "subMeasures": [{"code": "I.1.a", "title": "Dự thảo", "lead": [], "monitoredBy": ["QMR"],
                                   "schedule": {"text": "Quý I", "rules": [{"due": "2023-03-31"}]}}]}]},
               {"code": "MTCL-2023-02", "statement": "Mục tiêu hai", "target": {"indicator": "Tỷ lệ", "comparator": ">=", "value": 120, "unit": "%"},
                "measures": []}]}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QualityLedgerClient client;

    private Map<String, Object> dashboard = objective(null, null);
    private final List<String> readsAskedFor = new ArrayList<>();

    @BeforeEach
    void answerReads() {
        given(client.read(any(), any())).willAnswer(invocation -> {
            UriComponents asked = SliceTests.asked(invocation);
            readsAskedFor.add(asked.getPath());
            return switch (asked.getPath()) {
                case "/api/objectives/" + OBJECTIVE + "/dashboard" -> dashboard;
                case "/api/objectives/" + OBJECTIVE + "/plan" -> Map.of("measures", List.of(measure()));
                case "/api/organisations/SLDTBXH-HD/years/2023/summary" -> Map.of("objectiveCount", 10);
                default -> throw new IllegalStateException("unexpected read " + asked.getPath());
            };
        });
    }

    // ---- the plan import ----------------------------------------------------------------------------------------------

    @Test
    void theSecretaryIsOfferedThePlanImportAndStaffAreNot() throws Exception {
        mvc.perform(get("/plans/import").with(signedIn(THUKY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"nav-plan-import\"")))
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/plans/import").with(signedIn(NHANVIENVP)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Chỉ Thư ký ISO, QMR hoặc quản trị hệ thống được thay đổi kế hoạch.")))
                .andExpect(content().string(not(containsString("id=\"nav-plan-import\""))));
        mvc.perform(multipart("/plans/import/preview").file(file(DOCUMENT)).with(signedIn(NHANVIENVP)).with(csrf()))
                .andExpect(status().isForbidden());
        verify(client, never()).command(any(), anyString(), any());
    }

    @Test
    void thePreviewSendsTheFileAsItIsAndShowsWhatWouldBeCreatedBeforeAnythingIsStored() throws Exception {
        given(client.command(eq(THUKY), eq("/api/plans/preview"), any())).willReturn(preview());
        mvc.perform(multipart("/plans/import/preview").file(file(DOCUMENT)).with(signedIn(THUKY)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Xem trước kế hoạch của SLDTBXH-HD năm 2023")))
                .andExpect(content().string(containsString("Các mục tiêu sẽ được công bố theo Quyết định số 147/QĐ-SLĐTBXH ngày 07/02/2023.")))
                .andExpect(content().string(containsString("1 mục tiêu; sẽ ghi 3 thay đổi (trong 4 lệnh). Chưa có gì được lưu.")))
                .andExpect(content().string(containsString("data-objective=\"MTCL-2023-01\"")))
                .andExpect(content().string(containsString("Tỷ lệ hồ sơ giải quyết đúng hạn")))
                .andExpect(content().string(containsString("≥ 95 %")))
                .andExpect(content().string(containsString("Đã có, không thay đổi")))
                .andExpect(content().string(containsString("sẽ công bố khi nhập")))
                .andExpect(content().string(containsString("<tr data-measure=\"I.6\">")))
                .andExpect(content().string(containsString("Trước 15/5 và trước 30/10")))
                .andExpect(content().string(containsString("2 lần</span>:")))
                .andExpect(content().string(containsString("14/05/2023, ")))
                .andExpect(content().string(containsString("29/10/2023")))
                .andExpect(content().string(containsString("<tr data-measure=\"I.6.a\" class=\"sub-measure\">")))
                .andExpect(content().string(containsString("Thêm lần thực hiện khi phát sinh")))
                .andExpect(content().string(containsString("id=\"plan-import-form\"")));
        // Sent as uploaded (the service reads it strictly), to the preview only.
        verify(client).command(THUKY, "/api/plans/preview", DOCUMENT);
        verify(client, never()).command(any(), eq("/api/plans"), any());
    }

    @Test
    void thePreviewListsEveryErrorByObjectiveAndMeasureInVietnameseAndEnglishAndOffersNoImport() throws Exception {
        given(client.command(eq(THUKY), eq("/api/plans/preview"), any())).willThrow(new ServiceProblem(400, "INVALID_PLAN",
                "The plan document has 3 error(s); nothing was stored", List.of(
                new FieldProblem("objectives[0].measures[0].schedule.rules[0].rrule", "SCHEDULE_RRULE_INVALID", "Not an RFC 5545 recurrence rule"),
                new FieldProblem("objectives[0].measures[0].subMeasures[0].lead", "Size", "size must be between 1 and 2147483647"),
                new FieldProblem("objectives[1].target.value", "TARGET_PERCENT_OUT_OF_RANGE", "A percentage target lies between 0 and 100"))));
        mvc.perform(multipart("/plans/import/preview").file(file(DOCUMENT)).with(signedIn(THUKY)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Tệp mtcl-loi.json có 3 lỗi")))
                .andExpect(content().string(containsString("Chưa có gì được lưu.")))
                .andExpect(content().string(containsString("<tr data-path=\"objectives[0].measures[0].schedule.rules[0].rrule\">\n"
                        + "                <td class=\"code\">MTCL-2023-01</td>\n                <td class=\"code\">I.1</td>")))
                .andExpect(content().string(containsString("Thời gian thực hiện, quy tắc 1: rrule")))
                .andExpect(content().string(containsString("Không phải quy tắc lặp RFC 5545 hợp lệ (ví dụ FREQ=MONTHLY;BYMONTHDAY=25).")))
                .andExpect(content().string(containsString("<td class=\"code\">I.1 › I.1.a</td>")))
                .andExpect(content().string(containsString("Cần ít nhất một đơn vị chủ trì.")))
                .andExpect(content().string(containsString("<td class=\"code\">MTCL-2023-02</td>")))
                .andExpect(content().string(containsString("Chỉ tiêu: giá trị")))
                .andExpect(content().string(containsString("Chỉ tiêu tính theo % phải từ 0 đến 100.")))
                .andExpect(content().string(not(containsString("id=\"plan-import-form\""))));
        mvc.perform(multipart("/plans/import/preview").file(file(DOCUMENT)).param("lang", "en").with(signedIn(THUKY)).with(csrf()))
                .andExpect(content().string(containsString("File mtcl-loi.json has 3 error(s)")))
                .andExpect(content().string(containsString("Schedule, rule 1: rrule")))
                .andExpect(content().string(containsString("At least one lead unit is needed.")))
                .andExpect(content().string(containsString("A percentage target lies between 0 and 100.")));
    }

    @Test
    void aFileThatIsNoJsonOrNoneAtAllIsShownAsSuch() throws Exception {
        mvc.perform(multipart("/plans/import/preview").with(signedIn(THUKY)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"document-file-error\" class=\"field-error block\">Vui lòng chọn tệp kế hoạch.</span>")));
        given(client.command(eq(THUKY), eq("/api/plans/preview"), any())).willThrow(new ServiceProblem(400, "MALFORMED_REQUEST",
                "The request body is not valid JSON for this endpoint", List.of(new FieldProblem("objectives[0]", "Json", "is not well-formed JSON"))));
        mvc.perform(multipart("/plans/import/preview").file(file("{\"objectives\": [{")).with(signedIn(THUKY)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Tệp không đúng định dạng JSON.")))
                .andExpect(content().string(containsString("<td class=\"code\">#1</td>")));
    }

    @Test
    void importingSendsTheDocumentAndLandsOnTheYearsDashboard() throws Exception {
        given(client.command(eq(THUKY), eq("/api/plans"), any())).willReturn(Map.of("organisationId", "SLDTBXH-HD", "year", 2023,
                "objectives", List.of(Map.of("objectiveId", OBJECTIVE, "code", "MTCL-2023-01", "measures", 3)), "commands", 5));
        mvc.perform(post("/plans/import").param("document", DOCUMENT).with(signedIn(THUKY)).with(csrf()))
                .andExpect(redirectedUrl("/organisations/SLDTBXH-HD/years/2023"))
                .andExpect(flash().attribute("notice", "Đã nhập kế hoạch năm 2023: 1 mục tiêu."));
        verify(client).command(THUKY, "/api/plans", DOCUMENT);
    }

    @Test
    void noPlanFormWorksWithoutItsCsrfToken() throws Exception {
        mvc.perform(multipart("/plans/import/preview").file(file(DOCUMENT)).with(signedIn(THUKY))).andExpect(status().isForbidden());
        for (String path : List.of("/plans/import", "/organisations/SLDTBXH-HD/years/2023/objectives", "/objectives/" + OBJECTIVE + "/revisions",
                "/objectives/" + OBJECTIVE + "/publication", "/objectives/" + OBJECTIVE + "/closure", "/objectives/" + OBJECTIVE + "/measures",
                "/objectives/" + OBJECTIVE + "/measures/I.6/revisions", "/objectives/" + OBJECTIVE + "/measures/I.6/cancellation")) {
            mvc.perform(post(path).param("document", DOCUMENT).param("code", "X").with(signedIn(QMR))).andExpect(status().isForbidden());
        }
        verify(client, never()).command(any(), anyString(), any());
    }

    // ---- defining an objective --------------------------------------------------------------------------------------

    @Test
    void theSecretaryDefinesAnObjectiveWithATargetAndItsIdComesFromItsCode() throws Exception {
        mvc.perform(get("/organisations/SLDTBXH-HD/years/2023/objectives/new").with(signedIn(THUKY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"define-form\"")));
        given(client.command(eq(THUKY), eq("/api/objectives"), any())).willReturn(Map.of("id", "SLDTBXH-HD.MTCL-2023-11"));
        mvc.perform(post("/organisations/SLDTBXH-HD/years/2023/objectives").with(signedIn(THUKY)).with(csrf()).param("code", " MTCL-2023-11 ")
                        .param("statement", "Giải quyết đúng hạn 98% hồ sơ").param("indicator", "Tỷ lệ hồ sơ đúng hạn")
                        .param("comparator", ">=").param("value", "97,5").param("unit", "%"))
                .andExpect(redirectedUrl("/objectives/SLDTBXH-HD.MTCL-2023-11/manage"))
                .andExpect(flash().attribute("notice", "Đã thêm mục tiêu MTCL-2023-11."));
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("indicator", "Tỷ lệ hồ sơ đúng hạn");
        target.put("comparator", ">=");
        target.put("value", new java.math.BigDecimal("97.5"));
        target.put("unit", "%");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("objectiveId", "SLDTBXH-HD.MTCL-2023-11");
        expected.put("organisationId", "SLDTBXH-HD");
        expected.put("year", 2023);
        expected.put("code", "MTCL-2023-11");
        expected.put("statement", "Giải quyết đúng hạn 98% hồ sơ");
        expected.put("target", target);
        assertThat(sent(THUKY, "/api/objectives")).isEqualTo(expected);
    }

    @Test
    void aRefusedObjectiveShowsBesideItsFieldsKeepingWhatWasTyped() throws Exception {
        given(client.command(eq(THUKY), eq("/api/objectives"), any())).willThrow(new ServiceProblem(422, "TARGET_PERCENT_OUT_OF_RANGE",
                "A percentage target lies between 0 and 100", List.of(new FieldProblem("target.value", "TARGET_PERCENT_OUT_OF_RANGE", "x"))));
        mvc.perform(post("/organisations/SLDTBXH-HD/years/2023/objectives").with(signedIn(THUKY)).with(csrf()).param("code", "MTCL-2023-11")
                        .param("statement", "Mục tiêu").param("indicator", "Tỷ lệ").param("comparator", ">=").param("value", "120").param("unit", "%"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"define-value-error\" class=\"field-error block\">Chỉ tiêu tính theo % phải từ 0 đến 100.</span>")))
                .andExpect(content().string(containsString("name=\"code\" value=\"MTCL-2023-11\"")))
                .andExpect(content().string(containsString("name=\"value\" value=\"120\"")));
        given(client.command(eq(THUKY), eq("/api/objectives"), any())).willThrow(new ServiceProblem(400, "INVALID_REQUEST", "",
                List.of(new FieldProblem("statement", "NotBlank", "must not be blank"), new FieldProblem("code", "NotBlank", "must not be blank"))));
        mvc.perform(post("/organisations/SLDTBXH-HD/years/2023/objectives").param("lang", "en").with(signedIn(THUKY)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"define-statement-error\" class=\"field-error block\">")))
                .andExpect(content().string(containsString("<span id=\"define-code-error\" class=\"field-error block\">")));
    }

    @Test
    void aTargetValueThatIsNoNumberIsMarkedAndNothingIsSent() throws Exception {
        mvc.perform(post("/organisations/SLDTBXH-HD/years/2023/objectives").with(signedIn(THUKY)).with(csrf()).param("code", "MTCL-2023-11")
                        .param("statement", "Mục tiêu").param("indicator", "Tỷ lệ").param("value", "chín mươi"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"define-value-error\" class=\"field-error block\">Giá trị phải là một số, ví dụ 95 hoặc 95,5.</span>")));
        verify(client, never()).command(any(), anyString(), any());
    }

    // ---- an objective's forms ----------------------------------------------------------------------------------------

    @Test
    void theSecretaryIsOfferedEveryPlanFormButClosingTheQmrClosingTooAndStaffNone() throws Exception {
        mvc.perform(get(MANAGE).with(signedIn(THUKY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"measure-form\"")))
                .andExpect(content().string(containsString("id=\"revise-form\"")))
                .andExpect(content().string(containsString("id=\"publish-form\"")))
                .andExpect(content().string(not(containsString("id=\"close-form\""))))
                .andExpect(content().string(containsString("href=\"/objectives/" + OBJECTIVE + "/measures/I.6\"")));
        mvc.perform(get(MANAGE).with(signedIn(QMR)))
                .andExpect(content().string(containsString("id=\"close-form\"")));
        mvc.perform(get(MANAGE).with(signedIn(NHANVIENVP))).andExpect(status().isForbidden());
        mvc.perform(get("/organisations/SLDTBXH-HD/years/2023/objectives/new").with(signedIn(NHANVIENVP))).andExpect(status().isForbidden());
        mvc.perform(get("/objectives/" + OBJECTIVE + "/measures/I.6").with(signedIn(NHANVIENVP))).andExpect(status().isForbidden());
        mvc.perform(post("/objectives/" + OBJECTIVE + "/measures").with(signedIn(NHANVIENVP)).with(csrf()).param("code", "I.9"))
                .andExpect(status().isForbidden());
        verify(client, never()).command(any(), anyString(), any());
    }

    @Test
    void aPublishedObjectiveOffersNoPublicationAndAClosedOneNoFormAtAll() throws Exception {
        dashboard = objective(Map.of("number", "147/QĐ-SLĐTBXH", "date", "2023-02-07"), null);
        mvc.perform(get(MANAGE).with(signedIn(QMR)))
                .andExpect(content().string(containsString("Công bố theo Quyết định số 147/QĐ-SLĐTBXH ngày 07/02/2023")))
                .andExpect(content().string(not(containsString("id=\"publish-form\""))))
                .andExpect(content().string(containsString("id=\"close-form\"")));
        dashboard = objective(Map.of("number", "147/QĐ-SLĐTBXH", "date", "2023-02-07"), "2023-12-31");
        mvc.perform(get(MANAGE).with(signedIn(QMR)))
                .andExpect(content().string(containsString("Đã kết thúc năm ngày 31/12/2023.")))
                .andExpect(content().string(not(containsString("<form"  + " method=\"post\" class=\"form\" id=\"measure-form\""))))
                .andExpect(content().string(not(containsString("id=\"close-form\""))))
                .andExpect(content().string(not(containsString("id=\"revise-form\""))));
    }

    @Test
    void planningAMeasureSendsItsUnitsEvidenceAndScheduleRulesOneALine() throws Exception {
        given(client.command(eq(THUKY), eq("/api/objectives/" + OBJECTIVE + "/measures"), any())).willReturn(Map.of("id", "I.9"));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/measures").with(signedIn(THUKY)).with(csrf()).param("parent", "I.6")
                        .param("code", "I.9").param("title", "Khảo sát sự hài lòng").param("lead", "VP, P-KHTC").param("coordinating", "")
                        .param("monitors", "QMR").param("evidence", "Báo cáo khảo sát\n\nPhiếu khảo sát").param("scheduleText", "Quý II và cả năm")
                        .param("rules", "30/06/2023\n01/07/2023 - 31/12/2023\nRRULE:FREQ=MONTHLY;BYMONTHDAY=25\nliên tục\nđột xuất: khi có yêu cầu"))
                .andExpect(redirectedUrl(MANAGE))
                .andExpect(flash().attribute("notice", "Đã thêm biện pháp I.9."));
        Map<String, Object> body = sent(THUKY, "/api/objectives/" + OBJECTIVE + "/measures");
        assertThat(body.get("measureId")).isEqualTo("I.9");
        assertThat(body.get("parentMeasureId")).isEqualTo("I.6");
        assertThat(body.get("details")).isEqualTo(Map.of("code", "I.9", "title", "Khảo sát sự hài lòng", "leadUnits", List.of("VP", "P-KHTC"),
                "coordinatingUnits", List.of(), "monitors", List.of("QMR"), "expectedEvidence", List.of("Báo cáo khảo sát", "Phiếu khảo sát"),
                "schedule", Map.of("text", "Quý II và cả năm", "rules", List.of(Map.of("due", "2023-06-30"),
                        Map.of("window", List.of("2023-07-01", "2023-12-31")), Map.of("rrule", "FREQ=MONTHLY;BYMONTHDAY=25"),
                        Map.of("continuous", true), Map.of("adhoc", "khi có yêu cầu")))));
    }

    @Test
    void aRefusedMeasureShowsEachFailingFieldBesideItInVietnameseAndEnglish() throws Exception {
        given(client.command(eq(THUKY), eq("/api/objectives/" + OBJECTIVE + "/measures"), any())).willThrow(new ServiceProblem(400, "INVALID_REQUEST",
                "The request has invalid fields", List.of(new FieldProblem("details.leadUnits", "NotEmpty", "must not be empty"),
                new FieldProblem("details.schedule.rules[0].rrule", "SCHEDULE_RRULE_INVALID", "Not an RFC 5545 recurrence rule"))));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/measures").with(signedIn(THUKY)).with(csrf()).param("code", "I.9")
                        .param("title", "Khảo sát").param("monitors", "QMR").param("rules", "FREQ=SOMETIMES"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"measure-lead-error\" class=\"field-error block\">Cần ít nhất một đơn vị chủ trì.</span>")))
                .andExpect(content().string(containsString("<span id=\"measure-rules-error\" class=\"field-error block\">Không phải quy tắc lặp RFC 5545 hợp lệ")))
                .andExpect(content().string(containsString("name=\"title\" rows=\"3\" aria-invalid=\"false\" aria-required=\"true\">Khảo sát</textarea>")));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/measures").param("lang", "en").with(signedIn(THUKY)).with(csrf()).param("code", "I.9"))
                .andExpect(content().string(containsString("<span id=\"measure-lead-error\" class=\"field-error block\">At least one lead unit is needed.</span>")));
        given(client.command(eq(THUKY), eq("/api/objectives/" + OBJECTIVE + "/measures"), any())).willThrow(new ServiceProblem(409, "MEASURE_EXISTS",
                "Measure I.6 is already planned with different content", List.of(new FieldProblem("measureId", "MEASURE_EXISTS", ""))));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/measures").with(signedIn(THUKY)).with(csrf()).param("code", "I.6").param("rules", "30/06/2023"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("<span id=\"measure-code-error\" class=\"field-error block\">Mã biện pháp này đã có trong kế hoạch với nội dung khác.</span>")));
    }

    @Test
    void aScheduleLineThatIsNoRuleIsMarkedAndNothingIsSent() throws Exception {
        mvc.perform(post("/objectives/" + OBJECTIVE + "/measures").with(signedIn(THUKY)).with(csrf()).param("code", "I.9")
                        .param("rules", "30/06/2023\ncuối quý"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"measure-rules-error\" class=\"field-error block\">Dòng „cuối quý“ không phải quy tắc thời gian")));
        verify(client, never()).command(any(), anyString(), any());
    }

    @Test
    void revisingAnObjectiveSendsItsStatementAndTarget() throws Exception {
        given(client.command(eq(THUKY), anyString(), any())).willReturn(Map.of("id", OBJECTIVE));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/revisions").with(signedIn(THUKY)).with(csrf()).param("statement", "Mục tiêu sửa")
                        .param("indicator", "").param("comparator", ">=").param("value", "").param("unit", ""))
                .andExpect(redirectedUrl(MANAGE))
                .andExpect(flash().attribute("notice", "Đã lưu thay đổi của mục tiêu."));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("statement", "Mục tiêu sửa");
        expected.put("target", null);
        assertThat(sent(THUKY, "/api/objectives/" + OBJECTIVE + "/revisions")).isEqualTo(expected);
    }

    @Test
    void publishingSendsTheDecisionAndItsRefusalsShowBesideNumberAndDate() throws Exception {
        given(client.command(eq(THUKY), anyString(), any())).willReturn(Map.of("id", OBJECTIVE));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/publication").with(signedIn(THUKY)).with(csrf()).param("number", " 147/QĐ-SLĐTBXH ")
                        .param("date", "7/2/2023"))
                .andExpect(redirectedUrl(MANAGE))
                .andExpect(flash().attribute("notice", "Đã công bố mục tiêu."));
        assertThat(sent(THUKY, "/api/objectives/" + OBJECTIVE + "/publication"))
                .isEqualTo(Map.of("decision", Map.of("number", "147/QĐ-SLĐTBXH", "date", "2023-02-07")));

        mvc.perform(post("/objectives/" + OBJECTIVE + "/publication").with(signedIn(THUKY)).with(csrf()).param("number", "147").param("date", "hôm qua"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"publish-date-error\" class=\"field-error block\">Ngày phải ghi theo dạng ngày/tháng/năm")));
        given(client.command(eq(THUKY), anyString(), any())).willThrow(new ServiceProblem(400, "INVALID_REQUEST", "",
                List.of(new FieldProblem("decision.number", "NotBlank", ""), new FieldProblem("decision.date", "NotNull", ""))));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/publication").with(signedIn(THUKY)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"publish-number-error\" class=\"field-error block\">Vui lòng ghi số quyết định.</span>")))
                .andExpect(content().string(containsString("<span id=\"publish-date-error\" class=\"field-error block\">Vui lòng ghi ngày quyết định (ngày/tháng/năm).</span>")));
        given(client.command(eq(THUKY), anyString(), any())).willThrow(new ServiceProblem(422, "DATED_IN_THE_FUTURE", "",
                List.of(new FieldProblem("decision.date", "DATED_IN_THE_FUTURE", ""))));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/publication").param("lang", "en").with(signedIn(THUKY)).with(csrf())
                        .param("number", "147").param("date", "01/01/2099"))
                .andExpect(content().string(containsString("<span id=\"publish-date-error\" class=\"field-error block\">")))
                .andExpect(content().string(containsString("name=\"number\" value=\"147\"")));
    }

    @Test
    void theQmrClosesTheYearWithAnAssessmentAndAMissingReasonShowsBesideIt() throws Exception {
        given(client.command(eq(QMR), anyString(), any())).willReturn(Map.of("id", OBJECTIVE));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/closure").with(signedIn(QMR)).with(csrf()).param("achieved", "false")
                        .param("reason", "Chỉ đạt 93 %").param("closedOn", "31/12/2023"))
                .andExpect(redirectedUrl(MANAGE))
                .andExpect(flash().attribute("notice", "Đã kết thúc năm của mục tiêu."));
        assertThat(sent(QMR, "/api/objectives/" + OBJECTIVE + "/closure")).isEqualTo(Map.of(
                "assessment", Map.of("achieved", false, "reason", "Chỉ đạt 93 %"), "closedOn", "2023-12-31"));
        given(client.command(eq(QMR), anyString(), any())).willThrow(new ServiceProblem(422, "ASSESSMENT_REASON_REQUIRED",
                "An objective assessed as not achieved needs a reason", List.of(new FieldProblem("assessment.reason", "ASSESSMENT_REASON_REQUIRED", ""))));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/closure").with(signedIn(QMR)).with(csrf()).param("achieved", "false"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"close-reason-error\" class=\"field-error block\">Vui lòng ghi lý do mục tiêu không đạt.</span>")))
                .andExpect(content().string(containsString("id=\"close-achieved-no\" checked=\"checked\"")));
        given(client.command(eq(QMR), anyString(), any())).willThrow(new ServiceProblem(400, "INVALID_REQUEST", "",
                List.of(new FieldProblem("assessment", "NotNull", ""))));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/closure").param("lang", "en").with(signedIn(QMR)).with(csrf()))
                .andExpect(content().string(containsString("<span id=\"close-achieved-error\" class=\"field-error block\">Please choose Achieved or Not achieved.</span>")));
    }

    // ---- a measure's forms ---------------------------------------------------------------------------------------------

    @Test
    void aMeasuresPageStartsFromWhatIsRecordedAndItsRevisionSendsTheDetailsAndDay() throws Exception {
        mvc.perform(get("/objectives/" + OBJECTIVE + "/measures/I.6").with(signedIn(THUKY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"title\" rows=\"3\" aria-invalid=\"false\" aria-required=\"true\">Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng</textarea>")))
                .andExpect(content().string(containsString("name=\"lead\" value=\"VP\"")))
                // The recorded rules in words, and in the form's notation to revise from (no note to type them anew).
                .andExpect(content().string(containsString("<li>Hằng năm, trước ngày 15/05</li><li>Hằng năm, trước ngày 30/10</li>")))
                .andExpect(content().string(containsString(
                        "aria-required=\"true\">FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=14\nFREQ=YEARLY;BYMONTH=10;BYMONTHDAY=29</textarea>")))
                .andExpect(content().string(not(containsString("chưa đọc lại được"))))
                .andExpect(content().string(containsString("id=\"cancel-measure-form\"")));
        mvc.perform(get("/objectives/" + OBJECTIVE + "/measures/I.6").param("lang", "en").with(signedIn(THUKY)))
                .andExpect(content().string(containsString("<li>Yearly, before 15/05</li><li>Yearly, before 30/10</li>")));
        given(client.command(eq(THUKY), anyString(), any())).willReturn(Map.of("id", "I.6"));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/measures/I.6/revisions").with(signedIn(THUKY)).with(csrf()).param("code", "I.6")
                        .param("title", "Báo cáo 6 tháng").param("lead", "VP").param("monitors", "QMR").param("scheduleText", "Trước 15/5")
                        .param("rules", "14/05/2023").param("revisedOn", "02/03/2023"))
                .andExpect(redirectedUrl(MANAGE))
                .andExpect(flash().attribute("notice", "Đã lưu thay đổi của biện pháp I.6."));
        Map<String, Object> body = sent(THUKY, "/api/objectives/" + OBJECTIVE + "/measures/I.6/revisions");
        assertThat(body.get("revisedOn")).isEqualTo("2023-03-02");
        assertThat(body.get("details")).isEqualTo(Map.of("code", "I.6", "title", "Báo cáo 6 tháng", "leadUnits", List.of("VP"),
                "coordinatingUnits", List.of(), "monitors", List.of("QMR"), "expectedEvidence", List.of(),
                "schedule", Map.of("text", "Trước 15/5", "rules", List.of(Map.of("due", "2023-05-14")))));
    }

    @Test
    void cancellingAMeasureSendsItsReasonAndDayAndAMissingReasonShowsBesideIt() throws Exception {
        given(client.command(eq(THUKY), anyString(), any())).willReturn(Map.of("id", "I.6"));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/measures/I.6/cancellation").with(signedIn(THUKY)).with(csrf())
                        .param("reason", "Gộp vào I.7").param("effectiveOn", "05/10/2023"))
                .andExpect(redirectedUrl(MANAGE))
                .andExpect(flash().attribute("notice", "Đã hủy biện pháp I.6."));
        assertThat(sent(THUKY, "/api/objectives/" + OBJECTIVE + "/measures/I.6/cancellation"))
                .isEqualTo(Map.of("reason", "Gộp vào I.7", "effectiveOn", "2023-10-05"));
        given(client.command(eq(THUKY), anyString(), any())).willThrow(new ServiceProblem(400, "INVALID_REQUEST", "",
                List.of(new FieldProblem("reason", "NotBlank", ""))));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/measures/I.6/cancellation").with(signedIn(THUKY)).with(csrf()).param("effectiveOn", "05/10/2023"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"cancel-reason-error\" class=\"field-error block\">Vui lòng ghi lý do hủy biện pháp.</span>")))
                .andExpect(content().string(containsString("name=\"effectiveOn\" value=\"05/10/2023\"")));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------------

    private static MockMultipartFile file(String text) {
        return new MockMultipartFile("document", "mtcl-loi.json", "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> objective(Map<String, Object> decision, String closedOn) {
        Map<String, Object> objective = new LinkedHashMap<>();
        objective.put("objectiveId", OBJECTIVE);
        objective.put("organisationId", "SLDTBXH-HD");
        objective.put("year", 2023);
        objective.put("code", "MTCL-2023-01");
        objective.put("statement", "Duy trì, cải tiến HTQLCL");
        objective.put("target", null);
        objective.put("decision", decision);
        objective.put("closedOn", closedOn);
        return objective;
    }

    private static Map<String, Object> measure() {
        Map<String, Object> measure = new LinkedHashMap<>();
        measure.put("measureId", "I.6");
        measure.put("parentMeasureId", null);
        measure.put("code", "I.6");
        measure.put("title", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng");
        measure.put("leadUnits", List.of("VP"));
        measure.put("coordinatingUnits", List.of());
        measure.put("monitors", List.of("QMR"));
        measure.put("expectedEvidence", List.of("Báo cáo"));
        measure.put("scheduleText", "Trước 15/5 và trước 30/10");
        measure.put("scheduleRules", List.of(Map.of("rrule", "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=14"),
                Map.of("rrule", "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=29")));
        measure.put("cancelledOn", null);
        return measure;
    }

    private static Map<String, Object> previewMeasure(String code, List<String> dueDates, boolean adHoc, List<Map<String, Object>> subs) {
        Map<String, Object> measure = new LinkedHashMap<>();
        measure.put("path", "objectives[0].measures[0]");
        measure.put("measureId", code);
        measure.put("code", code);
        measure.put("title", "Báo cáo kết quả thực hiện MTCL");
        measure.put("lead", List.of("VP"));
        measure.put("coordinating", List.of("P-KHTC"));
        measure.put("monitors", List.of("QMR"));
        measure.put("evidence", List.of("Báo cáo"));
        measure.put("scheduleText", "Trước 15/5 và trước 30/10");
        measure.put("dueDates", dueDates);
        measure.put("adHoc", adHoc);
        measure.put("status", "NEW");
        measure.put("subMeasures", subs);
        return measure;
    }

    private static Map<String, Object> preview() {
        Map<String, Object> objective = new LinkedHashMap<>();
        objective.put("path", "objectives[0]");
        objective.put("objectiveId", OBJECTIVE);
        objective.put("code", "MTCL-2023-01");
        objective.put("statement", "Giải quyết đúng hạn");
        objective.put("target", Map.of("indicator", "Tỷ lệ hồ sơ giải quyết đúng hạn", "comparator", ">=", "value", new java.math.BigDecimal("95"), "unit", "%"));
        objective.put("status", "RECORDED");
        objective.put("publication", "TO_PUBLISH");
        objective.put("measures", List.of(previewMeasure("I.6", List.of("2023-05-14", "2023-10-29"), false,
                List.of(previewMeasure("I.6.a", List.of(), true, List.of())))));
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("organisationId", "SLDTBXH-HD");
        preview.put("year", 2023);
        preview.put("decision", Map.of("number", "147/QĐ-SLĐTBXH", "date", "2023-02-07"));
        preview.put("objectives", List.of(objective));
        preview.put("commands", 4);
        preview.put("changes", 3);
        return preview;
    }



    private Map<String, Object> sent(SignedInUser user, String path) {
        return SliceTests.sent(client, user, path);
    }
}
