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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponents;
import vn.qualityledger.web.ServiceProblem.FieldProblem;

/**
 * The management review pages (vn.qualityledger.web.managementreview) over a mocked client: the year's reviews and
 * the due banner as query-service answers them, the decisions tracker, who is offered which step in which state (the
 * README's management review matrix: STAFF never plans nor holds), what each form sends, each refusal beside its field
 * in Vietnamese and English, the minutes drafted, issued and checked as results reports are, and a page that stands
 * when the 9.3.2 inputs cannot be read.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, Formats.class, ProblemMessages.class, Reads.class})
@TestPropertySource(properties = "quality-ledger.read-wait=PT0S")
class ManagementReviewPagesControllerTest {

    static final SignedInUser ADMIN = user("admin", "Quản trị", "ADMIN", null);
    static final SignedInUser THUKY = user("thuky", "Nguyễn Thị Thư", "ISO_SECRETARY", "TK-ISO");
    static final SignedInUser QMR = user("qmr", "Trần Văn Quang", "QMR", "QMR");
    static final SignedInUser TRUONGVP = user("truongvp", "Lê Văn Vũ", "UNIT_HEAD", "VP");
    static final SignedInUser NHANVIENVP = user("nhanvienvp", "Phạm Minh Hiếu", "STAFF", "VP");
    static final SignedInUser NHANVIENKHTC = user("nhanvienkhtc", "Hoàng Thị Kim", "STAFF", "P-KHTC");
    static final SignedInUser DANHGIA = user("danhgia", "Đỗ Thị Đào", "AUDITOR", "TO-ISO");
    static final SignedInUser XEM = user("xem", "Người xem", "VIEWER", null);

    static final String REVIEW = "xxld-2023-1";
    static final String PAGE = "/reviews/" + REVIEW;
    static final String LIST = "/organisations/SLDTBXH-HD/reviews";
    static final String TRACKER = "/organisations/SLDTBXH-HD/review-decisions";
    static final String SHA = "d".repeat(64);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QualityLedgerClient client;

    private Map<String, Object> detail = planned();
    private Map<String, Object> due = map("asOf", "2023-12-01", "lastHeldOn", "2023-01-10", "nextDueOn", "2023-07-10",
            "status", "OVERDUE", "reason", "SIX_MONTHS", "auditClosedAfterLastReview", null, "auditClosedOn", null);
    /** What {@code GET /api/reviews/{id}/inputs} answers; null: the endpoint is not there (404). */
    private Map<String, Object> inputs = null;
    private final List<UriComponents> readsAskedFor = new ArrayList<>();

    @BeforeEach
    void answerReads() {
        given(client.read(any(), any())).willAnswer(invocation -> {
            UriComponents asked = SliceTests.asked(invocation);
            readsAskedFor.add(asked);
            String path = asked.getPath();
            switch (path) {
                case "/api/organisations/SLDTBXH-HD/reviews":
                    return map("organisationId", "SLDTBXH-HD", "year", 2023, "due", due, "reviews", List.of(row(), cancelledRow()));
                case "/api/reviews/" + REVIEW:
                    return detail;
                case "/api/reviews/" + REVIEW + "/inputs":
                    if (inputs == null) {
                        throw new ServiceProblem(404, "HTTP_404", "No static resource api/reviews/" + REVIEW + "/inputs.");
                    }
                    return inputs;
                case "/api/reviews/" + REVIEW + "/minutes":
                    return resolvedMinutes();
                case "/api/audits/dgnb-2023-1":
                    return map("auditId", "dgnb-2023-1", "title", "Đánh giá nội bộ đợt 1 năm 2023");
                case "/api/organisations/SLDTBXH-HD/audit-programme":
                    return map("audits", List.of(map("auditId", "dgnb-2023-1", "title", "Đánh giá nội bộ đợt 1 năm 2023")));
                case "/api/organisations/SLDTBXH-HD/units":
                    return map("units", List.of("VP", "P-KHTC", "TK-ISO"));
                default:
                    throw new IllegalStateException("unexpected read " + path);
            }
        });
    }

    // ---- the year's reviews and the due banner -----------------------------------------------------------------------

    @Test
    void theYearsReviewsShowTheirFiguresAsQueryServiceAnswersThemUnderTheOverdueBanner() throws Exception {
        mvc.perform(get(LIST).param("year", "2023").with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Xem xét của lãnh đạo năm 2023 — SLDTBXH-HD")))
                .andExpect(content().string(containsString("data-status=\"OVERDUE\" data-reason=\"SIX_MONTHS\"")))
                .andExpect(content().string(containsString("<strong class=\"due-status\">Quá hạn xem xét</strong>")))
                .andExpect(content().string(containsString("Lần xem xét gần nhất họp ngày 10/01/2023; theo kế hoạch (định kỳ 6 tháng/lần) lần tiếp theo phải họp chậm nhất ngày 10/07/2023.")))
                .andExpect(content().string(containsString("href=\"/reviews/" + REVIEW + "\"")))
                .andExpect(content().string(containsString("<td class=\"trigger\" data-label=\"Hình thức\">Định kỳ</td>")))
                .andExpect(content().string(containsString("Từ 01/01/2023 đến 30/06/2023")))
                .andExpect(content().string(containsString("Đã họp ngày 15/07/2023")))
                .andExpect(content().string(containsString("<span class=\"status\">Đã ban hành biên bản</span>")))
                .andExpect(content().string(containsString("<span class=\"status\">Đã hủy</span>")))
                // 4 decisions: 1 open, 2 overdue, 1 done — the service's counts, shown as given.
                .andExpect(content().string(containsString("<td class=\"num decisions-total\" data-label=\"Quyết định\">4</td>")))
                .andExpect(content().string(containsString("<td class=\"num decisions-open\" data-label=\"Đang thực hiện\">1</td>")))
                .andExpect(content().string(containsString("<td class=\"num decisions-overdue bad\" data-label=\"Quá hạn\">2</td>")))
                .andExpect(content().string(containsString("<td class=\"num decisions-done\" data-label=\"Đã hoàn thành\">1</td>")))
                .andExpect(content().string(containsString("<td class=\"num decisions-overdue\" data-label=\"Quá hạn\">0</td>")))
                .andExpect(content().string(containsString("id=\"nav-management-reviews\"")))
                .andExpect(content().string(not(containsString("id=\"plan-form\""))));
        assertThat(readsAskedFor).anyMatch(r -> r.getPath().equals("/api/organisations/SLDTBXH-HD/reviews")
                && "2023".equals(r.getQueryParams().getFirst("year")) && r.getQueryParams().getFirst("asOf") != null);
        mvc.perform(get(LIST).param("year", "2023").param("lang", "en").with(signedIn(NHANVIENVP)))
                .andExpect(content().string(containsString("A review is overdue")))
                .andExpect(content().string(containsString("The last review was held on 10/01/2023; by the plan (every 6 months) the next was due by 10/07/2023.")))
                .andExpect(content().string(containsString("Minutes issued")));
    }

    @Test
    void aReviewDueAfterAnInternalAuditNamesTheAuditAndOneNeverHeldSaysSo() throws Exception {
        due = map("asOf", "2023-12-01", "lastHeldOn", "2023-07-15", "nextDueOn", "2024-01-15", "status", "DUE",
                "reason", "AFTER_INTERNAL_AUDIT", "auditClosedAfterLastReview", "dgnb-2023-1", "auditClosedOn", "2023-11-20");
        mvc.perform(get(LIST).param("year", "2023").with(signedIn(XEM)))
                .andExpect(content().string(containsString("class=\"message warning\"")))
                .andExpect(content().string(containsString("<strong class=\"due-status\">Đến hạn xem xét</strong>")))
                .andExpect(content().string(containsString("Đợt đánh giá nội bộ „Đánh giá nội bộ đợt 1 năm 2023“ đã kết thúc ngày 20/11/2023, sau lần xem xét gần nhất (15/07/2023): cần xem xét sau hoạt động ĐGNB.")));
        due = map("asOf", "2023-12-01", "lastHeldOn", null, "nextDueOn", null, "status", "DUE", "reason", "NO_REVIEW_HELD",
                "auditClosedAfterLastReview", null, "auditClosedOn", null);
        mvc.perform(get(LIST).param("year", "2023").with(signedIn(XEM)))
                .andExpect(content().string(containsString("Chưa tổ chức cuộc họp xem xét nào.")));
        mvc.perform(get(LIST).param("year", "2023").param("lang", "en").with(signedIn(XEM)))
                .andExpect(content().string(containsString("No management review has been held yet.")));
    }

    @Test
    void planningIsOfferedToTheQmrTheSecretaryAndAdministratorsOfTheOrganisationOnlyNeverToStaff() throws Exception {
        for (SignedInUser organiser : List.of(THUKY, QMR, ADMIN)) {
            mvc.perform(get(LIST).with(signedIn(organiser)))
                    .andExpect(content().string(containsString("id=\"plan-form\"")))
                    // the year's audit rounds offered for a review after an internal audit
                    .andExpect(content().string(containsString("<option value=\"dgnb-2023-1\" label=\"Đánh giá nội bộ đợt 1 năm 2023\">")));
        }
        for (SignedInUser other : List.of(NHANVIENVP, TRUONGVP, DANHGIA, XEM)) {
            mvc.perform(get(LIST).with(signedIn(other))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("id=\"plan-form\""))));
        }
        mvc.perform(get("/reviews").with(signedIn(NHANVIENVP))).andExpect(redirectedUrl(LIST));
        mvc.perform(get("/review-decisions").with(signedIn(NHANVIENVP))).andExpect(redirectedUrl(TRACKER));
    }

    // ---- planning ----------------------------------------------------------------------------------------------------

    @Test
    void planningSendsTheReviewWithItsPeopleOneALineAndGoesToIt() throws Exception {
        given(client.command(eq(THUKY), eq("/api/reviews"), any())).willReturn(Map.of("id", REVIEW));
        mvc.perform(post(LIST).param("year", "2023").with(signedIn(THUKY)).with(csrf()).param("reviewId", REVIEW)
                        .param("title", " Xem xét của lãnh đạo 6 tháng đầu năm 2023 ").param("trigger", "AFTER_INTERNAL_AUDIT")
                        .param("auditId", "dgnb-2023-1").param("periodFrom", "01/01/2023").param("periodTo", "30/06/2023")
                        .param("scheduledOn", "15/7/2023").param("chairName", "Nguyễn Văn An").param("chairTitle", "Giám đốc Sở")
                        .param("participants", "Trần Văn Quang, Phó Giám đốc Sở, QMR\r\n\r\n Nguyễn Thị Thư \n").param("plannedOn", "01/07/2023"))
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("notice", "Đã lập kế hoạch xem xét của lãnh đạo."));
        assertThat(SliceTests.sent(client, THUKY, "/api/reviews")).isEqualTo(map("reviewId", REVIEW, "organisationId", "SLDTBXH-HD",
                "title", "Xem xét của lãnh đạo 6 tháng đầu năm 2023", "trigger", "AFTER_INTERNAL_AUDIT", "auditId", "dgnb-2023-1",
                "periodFrom", "2023-01-01", "periodTo", "2023-06-30", "scheduledOn", "2023-07-15",
                "chair", map("name", "Nguyễn Văn An", "title", "Giám đốc Sở"),
                "participants", List.of(map("name", "Trần Văn Quang", "title", "Phó Giám đốc Sở, QMR"), map("name", "Nguyễn Thị Thư", "title", null)),
                "plannedOn", "2023-07-01"));
    }

    @Test
    void aPeriodicReviewSendsNoAuditEvenWhenOneWasPicked() throws Exception {
        given(client.command(eq(QMR), eq("/api/reviews"), any())).willReturn(Map.of("id", REVIEW));
        mvc.perform(post(LIST).with(signedIn(QMR)).with(csrf()).param("reviewId", REVIEW).param("title", "XXLĐ").param("trigger", "PERIODIC")
                .param("auditId", "dgnb-2023-1").param("periodFrom", "01/01/2023").param("periodTo", "30/06/2023").param("scheduledOn", "15/07/2023")
                .param("chairName", "Nguyễn Văn An").param("participants", "Trần Văn Quang")).andExpect(redirectedUrl(PAGE));
        Map<String, Object> body = SliceTests.sent(client, QMR, "/api/reviews");
        assertThat(body).containsEntry("trigger", "PERIODIC").containsEntry("auditId", null).doesNotContainKey("plannedOn");
    }

    @Test
    void aRefusedPlanShowsEachFailingFieldBesideItInVietnameseAndEnglishKeepingWhatWasTyped() throws Exception {
        given(client.command(eq(THUKY), eq("/api/reviews"), any())).willThrow(new ServiceProblem(422, "SCHEDULED_BEFORE_PERIOD_END",
                "A period is reviewed once it is over", List.of(new FieldProblem("scheduledOn", "SCHEDULED_BEFORE_PERIOD_END", ""))));
        mvc.perform(planForm(THUKY).param("trigger", "PERIODIC").param("scheduledOn", "20/06/2023"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"plan-scheduledOn-error\" class=\"field-error block\">Ngày họp không được trước ngày cuối kỳ xem xét: kỳ được xem xét khi đã kết thúc.</span>")))
                .andExpect(content().string(containsString("value=\"20/06/2023\"")))
                .andExpect(content().string(containsString("name=\"reviewId\" value=\"xxld-form-1\"")))
                .andExpect(content().string(containsString("<details id=\"plan\" open=\"open\">")));
        mvc.perform(planForm(THUKY).param("lang", "en").param("scheduledOn", "20/06/2023"))
                .andExpect(content().string(containsString("<span id=\"plan-scheduledOn-error\" class=\"field-error block\">The meeting cannot be before the period&#39;s last day: a period is reviewed once it is over.</span>")));

        given(client.command(eq(QMR), eq("/api/reviews"), any())).willThrow(new ServiceProblem(400, "VALIDATION_FAILED", "Invalid request",
                List.of(new FieldProblem("chair.name", "NotBlank", "must not be blank"), new FieldProblem("participants[1].name", "NotBlank", ""),
                        new FieldProblem("trigger", "NotNull", ""))));
        mvc.perform(planForm(QMR))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"plan-chairName-error\" class=\"field-error block\">Vui lòng nhập mục này.</span>")))
                .andExpect(content().string(containsString("<span id=\"plan-participants-error\" class=\"field-error block\">Mỗi dòng phải có họ và tên.</span>")))
                .andExpect(content().string(containsString("<span id=\"plan-trigger-error\" class=\"field-error block\">Vui lòng chọn hình thức: định kỳ, sau đánh giá nội bộ hoặc đột xuất.</span>")));

        given(client.command(eq(ADMIN), eq("/api/reviews"), any())).willThrow(new ServiceProblem(422, "AUDIT_REQUIRED",
                "A review after an internal audit names the audit round", List.of(new FieldProblem("auditId", "AUDIT_REQUIRED", ""))));
        mvc.perform(planForm(ADMIN).param("trigger", "AFTER_INTERNAL_AUDIT"))
                .andExpect(content().string(containsString("<span id=\"plan-auditId-error\" class=\"field-error block\">Xem xét sau đánh giá nội bộ phải nêu đợt đánh giá.</span>")))
                .andExpect(content().string(containsString("<option value=\"AFTER_INTERNAL_AUDIT\" selected=\"selected\">Sau đánh giá nội bộ</option>")));
    }

    @Test
    void aPlanDayThatIsNoDateIsMarkedAndNothingIsSentAndAStaffMembersPlanIsRefusedAboveTheForm() throws Exception {
        mvc.perform(planForm(THUKY).param("scheduledOn", "31/06/2023"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"plan-scheduledOn-error\" class=\"field-error block\">Ngày phải ghi theo dạng ngày/tháng/năm")));
        verify(client, never()).command(any(), anyString(), any());

        given(client.command(eq(NHANVIENVP), eq("/api/reviews"), any())).willThrow(new ServiceProblem(403, "REVIEW_ORGANISERS_ONLY",
                "Only the QMR, the ISO secretary or an administrator organises a management review"));
        mvc.perform(planForm(NHANVIENVP))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Chỉ QMR, Thư ký ISO hoặc quản trị hệ thống được chuẩn bị và ghi nhận việc xem xét của lãnh đạo.")));
    }

    @Test
    void withoutItsCsrfTokenNoFormSendsAnything() throws Exception {
        detail = held();
        for (String form : List.of(LIST, PAGE + "/notes", PAGE + "/holding", PAGE + "/decisions", PAGE + "/decisions/qd-1/completion",
                PAGE + "/cancellation", PAGE + "/minutes")) {
            mvc.perform(post(form).with(signedIn(THUKY)).param("title", "x")).andExpect(status().isForbidden());
        }
        verify(client, never()).command(any(), anyString(), any());
    }

    // ---- the review: who is offered which step -----------------------------------------------------------------------

    @Test
    void aPlannedReviewOffersOrganisersNotesHoldingAndCancellingAndStaffNothing() throws Exception {
        mvc.perform(get(PAGE).with(signedIn(THUKY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Xem xét của lãnh đạo 6 tháng đầu năm 2023</h1>")))
                .andExpect(content().string(containsString("<dd id=\"review-period\">Từ 01/01/2023 đến 30/06/2023</dd>")))
                .andExpect(content().string(containsString("<dd id=\"review-chair\">Nguyễn Văn An, Giám đốc Sở</dd>")))
                .andExpect(content().string(containsString("<li>Trần Văn Quang, Phó Giám đốc Sở, QMR</li>")))
                .andExpect(content().string(containsString("<li>Nguyễn Thị Thư</li>")))
                .andExpect(content().string(containsString("id=\"notes-form\"")))
                .andExpect(content().string(containsString("id=\"hold-form\"")))
                .andExpect(content().string(containsString("id=\"cancel-form\"")))
                // the holding form starts from the plan's chair and participants
                .andExpect(content().string(containsString(">Nguyễn Văn An, Giám đốc Sở\nTrần Văn Quang, Phó Giám đốc Sở, QMR\nNguyễn Thị Thư</textarea>")))
                .andExpect(content().string(not(containsString("id=\"decision-form\""))))
                .andExpect(content().string(not(containsString("id=\"minutes-form\""))))
                .andExpect(content().string(not(containsString("id=\"download-draft-minutes\""))));
        mvc.perform(get(PAGE).with(signedIn(QMR))).andExpect(content().string(containsString("id=\"hold-form\"")));
        for (SignedInUser other : List.of(NHANVIENVP, TRUONGVP, DANHGIA, XEM)) {
            mvc.perform(get(PAGE).with(signedIn(other)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("class=\"form review-form"))));
        }
    }

    @Test
    void aHeldReviewOffersDecisionsAndMinutesToOrganisersAndEachDecisionsCompletionToItsOwnerUnit() throws Exception {
        detail = held();
        mvc.perform(get(PAGE).with(signedIn(THUKY)))
                .andExpect(content().string(containsString("<span id=\"review-held-on\">15/07/2023</span>")))
                // 2023-07-15T10:00:00Z is 17:00 in Asia/Ho_Chi_Minh
                .andExpect(content().string(containsString("<dd id=\"review-cut-off\">15/07/2023 17:00</dd>")))
                .andExpect(content().string(containsString("Phù hợp: có; thỏa đáng: có; có hiệu lực: không")))
                .andExpect(content().string(containsString("id=\"decision-form\"")))
                .andExpect(content().string(containsString("<option value=\"P-KHTC\"></option>")))
                .andExpect(content().string(containsString("id=\"minutes-form\"")))
                .andExpect(content().string(containsString("href=\"/reviews/" + REVIEW + "/minutes.docx\"")))
                .andExpect(content().string(containsString("action=\"/reviews/" + REVIEW + "/decisions/qd-1/completion\"")))
                .andExpect(content().string(containsString("action=\"/reviews/" + REVIEW + "/decisions/qd-2/completion\"")))
                .andExpect(content().string(not(containsString("action=\"/reviews/" + REVIEW + "/decisions/qd-3/completion\""))))
                .andExpect(content().string(not(containsString("id=\"hold-form\""))))
                .andExpect(content().string(not(containsString("id=\"notes-form\""))))
                .andExpect(content().string(not(containsString("id=\"cancel-form\""))));
        // The QMR organises, but completes nothing (NOT_YOUR_UNITS_DECISION).
        mvc.perform(get(PAGE).with(signedIn(QMR)))
                .andExpect(content().string(containsString("id=\"decision-form\"")))
                .andExpect(content().string(not(containsString("complete-form"))));
        for (SignedInUser vp : List.of(NHANVIENVP, TRUONGVP)) {
            mvc.perform(get(PAGE).with(signedIn(vp)))
                    .andExpect(content().string(containsString("action=\"/reviews/" + REVIEW + "/decisions/qd-1/completion\"")))
                    .andExpect(content().string(not(containsString("action=\"/reviews/" + REVIEW + "/decisions/qd-2/completion\""))))
                    .andExpect(content().string(not(containsString("id=\"decision-form\""))))
                    .andExpect(content().string(not(containsString("id=\"minutes-form\""))))
                    .andExpect(content().string(not(containsString("id=\"hold-form\""))));
        }
        mvc.perform(get(PAGE).with(signedIn(NHANVIENKHTC)))
                .andExpect(content().string(containsString("action=\"/reviews/" + REVIEW + "/decisions/qd-2/completion\"")))
                .andExpect(content().string(not(containsString("action=\"/reviews/" + REVIEW + "/decisions/qd-1/completion\""))));
        mvc.perform(get(PAGE).with(signedIn(XEM)))
                .andExpect(content().string(containsString("Hoàn thành ngày 01/08/2023, đúng hạn")))
                .andExpect(content().string(containsString("<span class=\"status bad\">Quá hạn</span>")))
                .andExpect(content().string(not(containsString("class=\"form review-form"))));
    }

    @Test
    void aCancelledReviewSaysWhyAndByWhomAndOffersNothingEvenToOrganisers() throws Exception {
        detail.put("status", "CANCELLED");
        detail.put("cancelledOn", "2023-07-10");
        detail.put("cancelReason", "Gộp vào kỳ cuối năm");
        detail.put("cancelledBy", "Trần Văn Quang");
        mvc.perform(get(PAGE).with(signedIn(THUKY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã hủy ngày 10/07/2023: Gộp vào kỳ cuối năm — Trần Văn Quang")))
                .andExpect(content().string(not(containsString("class=\"form review-form"))))
                // a cancelled review has no inputs to read
                .andExpect(content().string(not(containsString("review-inputs"))));
        assertThat(readsAskedFor).noneMatch(r -> r.getPath().endsWith("/inputs"));
    }

    @Test
    void thePageStandsWhenTheInputsCannotBeReadAndSaysWhenTheyCan() throws Exception {
        detail = held();
        mvc.perform(get(PAGE).with(signedIn(XEM)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chưa đọc được các đầu vào do hệ thống tổng hợp; các mục khác của trang vẫn đầy đủ.")))
                .andExpect(content().string(containsString("<span id=\"review-held-on\">15/07/2023</span>")));
        inputs = map("reviewId", REVIEW, "knownAt", "2023-07-15T10:00:00Z", "asOf", "2023-07-15", "provisional", false,
                "previousDecisions", map("total", 5, "open", 1, "overdue", 1, "done", 3, "decisions", List.of()),
                "objectiveSummary", map("objectiveCount", 11, "completionRate", new java.math.BigDecimal("87.50"),
                        "onTimeRate", new java.math.BigDecimal("75.00")),
                "nonconformities", map("raisedInPeriod", 4, "closedInPeriod", 2, "open", 3, "overdue", 1, "overdueActions", 1, "rows", List.of()),
                "monitoring", map("units", List.of(), "auditUnits", 8, "auditedUnits", 6, "auditedRate", new java.math.BigDecimal("75.00")),
                "audits", List.of(map("auditId", "dgnb-2023-1", "title", "Đánh giá nội bộ đợt 1 năm 2023", "closedOn", "2023-06-20")));
        mvc.perform(get(PAGE).with(signedIn(XEM)))
                .andExpect(content().string(containsString("theo số liệu ghi nhận đến 15/07/2023 17:00")))
                .andExpect(content().string(containsString("<dd id=\"inputs-previous-decisions\">5 quyết định: 1 đang thực hiện, 1 quá hạn, 3 đã hoàn thành</dd>")))
                .andExpect(content().string(containsString("<dd id=\"inputs-objectives\">11 mục tiêu; tỷ lệ hoàn thành 87,5 %, tỷ lệ đúng hạn 75 %</dd>")))
                .andExpect(content().string(containsString("<dd id=\"inputs-nonconformities\">Trong kỳ: 4 ghi nhận, 2 đã đóng; hiện còn 3 chưa đóng, 1 có hành động quá hạn</dd>")))
                .andExpect(content().string(containsString("<dd id=\"inputs-audited\">Đã đánh giá 6/8 đơn vị (75 %).</dd>")))
                .andExpect(content().string(containsString("<li>Đánh giá nội bộ đợt 1 năm 2023 (kết thúc ngày 20/06/2023)</li>")))
                .andExpect(content().string(not(containsString("review-inputs-missing"))));
        inputs.put("provisional", true);
        detail = planned();
        mvc.perform(get(PAGE).param("lang", "en").with(signedIn(XEM)))
                .andExpect(content().string(containsString("The meeting has not been held: the inputs are assembled from the figures as they stand")))
                .andExpect(content().string(containsString("<dd id=\"inputs-objectives\">11 objectives; completion rate 87.5 %, on-time rate 75 %</dd>")));
    }

    // ---- the steps ---------------------------------------------------------------------------------------------------

    @Test
    void theNotesAreSentAsTypedAndARefusalShowsAboveTheirForm() throws Exception {
        given(client.command(eq(THUKY), eq("/api/reviews/" + REVIEW + "/notes"), any())).willReturn(Map.of("id", REVIEW));
        mvc.perform(post(PAGE + "/notes").with(signedIn(THUKY)).with(csrf()).param("contextChanges", " Sáp nhập hai phòng ")
                        .param("stakeholderFeedback", "").param("resourceAdequacy", "Thiếu 2 biên chế").param("recordedOn", "10/07/2023"))
                .andExpect(redirectedUrl(PAGE)).andExpect(flash().attribute("notice", "Đã ghi nhận ghi chú."));
        assertThat(SliceTests.sent(client, THUKY, "/api/reviews/" + REVIEW + "/notes")).isEqualTo(map("contextChanges", "Sáp nhập hai phòng",
                "stakeholderFeedback", null, "externalProviders", null, "resourceAdequacy", "Thiếu 2 biên chế", "risksAndOpportunities", null,
                "improvementProposals", null, "other", null, "recordedOn", "2023-07-10"));

        given(client.command(eq(QMR), eq("/api/reviews/" + REVIEW + "/notes"), any())).willThrow(new ServiceProblem(422, "NOTES_REQUIRED",
                "Give the notes to record", List.of(new FieldProblem("notes", "NOTES_REQUIRED", ""))));
        mvc.perform(post(PAGE + "/notes").with(signedIn(QMR)).with(csrf()).param("other", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<p>Vui lòng ghi ít nhất một ghi chú.</p>")));
    }

    @Test
    void holdingSendsTheMeetingWithItsCutOffAtTheEndOfThePastDayTyped() throws Exception {
        given(client.command(eq(THUKY), eq("/api/reviews/" + REVIEW + "/holding"), any())).willReturn(Map.of("id", REVIEW));
        mvc.perform(post(PAGE + "/holding").with(signedIn(THUKY)).with(csrf()).param("heldOn", "15/07/2023").param("cutOffDay", "14/07/2023")
                        .param("attendees", "Nguyễn Văn An, Giám đốc Sở\nTrần Văn Quang").param("minutesSummary", " Đã xem xét các đầu vào ")
                        .param("suitable", "true").param("effective", "true").param("conclusion", "HTQLCL phù hợp và có hiệu lực"))
                .andExpect(redirectedUrl(PAGE)).andExpect(flash().attribute("notice", "Đã ghi nhận cuộc họp."));
        assertThat(SliceTests.sent(client, THUKY, "/api/reviews/" + REVIEW + "/holding")).isEqualTo(map("heldOn", "2023-07-15",
                // the end of 14/07/2023 in Asia/Ho_Chi_Minh
                "cutOff", "2023-07-14T16:59:59.999Z",
                "attendees", List.of(map("name", "Nguyễn Văn An", "title", "Giám đốc Sở"), map("name", "Trần Văn Quang", "title", null)),
                "minutesSummary", "Đã xem xét các đầu vào",
                "conclusion", map("suitable", true, "adequate", false, "effective", true, "statement", "HTQLCL phù hợp và có hiệu lực")));
    }

    @Test
    void aRefusedHoldingShowsTheCutOffAndTheAttendeesBesideTheirFields() throws Exception {
        given(client.command(eq(THUKY), eq("/api/reviews/" + REVIEW + "/holding"), any())).willThrow(new ServiceProblem(422, "CUT_OFF_AFTER_MEETING",
                "after the meeting", List.of(new FieldProblem("cutOff", "CUT_OFF_AFTER_MEETING", ""))));
        mvc.perform(post(PAGE + "/holding").with(signedIn(THUKY)).with(csrf()).param("heldOn", "10/07/2023").param("cutOffDay", "12/07/2023")
                        .param("attendees", "Nguyễn Văn An").param("minutesSummary", "Tóm tắt").param("conclusion", "Kết luận"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"hold-cutOffDay-error\" class=\"field-error block\">Số liệu không được chốt sau ngày họp.</span>")))
                .andExpect(content().string(containsString("value=\"12/07/2023\"")))
                .andExpect(content().string(containsString(">Tóm tắt</textarea>")));
        given(client.command(eq(QMR), eq("/api/reviews/" + REVIEW + "/holding"), any())).willThrow(new ServiceProblem(422, "ATTENDEE_TWICE",
                "named twice", List.of(new FieldProblem("attendees[1]", "ATTENDEE_TWICE", ""))));
        mvc.perform(post(PAGE + "/holding").param("lang", "en").with(signedIn(QMR)).with(csrf()).param("attendees", "An\nan"))
                .andExpect(content().string(containsString("<span id=\"hold-attendees-error\" class=\"field-error block\">Someone is named twice.</span>")));
        mvc.perform(post(PAGE + "/holding").with(signedIn(QMR)).with(csrf()).param("heldOn", "hôm qua"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"hold-heldOn-error\" class=\"field-error block\">Ngày phải ghi theo dạng")));
        // only the attendees' form was sent: the day that is no date was not
        verify(client, org.mockito.Mockito.times(1)).command(eq(QMR), eq("/api/reviews/" + REVIEW + "/holding"), any());
    }

    @Test
    void aDecisionIsSentWithTheFormsIdAndADueDayBeforeTheMeetingIsRefusedBesideIt() throws Exception {
        detail = held();
        given(client.command(eq(THUKY), eq("/api/reviews/" + REVIEW + "/decisions"), any())).willReturn(Map.of("id", "qd-new"));
        mvc.perform(post(PAGE + "/decisions").with(signedIn(THUKY)).with(csrf()).param("decisionId", "qd-new").param("kind", "RESOURCE_NEED")
                        .param("description", "Bổ sung 2 biên chế cho VP").param("ownerUnit", " VP ").param("dueDate", "31/12/2023"))
                .andExpect(redirectedUrl(PAGE)).andExpect(flash().attribute("notice", "Đã ghi nhận quyết định."));
        assertThat(SliceTests.sent(client, THUKY, "/api/reviews/" + REVIEW + "/decisions")).isEqualTo(map("decisionId", "qd-new",
                "kind", "RESOURCE_NEED", "description", "Bổ sung 2 biên chế cho VP", "ownerUnit", "VP", "dueDate", "2023-12-31"));

        given(client.command(eq(QMR), eq("/api/reviews/" + REVIEW + "/decisions"), any())).willThrow(new ServiceProblem(422, "DUE_BEFORE_MEETING",
                "before the review", List.of(new FieldProblem("dueDate", "DUE_BEFORE_MEETING", ""))));
        mvc.perform(post(PAGE + "/decisions").with(signedIn(QMR)).with(csrf()).param("decisionId", "qd-typed").param("kind", "IMPROVEMENT")
                        .param("description", "Cải tiến").param("ownerUnit", "VP").param("dueDate", "01/07/2023"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"decision-dueDate-error\" class=\"field-error block\">Hạn hoàn thành không được trước ngày họp.</span>")))
                .andExpect(content().string(containsString("name=\"decisionId\" value=\"qd-typed\"")))
                .andExpect(content().string(containsString("<option value=\"IMPROVEMENT\" selected=\"selected\">Cơ hội cải tiến</option>")));
        mvc.perform(post(PAGE + "/decisions").param("lang", "en").with(signedIn(QMR)).with(csrf()).param("dueDate", "01/07/2023"))
                .andExpect(content().string(containsString("<span id=\"decision-dueDate-error\" class=\"field-error block\">The due date cannot be before the meeting.</span>")));
    }

    @Test
    void completingSendsTheNoteOrTheDocumentAndARefusalShowsBesideTheNoteOrAboveTheForm() throws Exception {
        detail = held();
        String path = "/api/reviews/" + REVIEW + "/decisions/qd-1/completion";
        given(client.command(eq(NHANVIENVP), eq(path), any())).willReturn(Map.of("id", "qd-1"));
        mvc.perform(post(PAGE + "/decisions/qd-1/completion").with(signedIn(NHANVIENVP)).with(csrf()).param("note", " Đã bổ sung ")
                        .param("number", "").param("date", "").param("issuer", "").param("title", "").param("link", ""))
                .andExpect(redirectedUrl(PAGE)).andExpect(flash().attribute("notice", "Đã ghi nhận quyết định đã thực hiện."));
        assertThat(SliceTests.sent(client, NHANVIENVP, path)).isEqualTo(map("note", "Đã bổ sung"));

        given(client.command(eq(TRUONGVP), eq(path), any())).willReturn(Map.of("id", "qd-1"));
        mvc.perform(post(PAGE + "/decisions/qd-1/completion").with(signedIn(TRUONGVP)).with(csrf()).param("number", "45/QĐ-SLĐTBXH")
                .param("date", "01/08/2023").param("issuer", "Sở LĐTBXH").param("title", "Quyết định bổ sung biên chế").param("completedOn", "02/08/2023"))
                .andExpect(redirectedUrl(PAGE));
        assertThat(SliceTests.sent(client, TRUONGVP, path)).isEqualTo(map("evidence", map("number", "45/QĐ-SLĐTBXH", "date", "2023-08-01",
                "issuer", "Sở LĐTBXH", "title", "Quyết định bổ sung biên chế"), "completedOn", "2023-08-02"));

        given(client.command(eq(THUKY), eq(path), any())).willThrow(new ServiceProblem(422, "NOTE_OR_EVIDENCE_REQUIRED",
                "Say what was done", List.of(new FieldProblem("note", "NOTE_OR_EVIDENCE_REQUIRED", ""))));
        mvc.perform(post(PAGE + "/decisions/qd-1/completion").with(signedIn(THUKY)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"complete-0-note-error\" class=\"field-error block\">Vui lòng ghi kết quả thực hiện hoặc văn bản chứng minh.</span>")));

        given(client.command(eq(NHANVIENKHTC), eq(path), any())).willThrow(new ServiceProblem(403, "NOT_YOUR_UNITS_DECISION",
                "Only unit VP, the ISO secretary or an administrator completes this decision"));
        // Not offered to P-KHTC: the refusal of a form sent from an older page shows above the page.
        mvc.perform(post(PAGE + "/decisions/qd-1/completion").with(signedIn(NHANVIENKHTC)).with(csrf()).param("note", "Xong"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Chỉ đơn vị thực hiện quyết định, Thư ký ISO hoặc quản trị hệ thống được ghi nhận quyết định đã thực hiện.")))
                .andExpect(content().string(containsString("Only unit VP, the ISO secretary or an administrator completes this decision")));
    }

    @Test
    void cancellingSendsTheReasonAndAMissingReasonIsMarkedBesideIt() throws Exception {
        given(client.command(eq(QMR), eq("/api/reviews/" + REVIEW + "/cancellation"), any())).willReturn(Map.of("id", REVIEW));
        mvc.perform(post(PAGE + "/cancellation").with(signedIn(QMR)).with(csrf()).param("reason", "Gộp vào kỳ cuối năm").param("cancelledOn", ""))
                .andExpect(redirectedUrl(PAGE)).andExpect(flash().attribute("notice", "Đã hủy cuộc họp xem xét."));
        assertThat(SliceTests.sent(client, QMR, "/api/reviews/" + REVIEW + "/cancellation")).isEqualTo(map("reason", "Gộp vào kỳ cuối năm"));
        given(client.command(eq(THUKY), eq("/api/reviews/" + REVIEW + "/cancellation"), any())).willThrow(new ServiceProblem(400,
                "VALIDATION_FAILED", "Invalid request", List.of(new FieldProblem("reason", "NotBlank", ""))));
        mvc.perform(post(PAGE + "/cancellation").with(signedIn(THUKY)).with(csrf()).param("reason", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"cancel-reason-error\" class=\"field-error block\">Vui lòng ghi lý do hủy.</span>")));
    }

    // ---- the minutes -------------------------------------------------------------------------------------------------

    @Test
    void issuingTheMinutesSendsQueryServicesResolvedParametersAndHashOnly() throws Exception {
        detail = held();
        given(client.command(eq(THUKY), eq("/api/reviews/" + REVIEW + "/minutes"), any())).willReturn(Map.of("id", REVIEW));
        mvc.perform(post(PAGE + "/minutes").with(signedIn(THUKY)).with(csrf()).param("number", "12/BB-SLĐTBXH")
                        .param("signerAuthority", "").param("signerName", "Nguyễn Văn An"))
                .andExpect(redirectedUrl(PAGE)).andExpect(flash().attribute("notice", "Đã ban hành biên bản."));
        UriComponents read = readsAskedFor.stream().filter(r -> r.getPath().endsWith("/minutes")).findFirst().orElseThrow();
        assertThat(decodedQuery(read)).containsEntry("number", "12/BB-SLĐTBXH").containsEntry("signerName", "Nguyễn Văn An")
                .doesNotContainKey("signerAuthority").doesNotContainKey("signerTitle");
        Map<String, Object> expected = new LinkedHashMap<>(resolvedMinutes());
        expected.remove("reviewId"); // what the read adds beyond the command's fields is not sent (command-service refuses unknown fields)
        expected.remove("cutOff");
        assertThat(SliceTests.sent(client, THUKY, "/api/reviews/" + REVIEW + "/minutes")).isEqualTo(expected);
    }

    @Test
    void aMinutesParameterRefusedByQueryServiceShowsBesideItsField() throws Exception {
        detail = held();
        org.mockito.BDDMockito.willAnswer(invocation -> {
            UriComponents asked = SliceTests.asked(invocation);
            if (asked.getPath().endsWith("/minutes")) {
                throw new ServiceProblem(400, "INVALID_PARAMETER", "Invalid parameter: number: size must be between 0 and 100",
                        List.of(new FieldProblem("number", "", "size must be between 0 and 100")));
            }
            if (asked.getPath().endsWith("/inputs")) {
                throw new ServiceProblem(404, "HTTP_404", "");
            }
            return asked.getPath().endsWith("/units") ? map("units", List.of()) : detail;
        }).given(client).read(eq(QMR), any());
        mvc.perform(post(PAGE + "/minutes").with(signedIn(QMR)).with(csrf()).param("number", "x".repeat(101)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"minutes-number-error\" class=\"field-error block\">Giá trị không hợp lệ (size must be between 0 and 100).</span>")));
        verify(client, never()).command(any(), anyString(), any());
    }

    @Test
    void issuedMinutesAreDownloadedAsQueryServiceServesThemAndAnUploadedFileIsChecked() throws Exception {
        detail = held();
        detail.put("status", "MINUTES_ISSUED");
        detail.put("minutesNumber", "12/BB-SLĐTBXH");
        detail.put("minutesDocxSha256", SHA);
        detail.put("minutesIssuedOn", "2023-07-20");
        detail.put("minutesIssuedBy", "Nguyễn Thị Thư");
        mvc.perform(get(PAGE).with(signedIn(XEM)))
                .andExpect(content().string(containsString("Biên bản số 12/BB-SLĐTBXH, ban hành ngày 20/07/2023 — Nguyễn Thị Thư")))
                .andExpect(content().string(containsString("href=\"/reviews/" + REVIEW + "/minutes/issued.docx\"")))
                .andExpect(content().string(containsString("SHA-256: " + SHA)))
                .andExpect(content().string(containsString("id=\"verify-form\"")))
                // no decision after the minutes (MINUTES_ALREADY_ISSUED), no second issue
                .andExpect(content().string(not(containsString("id=\"minutes-form\""))));
        mvc.perform(get(PAGE).with(signedIn(THUKY))).andExpect(content().string(not(containsString("id=\"decision-form\""))));

        byte[] docx = {80, 75, 3, 4, 7};
        given(client.readFile(eq(XEM), any())).willAnswer(invocation -> {
            assertThat(SliceTests.asked(invocation).getPath()).isEqualTo("/api/reviews/" + REVIEW + "/minutes/issued.docx");
            return new QualityLedgerClient.ServiceFile(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "attachment; filename=\"bien-ban.docx\"", SHA);
        });
        mvc.perform(get(PAGE + "/minutes/issued.docx").with(signedIn(XEM)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"bien-ban.docx\""))
                .andExpect(content().bytes(docx));

        given(client.sendFile(XEM, "/api/reviews/" + REVIEW + "/minutes/verification", docx)).willReturn(map("reviewId", REVIEW,
                "verified", true, "uploadedSha256", SHA));
        mvc.perform(multipart(PAGE + "/minutes/verification").file(new MockMultipartFile("file", "bien-ban.docx", "application/octet-stream", docx))
                        .with(signedIn(XEM)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tệp bien-ban.docx đúng là biên bản số 12/BB-SLĐTBXH đã ban hành.")));
        given(client.sendFile(XEM, "/api/reviews/" + REVIEW + "/minutes/verification", new byte[] {9})).willReturn(map("verified", false,
                "uploadedSha256", "e".repeat(64)));
        mvc.perform(multipart(PAGE + "/minutes/verification").file(new MockMultipartFile("file", "sua.docx", "application/octet-stream", new byte[] {9}))
                        .with(signedIn(XEM)).with(csrf()))
                .andExpect(content().string(containsString("Tệp sua.docx KHÔNG phải là biên bản số 12/BB-SLĐTBXH đã ban hành")))
                .andExpect(content().string(containsString("SHA-256 của tệp: " + "e".repeat(64) + ". Đã ghi nhận khi ban hành: " + SHA + ".")));
        mvc.perform(multipart(PAGE + "/minutes/verification").with(signedIn(XEM)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Vui lòng chọn tệp cần kiểm tra.")));
    }

    @Test
    void theDraftMinutesArePassedOnFromQueryService() throws Exception {
        byte[] docx = {80, 75, 3, 4, 1};
        given(client.readFile(eq(THUKY), any())).willAnswer(invocation -> {
            assertThat(SliceTests.asked(invocation).getPath()).isEqualTo("/api/reviews/" + REVIEW + "/minutes.docx");
            return new QualityLedgerClient.ServiceFile(docx, "application/octet-stream", "attachment; filename=\"du-thao.docx\"", SHA);
        });
        mvc.perform(get(PAGE + "/minutes.docx").with(signedIn(THUKY)))
                .andExpect(status().isOk()).andExpect(header().string("Report-SHA-256", SHA)).andExpect(content().bytes(docx));
    }

    // ---- the decisions tracker ---------------------------------------------------------------------------------------

    @Test
    void theTrackerListsTheDecisionsOfTheStatusAskedForAsQueryServiceAnswers() throws Exception {
        List<UriComponents> asked = new ArrayList<>();
        org.mockito.BDDMockito.willAnswer(invocation -> {
            asked.add(SliceTests.asked(invocation));
            return List.of(decision("qd-2", "P-KHTC", "2023-09-30", "OVERDUE", null, null),
                    decision("qd-3", "VP", "2023-10-31", "DONE", "2023-11-02", false));
        }).given(client).readList(eq(NHANVIENVP), any());
        mvc.perform(get(TRACKER).param("status", "OVERDUE").with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Quyết định của lãnh đạo</h1>")))
                .andExpect(content().string(containsString("<option value=\"OVERDUE\" selected=\"selected\">Quá hạn</option>")))
                .andExpect(content().string(containsString("data-decision=\"qd-2\" data-status=\"OVERDUE\" class=\"is-overdue\"")))
                .andExpect(content().string(containsString("<td class=\"nowrap due-date\" data-label=\"Hạn hoàn thành\">30/09/2023</td>")))
                .andExpect(content().string(containsString("<td class=\"kind\" data-label=\"Loại\">Nhu cầu nguồn lực</td>")))
                .andExpect(content().string(containsString("<td class=\"owner-unit\" data-label=\"Đơn vị thực hiện\">P-KHTC</td>")))
                .andExpect(content().string(containsString("Hoàn thành ngày 02/11/2023, trễ hạn")))
                // both decisions are of one review: named by its title, read once
                .andExpect(content().string(containsString("href=\"/reviews/" + REVIEW + "\">Xem xét của lãnh đạo 6 tháng đầu năm 2023</a>")));
        assertThat(readsAskedFor).filteredOn(r -> r.getPath().equals("/api/reviews/" + REVIEW)).hasSize(1);
        assertThat(asked).singleElement().satisfies(a -> {
            assertThat(a.getPath()).isEqualTo("/api/organisations/SLDTBXH-HD/review-decisions");
            assertThat(a.getQueryParams().getFirst("status")).isEqualTo("OVERDUE");
            assertThat(a.getQueryParams().getFirst("asOf")).isNotNull();
        });
        mvc.perform(get(TRACKER).param("status", "EVERYTHING").param("lang", "en").with(signedIn(NHANVIENVP)))
                .andExpect(content().string(containsString("Done on 02/11/2023, late")))
                .andExpect(content().string(containsString("<option value=\"\">All</option>")));
        assertThat(asked.get(1).getQueryParams()).doesNotContainKey("status");
    }

    // ---- fixtures ----------------------------------------------------------------------------------------------------

    /** The plan form as typed; a test adds (or overrides) the field it is about. */
    private static MockHttpServletRequestBuilder planForm(SignedInUser user) {
        return post(LIST).with(signedIn(user)).with(csrf()).param("reviewId", "xxld-form-1").param("title", "XXLĐ 6 tháng")
                .param("periodFrom", "01/01/2023").param("periodTo", "30/06/2023")
                .param("chairName", "Nguyễn Văn An").param("participants", "Trần Văn Quang");
    }

    private static Map<String, Object> planned() {
        return map("id", REVIEW, "organisationId", "SLDTBXH-HD", "title", "Xem xét của lãnh đạo 6 tháng đầu năm 2023", "trigger", "PERIODIC",
                "auditId", null, "periodFrom", "2023-01-01", "periodTo", "2023-06-30", "scheduledOn", "2023-07-15", "status", "PLANNED",
                "chair", map("name", "Nguyễn Văn An", "title", "Giám đốc Sở"),
                "participants", List.of(map("name", "Trần Văn Quang", "title", "Phó Giám đốc Sở, QMR"), map("name", "Nguyễn Thị Thư", "title", null)),
                "plannedOn", "2023-07-01", "plannedBy", "Nguyễn Thị Thư",
                "notes", map("contextChanges", null, "stakeholderFeedback", null, "externalProviders", null, "resourceAdequacy", null,
                        "risksAndOpportunities", null, "improvementProposals", null, "other", null, "recordedOn", null, "recordedBy", null),
                "heldOn", null, "cutOff", null, "attendees", List.of(), "minutesSummary", null, "qmsSuitable", null, "qmsAdequate", null,
                "qmsEffective", null, "conclusion", null, "heldBy", null, "minutesNumber", null, "minutesDocxSha256", null,
                "minutesIssuedOn", null, "minutesIssuedBy", null, "cancelledOn", null, "cancelReason", null, "cancelledBy", null,
                "decisions", List.of());
    }

    private static Map<String, Object> held() {
        Map<String, Object> held = planned();
        held.put("status", "HELD");
        held.put("heldOn", "2023-07-15");
        held.put("cutOff", "2023-07-15T10:00:00Z");
        held.put("attendees", List.of(map("name", "Nguyễn Văn An", "title", "Giám đốc Sở"), map("name", "Trần Văn Quang", "title", null)));
        held.put("minutesSummary", "Đã xem xét các đầu vào");
        held.put("qmsSuitable", true);
        held.put("qmsAdequate", true);
        held.put("qmsEffective", false);
        held.put("conclusion", "HTQLCL cần cải tiến");
        held.put("heldBy", "Nguyễn Thị Thư");
        held.put("decisions", List.of(decision("qd-1", "VP", "2023-12-31", "OPEN", null, null),
                decision("qd-2", "P-KHTC", "2023-09-30", "OVERDUE", null, null),
                decision("qd-3", "VP", "2023-10-31", "DONE", "2023-08-01", true)));
        return held;
    }

    private static Map<String, Object> decision(String id, String ownerUnit, String dueDate, String status, String completedOn, Boolean onTime) {
        return map("reviewId", REVIEW, "decisionId", id, "kind", "RESOURCE_NEED", "description", "Bổ sung biên chế (" + id + ")",
                "ownerUnit", ownerUnit, "dueDate", dueDate, "recordedOn", "2023-07-15", "recordedBy", "Nguyễn Thị Thư", "status", status,
                "completedOn", completedOn, "completedOnTime", onTime, "completedBy", completedOn == null ? null : "Phạm Minh Hiếu",
                "evidenceNumber", null, "evidenceTitle", null, "completionNote", completedOn == null ? null : "Đã bổ sung");
    }

    private static Map<String, Object> row() {
        return map("id", REVIEW, "title", "Xem xét của lãnh đạo 6 tháng đầu năm 2023", "trigger", "PERIODIC", "auditId", null,
                "periodFrom", "2023-01-01", "periodTo", "2023-06-30", "scheduledOn", "2023-07-15", "status", "MINUTES_ISSUED",
                "heldOn", "2023-07-15", "decisions", 4, "decisionsOpen", 1, "decisionsOverdue", 2, "decisionsDone", 1);
    }

    private static Map<String, Object> cancelledRow() {
        return map("id", "xxld-2023-2", "title", "Xem xét đột xuất", "trigger", "EXTRAORDINARY", "auditId", null,
                "periodFrom", "2023-07-01", "periodTo", "2023-09-30", "scheduledOn", "2023-10-05", "status", "CANCELLED",
                "heldOn", null, "decisions", 0, "decisionsOpen", 0, "decisionsOverdue", 0, "decisionsDone", 0);
    }

    private static Map<String, Object> resolvedMinutes() {
        Map<String, Object> minutes = new LinkedHashMap<>();
        minutes.put("reviewId", REVIEW);
        minutes.put("number", "12/BB-SLĐTBXH");
        minutes.put("organisationName", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI");
        minutes.put("parentName", "UBND TỈNH HẢI DƯƠNG");
        minutes.put("place", "Hải Dương");
        minutes.put("signerAuthority", "");
        minutes.put("signerTitle", "GIÁM ĐỐC");
        minutes.put("signerName", "Nguyễn Văn An");
        minutes.put("recipients", List.of("Các phòng, đơn vị;", "Lưu: VT."));
        minutes.put("docxSha256", SHA);
        minutes.put("generator", "quality-ledger review minutes 1; Apache POI 5");
        minutes.put("checkpointTreeSize", 1234); // the checkpoint the draft printed: the issue records it
        minutes.put("cutOff", "2023-07-15T10:00:00Z");
        return minutes;
    }

    private static Map<String, String> decodedQuery(UriComponents asked) {
        Map<String, String> query = new LinkedHashMap<>();
        asked.getQueryParams().toSingleValueMap().forEach((name, value) -> query.put(name, java.net.URLDecoder.decode(value, StandardCharsets.UTF_8)));
        return query;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
