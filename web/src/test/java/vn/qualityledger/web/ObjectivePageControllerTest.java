package vn.qualityledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.qualityledger.web.SliceTests.signedIn;
import static vn.qualityledger.web.SliceTests.user;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponents;
import vn.qualityledger.web.ServiceProblem.FieldProblem;

/**
 * The objective's page: its plan table says each measure's schedule rules in words; and "Kết quả đo chỉ số": the measurements recorded, in Vietnamese and English formats, and the
 * form "Ghi nhận kết quả đo" ({@code RecordMeasurement}) — offered only to the planners of the objective's organisation,
 * on an objective with a target and still open, as recorded now; what it sends; each refusal beside its field.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, Formats.class, ProblemMessages.class, Reads.class})
@TestPropertySource(properties = "quality-ledger.read-wait=PT0S")
class ObjectivePageControllerTest {

    static final SignedInUser THUKY = user("thuky", "Nguyễn Thị Thư", "ISO_SECRETARY", "TK-ISO");
    static final SignedInUser QMR = user("qmr", "Trần Văn Quang", "QMR", "QMR");
    static final SignedInUser NHANVIENVP = user("nhanvienvp", "Phạm Minh Hiếu", "STAFF", "VP");
    static final SignedInUser TRUONGVP = user("truongvp", "Lê Thị Vân", "UNIT_HEAD", "VP");
    static final SignedInUser DANHGIA = user("danhgia", "Đỗ Thị Đào", "AUDITOR", "TO-ISO");
    static final SignedInUser OTHER_SECRETARY = new SignedInUser("thukysyt", "qlt_syt", "thukysyt", "Thư ký Sở Y tế",
            List.of("ISO_SECRETARY"), "SYT-HD", "TK-ISO");

    static final String OBJECTIVE = "SLDTBXH-HD.MTCL-2023-02";
    static final String PAGE = "/objectives/" + OBJECTIVE;
    static final String COMMAND = "/api/objectives/" + OBJECTIVE + "/measurements";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QualityLedgerClient client;

    private final Map<String, Object> objective = new HashMap<>();
    /** The organisation's directory as {@code GET /api/organisations/{org}/units} answers it. */
    private final List<Map<String, Object>> directory = new java.util.ArrayList<>();

    @BeforeEach
    void answerReads() {
        objective.put("objectiveId", OBJECTIVE);
        objective.put("organisationId", "SLDTBXH-HD");
        objective.put("year", 2023);
        objective.put("code", "MTCL-2023-02");
        objective.put("statement", "Tỷ lệ hồ sơ giải quyết đúng hạn");
        objective.put("kpiStatus", "ON_TRACK");
        objective.put("target", Map.of("indicator", "Tỷ lệ hồ sơ đúng hạn", "comparator", "AT_LEAST", "value", new BigDecimal("95"), "unit", "%"));
        objective.put("decision", null);
        objective.put("closedOn", null);
        objective.put("latestMeasurement", Map.of("value", new BigDecimal("96.9600")));
        objective.put("occurrences", Map.of("total", 0, "due", 0, "onTime", 0, "late", 0, "overdue", 0, "upcoming", 0));
        objective.put("completionRate", null);
        objective.put("onTimeRate", null);
        Map<String, Object> q2 = new HashMap<>();
        q2.put("measurementId", "q2");
        q2.put("periodFrom", "2023-04-01");
        q2.put("periodTo", "2023-06-30");
        q2.put("numerator", new BigDecimal("1212"));
        q2.put("denominator", new BigDecimal("1250"));
        q2.put("value", new BigDecimal("96.9600"));
        q2.put("source", "Thống kê của Bộ phận Một cửa");
        q2.put("recordedOn", "2023-07-02");
        given(client.read(any(), any())).willAnswer(invocation -> {
            String path = SliceTests.asked(invocation).getPath();
            if (path.endsWith("/dashboard")) {
                return objective;
            }
            if (path.equals("/api/organisations/SLDTBXH-HD/units")) {
                return Map.of("organisationId", "SLDTBXH-HD", "units", List.of("VP"), "directory", directory);
            }
            if (path.endsWith("/plan") || path.endsWith("/state")) {
                Map<String, Object> measure = new HashMap<>();
                measure.put("measureId", "II.2");
                measure.put("code", "II.2");
                measure.put("title", "Chương trình công tác");
                measure.put("parentMeasureId", null);
                measure.put("leadUnits", List.of("VP"));
                measure.put("coordinatingUnits", List.of());
                measure.put("monitors", List.of("QMR"));
                measure.put("expectedEvidence", List.of());
                measure.put("assignedUnit", null);
                measure.put("cancelledOn", null);
                measure.put("scheduleText", "Chương trình năm (Tháng 01/2023); Chương trình tháng (trước ngày 10 hàng tháng)");
                measure.put("scheduleRules", List.of(Map.of("window", List.of("2023-01-01", "2023-01-31"), "due", "2023-01-31"),
                        Map.of("rrule", "FREQ=MONTHLY;BYMONTHDAY=9")));
                return Map.of("measures", List.of(measure), "occurrences", List.of(), "measurements", List.of(q2));
            }
            if (path.equals("/api/occurrences")) {
                UriComponents asked = SliceTests.asked(invocation);
                occurrencePagesAsked.add(asked.getQueryParams().getFirst("page") + "/" + asked.getQueryParams().getFirst("size"));
                return occurrencePage;
            }
            return Map.of("content", List.of(), "points", List.of());
        });
    }

    private final List<String> occurrencePagesAsked = new java.util.ArrayList<>();
    private Map<String, Object> occurrencePage = Map.of("content", List.of(), "page", 0, "totalPages", 0, "totalElements", 0);

    @Test
    void theOccurrenceTableShowsOnePageOfAHundredWithLinksToTheOthersKeepingTheDate() throws Exception {
        Map<String, Object> row = new HashMap<>();
        row.put("objectiveId", OBJECTIVE);
        row.put("occurrenceId", "II.2@2023-05-09");
        row.put("measureCode", "II.2");
        row.put("measureTitle", "Chương trình công tác tháng 5");
        row.put("dueDate", "2023-05-09");
        row.put("unit", "VP");
        row.put("person", null);
        row.put("status", "DONE_ON_TIME");
        row.put("completedOn", "2023-05-08");
        row.put("evidenceAwaitingReview", 0);
        occurrencePage = Map.of("content", List.of(row), "page", 1, "totalPages", 4, "totalElements", 360);

        mvc.perform(get(PAGE).param("asOf", "30/06/2023").param("occurrencePage", "1").with(signedIn(DANHGIA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-occurrence=\"II.2@2023-05-09\"")))
                .andExpect(content().string(containsString("Trang 2/4 (360 lần thực hiện)")))
                .andExpect(content().string(containsString("asOf=2023-06-30&amp;knownOn=&amp;occurrencePage=0")))
                .andExpect(content().string(containsString("asOf=2023-06-30&amp;knownOn=&amp;occurrencePage=2")));
        assertThat(occurrencePagesAsked).containsExactly("1/" + ObjectiveController.OCCURRENCE_PAGE_SIZE);
    }

    @Test
    void aSinglePageOfOccurrencesHasNoPager() throws Exception {
        mvc.perform(get(PAGE).with(signedIn(DANHGIA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chưa có lần thực hiện nào.")))
                .andExpect(content().string(not(containsString("occurrencePage="))));
        assertThat(occurrencePagesAsked).containsExactly("0/" + ObjectiveController.OCCURRENCE_PAGE_SIZE);
    }

    @Test
    void listsTheMeasurementsRecordedInVietnameseAndEnglish() throws Exception {
        mvc.perform(get(PAGE).with(signedIn(DANHGIA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-measurement=\"q2\"")))
                .andExpect(content().string(containsString("01/04/2023 – 30/06/2023")))
                .andExpect(content().string(containsString("96,96 %")))
                .andExpect(content().string(containsString("1.212 / 1.250")))
                .andExpect(content().string(containsString("Thống kê của Bộ phận Một cửa")))
                .andExpect(content().string(containsString("02/07/2023")));
        mvc.perform(get(PAGE).param("lang", "en").with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("Measurements of the indicator")))
                .andExpect(content().string(containsString("1,212 / 1,250")));
    }

    @Test
    void thePlanTableSaysEachMeasuresScheduleRulesInWordsBesideThePlansOwnText() throws Exception {
        mvc.perform(get(PAGE).with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("Chương trình tháng (trước ngày 10 hàng tháng)")))
                .andExpect(content().string(containsString("<li>Trong tháng 01/2023</li><li>Hằng tháng, trước ngày 10</li>")));
        mvc.perform(get(PAGE).param("lang", "en").with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("<li>During 01/2023</li><li>Monthly, before day 10</li>")));
    }

    @Test
    void thePlanTableShowsEachUnitByTheNameItsOrganisationsDirectoryRecordsWithTheCodeAsItsTitle() throws Exception {
        directory.add(Map.of("code", "VP", "name", "Văn phòng Sở", "kind", "OFFICE"));
        mvc.perform(get(PAGE).with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("title=\"VP\">Văn phòng Sở</span>")));
    }

    @Test
    void thePlanTableShowsTheCodeOfAUnitWithoutARecordedName() throws Exception {
        mvc.perform(get(PAGE).with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("title=\"VP\">VP</span>")));
    }

    @Test
    void offersTheFormOnlyToThePlannersOfTheOrganisationOnAnOpenObjectiveWithATarget() throws Exception {
        for (SignedInUser planner : List.of(THUKY, QMR)) {
            mvc.perform(get(PAGE).with(signedIn(planner))).andExpect(content().string(containsString("id=\"measurement-form\"")));
        }
        for (SignedInUser other : List.of(NHANVIENVP, TRUONGVP, DANHGIA, OTHER_SECRETARY)) {
            mvc.perform(get(PAGE).with(signedIn(other))).andExpect(content().string(not(containsString("id=\"measurement-form\""))));
        }
        // As recorded by a past day: a view of the past, never a form.
        mvc.perform(get(PAGE).param("knownOn", "30/06/2023").with(signedIn(THUKY)))
                .andExpect(content().string(not(containsString("id=\"measurement-form\""))));
        objective.put("closedOn", "2023-12-31");
        mvc.perform(get(PAGE).with(signedIn(THUKY))).andExpect(content().string(not(containsString("id=\"measurement-form\""))));
        objective.put("closedOn", null);
        objective.put("target", null);
        mvc.perform(get(PAGE).with(signedIn(THUKY))).andExpect(content().string(not(containsString("id=\"measurement-form\""))));
    }

    @Test
    void sendsTheMeasurementAsTypedInVietnamese() throws Exception {
        mvc.perform(post(PAGE + "/measurements").with(signedIn(THUKY)).with(csrf()).param("measurementId", "measurement-form-1")
                        .param("periodFrom", "1/7/2023").param("periodTo", "30/09/2023").param("numerator", "1.240")
                        .param("denominator", "1.250").param("value", "").param("source", " Thống kê quý III ")
                        .param("recordedOn", "02/10/2023"))
                .andExpect(redirectedUrl(PAGE + "#measurements"))
                .andExpect(flash().attribute("notice", "Đã ghi nhận kết quả đo."));
        Map<String, Object> body = SliceTests.sent(client, THUKY, COMMAND);
        assertThat(body).containsEntry("measurementId", "measurement-form-1")
                .containsEntry("period", Map.of("from", "2023-07-01", "to", "2023-09-30"))
                .containsEntry("numerator", new BigDecimal("1240")).containsEntry("denominator", new BigDecimal("1250"))
                .containsEntry("value", null).containsEntry("source", "Thống kê quý III").containsEntry("recordedOn", "2023-10-02");
    }

    @Test
    void sendsAValueWithADecimalComma() throws Exception {
        mvc.perform(post(PAGE + "/measurements").with(signedIn(QMR)).with(csrf()).param("measurementId", "measurement-form-2")
                        .param("periodFrom", "01/01/2023").param("periodTo", "31/03/2023").param("value", "96,5")
                        .param("source", "Phiếu khảo sát"))
                .andExpect(status().is3xxRedirection());
        Map<String, Object> body = SliceTests.sent(client, QMR, COMMAND);
        assertThat(body).containsEntry("value", new BigDecimal("96.5")).containsEntry("numerator", null).doesNotContainKey("recordedOn");
    }

    @Test
    void marksADayOrANumberThatIsNoneBesideItsFieldAndSendsNothing() throws Exception {
        mvc.perform(post(PAGE + "/measurements").with(signedIn(THUKY)).with(csrf()).param("periodFrom", "31/02/2023")
                        .param("periodTo", "30/06/2023").param("value", "chín mươi").param("source", "Phiếu"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"measurement-from-error\"")))
                .andExpect(content().string(containsString("Ngày phải ghi theo dạng ngày/tháng/năm")))
                .andExpect(content().string(containsString("id=\"measurement-value-error\"")))
                .andExpect(content().string(containsString("Không phải là số.")))
                // What was typed stays in the form.
                .andExpect(content().string(containsString("value=\"chín mươi\"")));
        verify(client, never()).command(any(), anyString(), any());
    }

    @Test
    void showsEachRefusalOfTheServiceBesideItsFieldInVietnameseAndEnglish() throws Exception {
        willThrow(new ServiceProblem(422, "PERIOD_OUTSIDE_YEAR",
                "A measurement's period lies in the objective's year 2023", List.of(new FieldProblem("period", "PERIOD_OUTSIDE_YEAR", "")))).given(client).command(any(), anyString(), any());
        mvc.perform(post(PAGE + "/measurements").with(signedIn(THUKY)).with(csrf()).param("periodFrom", "01/12/2022")
                        .param("periodTo", "31/03/2023").param("value", "90").param("source", "Phiếu"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"measurement-from-error\"")))
                .andExpect(content().string(containsString("Kỳ đo phải nằm trong năm của mục tiêu.")))
                .andExpect(content().string(containsString("value=\"01/12/2022\"")));
        mvc.perform(post(PAGE + "/measurements").param("lang", "en").with(signedIn(THUKY)).with(csrf()).param("periodFrom", "01/12/2022")
                        .param("periodTo", "31/03/2023").param("value", "90").param("source", "Phiếu"))
                .andExpect(content().string(containsString("The period must lie within the objective&#39;s year.")));

        willThrow(new ServiceProblem(400, "INVALID_REQUEST", "",
                List.of(new FieldProblem("source", "NotBlank", "must not be blank"), new FieldProblem("period.to", "NotNull", "")))).given(client).command(any(), anyString(), any());
        mvc.perform(post(PAGE + "/measurements").with(signedIn(THUKY)).with(csrf()).param("periodFrom", "01/01/2023").param("value", "90"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Vui lòng ghi nguồn số liệu.")))
                .andExpect(content().string(containsString("Vui lòng ghi ngày cuối kỳ đo (ngày/tháng/năm).")));

        willThrow(new ServiceProblem(422, "MEASUREMENT_RATIO_INVALID",
                "A ratio's numerator cannot exceed its denominator", List.of(new FieldProblem("numerator", "MEASUREMENT_RATIO_INVALID", "")))).given(client).command(any(), anyString(), any());
        mvc.perform(post(PAGE + "/measurements").with(signedIn(THUKY)).with(csrf()).param("periodFrom", "01/01/2023")
                        .param("periodTo", "31/03/2023").param("numerator", "1300").param("denominator", "1250").param("source", "Phiếu"))
                .andExpect(content().string(containsString("id=\"measurement-numerator-error\"")))
                .andExpect(content().string(containsString("Tổng số phải lớn hơn 0 và số đạt không vượt quá tổng số.")));
    }

    @Test
    void showsARefusalThatNamesNoFieldAboveTheForm() throws Exception {
        willThrow(new ServiceProblem(403, "PLANNERS_ONLY",
                "Only the ISO secretary, the QMR or an administrator may change the plan")).given(client).command(any(), anyString(), any());
        mvc.perform(post(PAGE + "/measurements").with(signedIn(THUKY)).with(csrf()).param("periodFrom", "01/01/2023")
                        .param("periodTo", "31/03/2023").param("value", "90").param("source", "Phiếu"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Chỉ Thư ký ISO, QMR hoặc quản trị hệ thống được thay đổi kế hoạch.")))
                .andExpect(content().string(containsString("Only the ISO secretary, the QMR or an administrator may change the plan")));
    }

    @Test
    void needsTheCsrfTokenAndAValidSession() throws Exception {
        mvc.perform(post(PAGE + "/measurements").with(signedIn(THUKY)).param("value", "90")).andExpect(status().isForbidden());
        verify(client, never()).command(any(), anyString(), any());
        willThrow(new ServiceProblem(401, "INVALID_TOKEN", "revoked")).given(client).command(any(), anyString(), any());
        mvc.perform(post(PAGE + "/measurements").with(signedIn(THUKY)).with(csrf()).param("periodFrom", "01/01/2023")
                        .param("periodTo", "31/03/2023").param("value", "90").param("source", "Phiếu"))
                .andExpect(redirectedUrl("/login?expired"));
    }
}
