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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.qualityledger.web.SliceTests.signedIn;
import static vn.qualityledger.web.SliceTests.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponents;
import vn.qualityledger.web.ServiceProblem.FieldProblem;

/**
 * The internal audit pages (vn.qualityledger.web.audit) over a mocked client: the year's programme, a round read from
 * its event stream, who is offered which step in which state (the README's audit matrix), what each step's form sends,
 * each refusal beside its field in Vietnamese and English, and that no step works without its CSRF token.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, Formats.class, ProblemMessages.class, Reads.class})
@TestPropertySource(properties = "quality-ledger.read-wait=PT0S")
class AuditFormsControllerTest {

    static final SignedInUser THUKY = user("thuky", "Nguyễn Thị Thư", "ISO_SECRETARY", "TK-ISO");
    static final SignedInUser QMR = user("qmr", "Trần Văn Quang", "QMR", "QMR");
    static final SignedInUser DANHGIA = user("danhgia", "Đỗ Thị Đào", "AUDITOR", "TO-ISO");
    static final SignedInUser DANHGIAKHTC = user("danhgiakhtc", "Lê Thị Hoa", "AUDITOR", "P-KHTC");
    static final SignedInUser NHANVIENVP = user("nhanvienvp", "Phạm Minh Hiếu", "STAFF", "VP");
    static final SignedInUser XEM = user("xem", "Người xem", "VIEWER", null);

    static final String AUDIT = "dgnb-2026-1";
    static final String PAGE = "/audits/" + AUDIT;
    static final String PROGRAMME = "/organisations/SLDTBXH-HD/audit-programme";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QualityLedgerClient client;

    /** The round's event stream as query-service's history answers it; each test adds the steps it needs. */
    private final List<Map<String, Object>> history = new ArrayList<>();
    private final Map<String, Object> status = auditStatus();
    private final List<String> readsAskedFor = new ArrayList<>();

    @BeforeEach
    void answerReads() {
        history.add(entry("InternalAuditPlannedEvent", "Nguyễn Thị Thư", map("auditId", AUDIT, "organisationId", "SLDTBXH-HD", "year", 2026,
                "title", "Đánh giá nội bộ đợt 1 năm 2026", "scopeUnits", List.of("VP", "P-KHTC"), "criteria", "TCVN ISO 9001:2015",
                "clauses", List.of("7.5", "8.1"), "plannedFrom", "2026-11-02", "plannedTo", "2026-11-30", "plannedOn", "2026-10-20")));
        history.add(entry("AuditTeamAppointedEvent", "Nguyễn Thị Thư", map("auditId", AUDIT,
                "leadAuditor", map("userId", "danhgia", "name", "Đỗ Thị Đào", "unit", "TO-ISO"),
                "members", List.of(map("userId", "danhgiakhtc", "name", "Lê Thị Hoa", "unit", "P-KHTC")),
                "decision", map("number", "45/QĐ-SLĐTBXH", "date", "2026-10-25"), "appointedOn", "2026-10-26")));
        given(client.read(any(), any())).willAnswer(invocation -> {
            UriComponents asked = SliceTests.asked(invocation);
            readsAskedFor.add(asked.getPath() + "?" + asked.getQuery());
            if (asked.getPath().equals("/api/audits/" + AUDIT + "/history")) {
                return Map.of("content", history, "page", 0, "size", 1000, "totalElements", history.size(), "totalPages", 1);
            }
            if (asked.getPath().equals("/api/organisations/SLDTBXH-HD/audit-programme")) {
                return programme();
            }
            if (asked.getPath().equals("/api/organisations/OTHER-ORG/audit-programme")) {
                return map("organisationId", "OTHER-ORG", "year", 2026, "units", 0, "audited", List.of(), "due", List.of(), "audits", List.of());
            }
            if (asked.getPath().equals("/api/audits/" + AUDIT)) { // the round's read: scope, team, findings with their NCs
                return map("auditId", AUDIT, "organisationId", "SLDTBXH-HD", "year", 2026, "scopeUnits", List.of("VP", "P-KHTC"),
                        "team", map("lead", map("userId", "danhgia", "name", "Đỗ Thị Đào"),
                                "members", List.of(map("userId", "danhgiakhtc", "name", "Lê Thị Hoa"))),
                        "findings", List.of(map("findingId", "f1", "nonconformityId", "nc-finding-dgnb-2026-1-f1"),
                                map("findingId", "f2", "nonconformityId", null)));
            }
            throw new IllegalStateException("unexpected read " + asked.getPath());
        });
    }

    // ---- the programme -------------------------------------------------------------------------------------------

    @Test
    void theProgrammeShowsEachRoundWithItsScopeDatesStageTeamAndFindingsAsTheServicesAnswer() throws Exception {
        mvc.perform(get(PROGRAMME).param("year", "2026").with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chương trình đánh giá nội bộ năm 2026 — SLDTBXH-HD")))
                .andExpect(content().string(containsString("data-audit=\"" + AUDIT + "\"")))
                .andExpect(content().string(containsString("href=\"/audits/" + AUDIT + "\"")))
                .andExpect(content().string(containsString("<td class=\"scope\" data-label=\"Đơn vị được đánh giá\">VP, P-KHTC</td>")))
                .andExpect(content().string(containsString("Từ 02/11/2026 đến 30/11/2026")))
                .andExpect(content().string(containsString("Đang đánh giá")))
                .andExpect(content().string(containsString("<td class=\"team\" data-label=\"Đoàn đánh giá\">Đỗ Thị Đào, Lê Thị Hoa</td>")))
                .andExpect(content().string(containsString("3 (nặng: 0, nhẹ: 1, lưu ý: 2, cải tiến: 0)")))
                .andExpect(content().string(containsString("<td class=\"num open-findings\" data-label=\"Chưa khắc phục xong\">1</td>")))
                // 1 of the 4 units known this year audited: the service's 25 %, shown as given.
                .andExpect(content().string(containsString("Đã đánh giá 1/4 đơn vị (25 %).")))
                .andExpect(content().string(containsString("VP: đã đánh giá ngày 05/11/2026")))
                .andExpect(content().string(containsString("P-KHTC: chưa đánh giá, lịch ngày 12/11/2026")))
                .andExpect(content().string(containsString("id=\"nav-audits\"")))
                .andExpect(content().string(not(containsString("id=\"plan-form\""))));
        assertThat(readsAskedFor).anyMatch(read -> read.startsWith("/api/organisations/SLDTBXH-HD/audit-programme?year=2026&asOf="));
        // Each round's scope and team from its read, never by reading its event stream.
        assertThat(readsAskedFor).contains("/api/audits/" + AUDIT + "?null").noneMatch(read -> read.contains("/history"));
        mvc.perform(get(PROGRAMME).param("year", "2026").param("lang", "en").with(signedIn(NHANVIENVP)))
                .andExpect(content().string(containsString("3 (major: 0, minor: 1, observations: 2, improvements: 0)")))
                .andExpect(content().string(containsString("1 of 4 units audited (25 %).")));
    }

    @Test
    void theNavigationLeadsToTheUsersOrganisationsProgrammeAndPlanningIsOfferedToPlannersOnly() throws Exception {
        mvc.perform(get("/audits").with(signedIn(DANHGIA))).andExpect(redirectedUrl(PROGRAMME));
        mvc.perform(get(PROGRAMME).with(signedIn(THUKY))).andExpect(content().string(containsString("id=\"plan-form\"")));
        mvc.perform(get(PROGRAMME).with(signedIn(QMR))).andExpect(content().string(containsString("id=\"plan-form\"")));
        mvc.perform(get(PROGRAMME).with(signedIn(DANHGIA))).andExpect(content().string(not(containsString("id=\"plan-form\""))));
        mvc.perform(get("/organisations/OTHER-ORG/audit-programme").with(signedIn(THUKY)))
                .andExpect(content().string(not(containsString("id=\"plan-form\""))));
    }

    @Test
    void planningSendsTheRoundOfTheProgrammesYearAndGoesToTheRound() throws Exception {
        given(client.command(eq(THUKY), anyString(), any())).willReturn(Map.of("id", AUDIT));
        mvc.perform(post(PROGRAMME).param("year", "2026").with(signedIn(THUKY)).with(csrf()).param("auditId", AUDIT)
                        .param("title", " Đánh giá nội bộ đợt 1 năm 2026 ").param("scopeUnits", "VP, P-KHTC").param("criteria", "TCVN ISO 9001:2015")
                        .param("clauses", "7.5; 8.1").param("plannedFrom", "02/11/2026").param("plannedTo", "30/11/2026").param("plannedOn", ""))
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("notice", "Đã lập kế hoạch đánh giá nội bộ."));
        assertThat(sent(THUKY, "/api/audits")).isEqualTo(map("auditId", AUDIT, "organisationId", "SLDTBXH-HD", "year", 2026,
                "title", "Đánh giá nội bộ đợt 1 năm 2026", "scopeUnits", List.of("VP", "P-KHTC"), "criteria", "TCVN ISO 9001:2015",
                "clauses", List.of("7.5", "8.1"), "plannedFrom", "2026-11-02", "plannedTo", "2026-11-30"));
    }

    @Test
    void aPlanRefusedShowsTheClauseBesideItsFieldAndATextThatIsNoDateIsNotSent() throws Exception {
        given(client.command(eq(THUKY), anyString(), any())).willThrow(new ServiceProblem(422, "CLAUSE_UNKNOWN",
                "'7.9' is not a requirement clause of ISO 9001:2015", List.of(new FieldProblem("clauses[1]", "CLAUSE_UNKNOWN", ""))));
        mvc.perform(post(PROGRAMME).with(signedIn(THUKY)).with(csrf()).param("auditId", "dgnb-form-1").param("title", "Đợt 1")
                        .param("scopeUnits", "VP").param("criteria", "ISO").param("clauses", "7.5, 7.9")
                        .param("plannedFrom", "02/11/2026").param("plannedTo", "30/11/2026"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"plan-clauses-error\" class=\"field-error block\">Không phải điều khoản yêu cầu của TCVN ISO 9001:2015 (từ 4 đến 10.3, ví dụ 7.5.3).</span>")))
                .andExpect(content().string(containsString("value=\"7.5, 7.9\"")))
                .andExpect(content().string(containsString("name=\"auditId\" value=\"dgnb-form-1\"")))
                .andExpect(content().string(containsString("<details id=\"plan\" open=\"open\">")));
        mvc.perform(post(PROGRAMME).param("lang", "en").with(signedIn(THUKY)).with(csrf()).param("auditId", "dgnb-form-1").param("clauses", "7.9"))
                .andExpect(content().string(containsString("<span id=\"plan-clauses-error\" class=\"field-error block\">Not a requirement clause of ISO 9001:2015 (4 to 10.3, for example 7.5.3).</span>")));

        mvc.perform(post(PROGRAMME).with(signedIn(QMR)).with(csrf()).param("title", "Đợt 1").param("plannedFrom", "2/30/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"plan-plannedFrom-error\" class=\"field-error block\">Ngày phải ghi theo dạng ngày/tháng/năm")));
        verify(client, never()).command(eq(QMR), anyString(), any());
    }

    // ---- who is offered which step ---------------------------------------------------------------------------------

    @Test
    void theRoundShowsItsPlanAndTeamAndOffersTheSecretaryTheTeamAndTheScheduleButNoAuditorsWork() throws Exception {
        mvc.perform(get(PAGE).with(signedIn(THUKY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đánh giá nội bộ đợt 1 năm 2026")))
                .andExpect(content().string(containsString("<dd id=\"audit-scope\">VP, P-KHTC</dd>")))
                .andExpect(content().string(containsString("<dd id=\"audit-clauses\">7.5, 8.1</dd>")))
                .andExpect(content().string(containsString("Quyết định số 45/QĐ-SLĐTBXH ngày 25/10/2026 (thành lập ngày 26/10/2026)")))
                .andExpect(content().string(containsString("data-member=\"danhgia\"")))
                .andExpect(content().string(containsString("(trưởng đoàn)")))
                .andExpect(content().string(containsString("id=\"team-form\"")))
                .andExpect(content().string(containsString("id=\"schedule-0\"")))
                .andExpect(content().string(containsString("id=\"schedule-1\"")))
                .andExpect(content().string(not(containsString("held-form"))))
                .andExpect(content().string(not(containsString("id=\"finding-form\""))))
                .andExpect(content().string(not(containsString("id=\"report-form\""))))
                .andExpect(content().string(not(containsString("id=\"close-form\""))));
        mvc.perform(get(PAGE).with(signedIn(NHANVIENVP)))
                .andExpect(content().string(not(containsString("id=\"team-form\""))))
                .andExpect(content().string(not(containsString("schedule-form"))));
        mvc.perform(get(PAGE).with(signedIn(XEM))).andExpect(content().string(not(containsString("class=\"form audit-form"))));
    }

    @Test
    void theLeadAuditorSchedulesAndTeamMembersRecordOnlyUnitsNotTheirOwn() throws Exception {
        mvc.perform(get(PAGE).with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("id=\"schedule-0\"")))
                .andExpect(content().string(not(containsString("id=\"team-form\""))));
        mvc.perform(get(PAGE).with(signedIn(DANHGIAKHTC)))
                .andExpect(content().string(not(containsString("schedule-form"))));

        scheduled("VP", "2026-11-05", "danhgia");
        scheduled("P-KHTC", "2026-11-12", "danhgia");
        mvc.perform(get(PAGE).with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("Lịch đánh giá ngày 05/11/2026, chuyên gia: Đỗ Thị Đào")))
                .andExpect(content().string(containsString("id=\"held-0\"")))
                .andExpect(content().string(containsString("id=\"held-1\"")));
        // danhgiakhtc is of P-KHTC: VP yes, their own unit never.
        mvc.perform(get(PAGE).with(signedIn(DANHGIAKHTC)))
                .andExpect(content().string(containsString("id=\"held-0\"")))
                .andExpect(content().string(not(containsString("id=\"held-1\""))));
        mvc.perform(get(PAGE).with(signedIn(QMR))).andExpect(content().string(not(containsString("held-form"))));

        held("VP", "2026-11-05");
        mvc.perform(get(PAGE).with(signedIn(DANHGIAKHTC)))
                .andExpect(content().string(containsString("id=\"finding-form\"")))
                .andExpect(content().string(containsString("<option value=\"VP\">VP</option>")))
                .andExpect(content().string(not(containsString("<option value=\"P-KHTC\">"))))
                .andExpect(content().string(not(containsString("id=\"report-form\""))));
        mvc.perform(get(PAGE).with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("id=\"report-form\"")))
                .andExpect(content().string(not(containsString("schedule-0"))))   // VP is audited: no rescheduling
                .andExpect(content().string(containsString("id=\"schedule-1\"")))
                .andExpect(content().string(containsString("Đã đánh giá ngày 05/11/2026")))
                .andExpect(content().string(containsString("Tài liệu hết hiệu lực còn lưu hành")))
                .andExpect(content().string(containsString("<td data-label=\"Kết luận\" class=\"bad\">Không phù hợp</td>")));
        mvc.perform(get(PAGE).with(signedIn(THUKY))).andExpect(content().string(not(containsString("id=\"report-form\""))));
        mvc.perform(get(PAGE).with(signedIn(QMR))).andExpect(content().string(containsString("id=\"report-form\"")));
    }

    @Test
    void findingsLinkTheNonconformitiesTheyRaisedAndTheReportSettlesTheRoundUntilTheQmrClosesIt() throws Exception {
        scheduled("VP", "2026-11-05", "danhgia");
        held("VP", "2026-11-05");
        history.add(entry("AuditFindingRecordedEvent", "Đỗ Thị Đào", map("auditId", AUDIT, "findingId", "f1", "unit", "VP", "clause", "7.5.3",
                "kind", "MINOR_NONCONFORMITY", "description", "Tài liệu hết hiệu lực chưa thu hồi", "evidenceSeen", "Sổ công văn 2026",
                "recordedOn", "2026-11-05")));
        history.add(entry("AuditFindingRecordedEvent", "Đỗ Thị Đào", map("auditId", AUDIT, "findingId", "f2", "unit", "VP", "clause", "8.1",
                "kind", "OBSERVATION", "description", "Chưa có lịch", "evidenceSeen", "Phỏng vấn", "recordedOn", "2026-11-05")));
        mvc.perform(get(PAGE).with(signedIn(NHANVIENVP)))
                .andExpect(content().string(containsString("href=\"/nonconformities/nc-finding-dgnb-2026-1-f1\"")))
                .andExpect(content().string(containsString("Không phù hợp nhẹ")))
                .andExpect(content().string(containsString("Sổ công văn 2026")))
                .andExpect(content().string(containsString("— Đỗ Thị Đào")))
                .andExpect(content().string(containsString("Không phát sinh")));

        history.add(entry("AuditReportIssuedEvent", "Đỗ Thị Đào", map("auditId", AUDIT, "report", map("number", "12/BC-ĐGNB", "date", "2026-11-20",
                "issuer", "Đoàn ĐGNB", "title", "Báo cáo kết quả ĐGNB đợt 1"), "summary", "Một điểm không phù hợp nhẹ", "issuedOn", "2026-11-21")));
        mvc.perform(get(PAGE).with(signedIn(QMR)))
                .andExpect(content().string(containsString("Báo cáo số 12/BC-ĐGNB ngày 20/11/2026 — Đoàn ĐGNB: Báo cáo kết quả ĐGNB đợt 1")))
                .andExpect(content().string(containsString("id=\"close-form\"")))
                .andExpect(content().string(not(containsString("id=\"report-form\""))))
                .andExpect(content().string(not(containsString("id=\"team-form\""))));
        mvc.perform(get(PAGE).with(signedIn(THUKY))).andExpect(content().string(not(containsString("id=\"close-form\""))));
        mvc.perform(get(PAGE).with(signedIn(DANHGIA)))
                .andExpect(content().string(not(containsString("id=\"close-form\""))))
                .andExpect(content().string(not(containsString("id=\"finding-form\""))))
                .andExpect(content().string(not(containsString("schedule-form"))));

        history.add(entry("InternalAuditClosedEvent", "Trần Văn Quang", map("auditId", AUDIT, "closedOn", "2026-11-25")));
        mvc.perform(get(PAGE).with(signedIn(QMR)))
                .andExpect(content().string(containsString("Kết thúc ngày 25/11/2026")))
                .andExpect(content().string(not(containsString("id=\"close-form\""))));
    }

    // ---- what each step sends --------------------------------------------------------------------------------------

    @Test
    void appointingSendsTheLeadTheMembersTypedAndTheDecision() throws Exception {
        given(client.command(eq(THUKY), anyString(), any())).willReturn(Map.of("id", AUDIT));
        step(THUKY, "/team", "leadUserId", " danhgia ", "leadName", "Đỗ Thị Đào", "leadUnit", "TO-ISO",
                "member0UserId", "", "member0Name", "", "member0Unit", "",
                "member1UserId", "danhgiakhtc", "member1Name", "Lê Thị Hoa", "member1Unit", "P-KHTC",
                "decisionNumber", "45/QĐ-SLĐTBXH", "decisionDate", "25/10/2026", "appointedOn", "26/10/2026")
                .andExpect(flash().attribute("notice", "Đã thành lập đoàn đánh giá."));
        assertThat(sent(THUKY, "/api/audits/" + AUDIT + "/team")).isEqualTo(map(
                "leadAuditor", map("userId", "danhgia", "name", "Đỗ Thị Đào", "unit", "TO-ISO"),
                "members", List.of(map("userId", "danhgiakhtc", "name", "Lê Thị Hoa", "unit", "P-KHTC")),
                "decision", map("number", "45/QĐ-SLĐTBXH", "date", "2026-10-25"), "appointedOn", "2026-10-26"));
    }

    @Test
    void aTeamRefusedMarksTheMemberRowItNamesEvenWithABlankRowBeforeIt() throws Exception {
        given(client.command(eq(THUKY), anyString(), any())).willThrow(new ServiceProblem(422, "TEAM_MEMBER_TWICE", "danhgia is on the team twice",
                List.of(new FieldProblem("members[0].userId", "TEAM_MEMBER_TWICE", ""))));
        mvc.perform(post(PAGE + "/team").with(signedIn(THUKY)).with(csrf()).param("leadUserId", "danhgia").param("leadName", "Đỗ Thị Đào")
                        .param("member1UserId", "danhgia").param("member1Name", "Đỗ Thị Đào").param("decisionNumber", "45/QĐ").param("decisionDate", "25/10/2026"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"team-member1UserId-error\" class=\"field-error block\">Người này đã có trong đoàn.</span>")))
                .andExpect(content().string(not(containsString("team-member0UserId-error"))));
        given(client.command(eq(THUKY), anyString(), any())).willThrow(new ServiceProblem(400, "INVALID_REQUEST", "",
                List.of(new FieldProblem("decision.number", "NotBlank", "must not be blank"))));
        mvc.perform(post(PAGE + "/team").param("lang", "en").with(signedIn(THUKY)).with(csrf()).param("leadUserId", "danhgia").param("leadName", "Đào"))
                .andExpect(content().string(containsString("<span id=\"team-decisionNumber-error\" class=\"field-error block\">")));
    }

    @Test
    void schedulingSendsTheUnitItsDateAndTheChosenAuditors() throws Exception {
        given(client.command(eq(DANHGIA), anyString(), any())).willReturn(Map.of("id", "VP"));
        step(DANHGIA, "/unit-audits", "unit", "VP", "date", "05/11/2026", "auditors", "danhgia");
        assertThat(sent(DANHGIA, "/api/audits/" + AUDIT + "/unit-audits"))
                .isEqualTo(map("unit", "VP", "date", "2026-11-05", "auditors", List.of("danhgia")));
    }

    @Test
    void aSchedulingRefusedMarksTheAuditorsOfThatUnitsForm() throws Exception {
        given(client.command(eq(DANHGIA), anyString(), any())).willThrow(new ServiceProblem(422, "OWN_UNIT",
                "Lê Thị Hoa belongs to P-KHTC and does not audit their own unit", List.of(new FieldProblem("auditors[0]", "OWN_UNIT", ""))));
        mvc.perform(post(PAGE + "/unit-audits").with(signedIn(DANHGIA)).with(csrf()).param("unit", "P-KHTC").param("date", "12/11/2026")
                        .param("auditors", "danhgiakhtc"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"schedule-1-auditors-error\" class=\"field-error block\">Chuyên gia không đánh giá đơn vị mình.</span>")))
                .andExpect(content().string(containsString("id=\"schedule-1-auditor-1\" checked=\"checked\"")))
                .andExpect(content().string(not(containsString("schedule-0-auditors-error"))));
        given(client.command(eq(DANHGIA), anyString(), any())).willThrow(new ServiceProblem(422, "BEFORE_ROUND",
                "The round starts on 2026-11-02", List.of(new FieldProblem("date", "BEFORE_ROUND", ""))));
        mvc.perform(post(PAGE + "/unit-audits").param("lang", "en").with(signedIn(DANHGIA)).with(csrf()).param("unit", "VP")
                        .param("date", "01/11/2026").param("auditors", "danhgia"))
                .andExpect(content().string(containsString("<span id=\"schedule-0-date-error\" class=\"field-error block\">A unit audit is not before the round&#39;s first day.</span>")));
    }

    @Test
    void recordingAUnitAuditHeldSendsItsChecklistNotesLeavingBlankLinesOut() throws Exception {
        scheduled("VP", "2026-11-05", "danhgia");
        given(client.command(eq(DANHGIA), anyString(), any())).willReturn(Map.of("id", "VP"));
        step(DANHGIA, "/unit-audits/held", "unit", "VP", "heldOn", "05/11/2026",
                "note0Clause", "7.5.3", "note0Question", "Kiểm soát tài liệu?", "note0Observed", "Tài liệu hết hiệu lực còn lưu hành",
                "note0Conformity", "NONCONFORMING", "note1Clause", "", "note1Question", "", "note1Observed", "", "note1Conformity", "CONFORMING",
                "note2Clause", "7.1.6", "note2Question", "Tri thức?", "note2Observed", "Có sổ tay", "note2Conformity", "CONFORMING")
                .andExpect(flash().attribute("notice", "Đã ghi nhận việc đánh giá tại đơn vị."));
        assertThat(sent(DANHGIA, "/api/audits/" + AUDIT + "/unit-audits/held")).isEqualTo(map("unit", "VP", "heldOn", "2026-11-05",
                "notes", List.of(map("clause", "7.5.3", "question", "Kiểm soát tài liệu?", "observed", "Tài liệu hết hiệu lực còn lưu hành",
                                "conformity", "NONCONFORMING"),
                        map("clause", "7.1.6", "question", "Tri thức?", "observed", "Có sổ tay", "conformity", "CONFORMING"))));
    }

    @Test
    void aUnitAuditRefusedMarksTheChecklistLineAndTheDayItNames() throws Exception {
        scheduled("VP", "2026-11-05", "danhgia");
        given(client.command(eq(DANHGIA), anyString(), any())).willThrow(new ServiceProblem(422, "CLAUSE_UNKNOWN", "'7.9' is not a clause",
                List.of(new FieldProblem("notes[0].clause", "CLAUSE_UNKNOWN", ""))));
        mvc.perform(post(PAGE + "/unit-audits/held").with(signedIn(DANHGIA)).with(csrf()).param("unit", "VP").param("note1Clause", "7.9")
                        .param("note1Question", "Hỏi").param("note1Observed", "Thấy").param("note1Conformity", "CONFORMING"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"held-0-note1Clause-error\" class=\"field-error block\">Không phải điều khoản yêu cầu")))
                .andExpect(content().string(containsString("value=\"7.9\"")));
        given(client.command(eq(DANHGIA), anyString(), any())).willThrow(new ServiceProblem(422, "HELD_IN_THE_FUTURE", "",
                List.of(new FieldProblem("heldOn", "HELD_IN_THE_FUTURE", ""))));
        mvc.perform(post(PAGE + "/unit-audits/held").with(signedIn(DANHGIA)).with(csrf()).param("unit", "VP").param("heldOn", "01/01/2099")
                        .param("note0Clause", "7.5").param("note0Question", "Hỏi").param("note0Observed", "Thấy"))
                .andExpect(content().string(containsString("<span id=\"held-0-heldOn-error\" class=\"field-error block\">Ngày đánh giá chưa đến: không được ghi sau hôm nay.</span>")));
        given(client.command(eq(DANHGIA), anyString(), any())).willThrow(new ServiceProblem(400, "INVALID_REQUEST", "",
                List.of(new FieldProblem("notes", "NotEmpty", "must not be empty"))));
        mvc.perform(post(PAGE + "/unit-audits/held").param("lang", "en").with(signedIn(DANHGIA)).with(csrf()).param("unit", "VP"))
                .andExpect(content().string(containsString("id=\"held-0-notes-error\">Write at least one line of checklist notes.</p>")));
    }

    @Test
    void recordingAFindingSendsItAndSaysTheServiceRaisedItsNonconformity() throws Exception {
        scheduled("VP", "2026-11-05", "danhgia");
        held("VP", "2026-11-05");
        given(client.command(eq(DANHGIA), anyString(), any())).willReturn(Map.of("id", "f1"));
        step(DANHGIA, "/findings", "findingId", "f1", "unit", "VP", "clause", " 7.5.3 ", "kind", "MINOR_NONCONFORMITY",
                "description", "Tài liệu hết hiệu lực chưa thu hồi", "evidenceSeen", "Sổ công văn 2026", "relatedObjectiveId", "", "recordedOn", "")
                .andExpect(flash().attribute("notice", "Đã ghi nhận phát hiện; sự không phù hợp đã được ghi nhận tự động."));
        assertThat(sent(DANHGIA, "/api/audits/" + AUDIT + "/findings")).isEqualTo(map("findingId", "f1", "unit", "VP", "clause", "7.5.3",
                "kind", "MINOR_NONCONFORMITY", "description", "Tài liệu hết hiệu lực chưa thu hồi", "evidenceSeen", "Sổ công văn 2026"));
    }

    @Test
    void aFindingRefusedShowsTheClauseBesideItsFieldAndAnOwnUnitAboveTheForm() throws Exception {
        scheduled("VP", "2026-11-05", "danhgia");
        held("VP", "2026-11-05");
        given(client.command(eq(DANHGIA), anyString(), any())).willThrow(new ServiceProblem(422, "CLAUSE_UNKNOWN",
                "'7.9' is not a requirement clause of ISO 9001:2015", List.of(new FieldProblem("clause", "CLAUSE_UNKNOWN", ""))));
        mvc.perform(post(PAGE + "/findings").with(signedIn(DANHGIA)).with(csrf()).param("findingId", "f-form-1").param("unit", "VP")
                        .param("clause", "7.9").param("kind", "MINOR_NONCONFORMITY").param("description", "Mô tả").param("evidenceSeen", "Sổ"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"finding-clause-error\" class=\"field-error block\">Không phải điều khoản yêu cầu của TCVN ISO 9001:2015 (từ 4 đến 10.3, ví dụ 7.5.3).</span>")))
                .andExpect(content().string(containsString("<option value=\"MINOR_NONCONFORMITY\" selected=\"selected\">")))
                .andExpect(content().string(containsString("name=\"findingId\" value=\"f-form-1\"")))
                .andExpect(content().string(containsString("Mô tả</textarea>")));
        mvc.perform(post(PAGE + "/findings").param("lang", "en").with(signedIn(DANHGIA)).with(csrf()).param("findingId", "f-form-1")
                        .param("unit", "VP").param("clause", "7.9"))
                .andExpect(content().string(containsString("<span id=\"finding-clause-error\" class=\"field-error block\">Not a requirement clause of ISO 9001:2015")));
        given(client.command(eq(DANHGIA), anyString(), any())).willThrow(new ServiceProblem(403, "OWN_UNIT", "An auditor does not audit their own unit (VP)"));
        mvc.perform(post(PAGE + "/findings").with(signedIn(DANHGIA)).with(csrf()).param("unit", "VP").param("clause", "7.5"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Chuyên gia không đánh giá đơn vị mình.")))
                .andExpect(content().string(containsString("Chi tiết từ hệ thống: An auditor does not audit their own unit (VP)")));
    }

    @Test
    void issuingTheReportSendsItsDocumentAndSummaryAndClosingSendsItsDay() throws Exception {
        given(client.command(eq(QMR), anyString(), any())).willReturn(Map.of("id", AUDIT));
        step(QMR, "/report", "reportNumber", "12/BC-ĐGNB", "reportDate", "20/11/2026", "reportIssuer", "Đoàn ĐGNB",
                "reportTitle", "Báo cáo kết quả ĐGNB đợt 1", "reportLink", "", "summary", "Một điểm không phù hợp nhẹ", "issuedOn", "21/11/2026")
                .andExpect(flash().attribute("notice", "Đã phát hành báo cáo đánh giá."));
        assertThat(sent(QMR, "/api/audits/" + AUDIT + "/report")).isEqualTo(map("report", map("number", "12/BC-ĐGNB", "date", "2026-11-20",
                "issuer", "Đoàn ĐGNB", "title", "Báo cáo kết quả ĐGNB đợt 1"), "summary", "Một điểm không phù hợp nhẹ", "issuedOn", "2026-11-21"));
        step(QMR, "/closure", "closedOn", "25/11/2026").andExpect(flash().attribute("notice", "Đã kết thúc đợt đánh giá."));
        assertThat(sent(QMR, "/api/audits/" + AUDIT + "/close")).isEqualTo(map("closedOn", "2026-11-25"));
    }

    @Test
    void aReportAndAClosingRefusedAreMarkedBesideTheirDaysAndAClosingByTheSecretaryAboveTheForm() throws Exception {
        held("VP", "2026-11-05");
        given(client.command(eq(QMR), eq("/api/audits/" + AUDIT + "/report"), any())).willThrow(new ServiceProblem(422, "ISSUED_BEFORE_AUDIT_WORK",
                "", List.of(new FieldProblem("issuedOn", "ISSUED_BEFORE_AUDIT_WORK", ""))));
        mvc.perform(post(PAGE + "/report").with(signedIn(QMR)).with(csrf()).param("reportNumber", "12/BC").param("issuedOn", "01/11/2026"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"report-issuedOn-error\" class=\"field-error block\">Ngày phát hành không được trước ngày đánh giá hoặc phát hiện gần nhất.</span>")))
                .andExpect(content().string(containsString("value=\"12/BC\"")));
        history.add(entry("AuditReportIssuedEvent", "Trần Văn Quang", map("auditId", AUDIT, "report", map("number", "12/BC", "date", "2026-11-20",
                "issuer", "Đoàn", "title", "Báo cáo"), "summary", "Tóm tắt", "issuedOn", "2026-11-21")));
        given(client.command(eq(QMR), eq("/api/audits/" + AUDIT + "/close"), any())).willThrow(new ServiceProblem(422, "CLOSED_BEFORE_REPORT",
                "", List.of(new FieldProblem("closedOn", "CLOSED_BEFORE_REPORT", ""))));
        mvc.perform(post(PAGE + "/closure").with(signedIn(QMR)).with(csrf()).param("closedOn", "20/11/2026"))
                .andExpect(content().string(containsString("<span id=\"close-closedOn-error\" class=\"field-error block\">Ngày kết thúc không được trước ngày phát hành báo cáo.</span>")));
        mvc.perform(post(PAGE + "/closure").param("lang", "en").with(signedIn(QMR)).with(csrf()).param("closedOn", "20/11/2026"))
                .andExpect(content().string(containsString("<span id=\"close-closedOn-error\" class=\"field-error block\">The round is not closed before its report was issued.</span>")));
        // The audit's own wording of QMR_ONLY (the nonconformity pages say "close or reopen a nonconformity"); a form the page
        // no longer offers (the secretary's, sent from an older page) shows its refusal above the page.
        given(client.command(eq(QMR), eq("/api/audits/" + AUDIT + "/close"), any())).willThrow(new ServiceProblem(403, "QMR_ONLY",
                "Only the QMR or an administrator closes an audit round"));
        mvc.perform(post(PAGE + "/closure").with(signedIn(QMR)).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Chỉ QMR hoặc quản trị hệ thống được kết thúc đợt đánh giá.")))
                .andExpect(content().string(not(containsString("đóng hoặc mở lại sự không phù hợp"))));
        given(client.command(eq(THUKY), anyString(), any())).willThrow(new ServiceProblem(403, "QMR_ONLY", "Only the QMR or an administrator closes an audit round"));
        mvc.perform(post(PAGE + "/closure").with(signedIn(THUKY)).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("id=\"close-form\""))))
                .andExpect(content().string(containsString("<div id=\"stray-errors\"")))
                .andExpect(content().string(containsString("Chỉ QMR hoặc quản trị hệ thống được kết thúc đợt đánh giá.")));
    }

    @Test
    void noStepWorksWithoutItsCsrfToken() throws Exception {
        mvc.perform(post(PROGRAMME).with(signedIn(THUKY)).param("title", "x")).andExpect(status().isForbidden());
        for (String path : List.of("/team", "/unit-audits", "/unit-audits/held", "/findings", "/report", "/closure")) {
            mvc.perform(post(PAGE + path).with(signedIn(QMR)).param("unit", "VP")).andExpect(status().isForbidden());
        }
        verify(client, never()).command(any(), anyString(), any());
    }

    // ---- fixtures --------------------------------------------------------------------------------------------------

    private void scheduled(String unit, String date, String... auditors) {
        history.add(entry("UnitAuditScheduledEvent", "Đỗ Thị Đào", map("auditId", AUDIT, "unit", unit, "date", date, "auditors", List.of(auditors))));
    }

    private void held(String unit, String heldOn) {
        history.add(entry("UnitAuditHeldEvent", "Đỗ Thị Đào", map("auditId", AUDIT, "organisationId", "SLDTBXH-HD", "year", 2026, "unit", unit,
                "heldOn", heldOn, "notes", List.of(map("clause", "7.5.3", "question", "Kiểm soát tài liệu?",
                        "observed", "Tài liệu hết hiệu lực còn lưu hành", "conformity", "NONCONFORMING")))));
    }

    private static Map<String, Object> entry(String type, String actorName, Map<String, Object> payload) {
        // as query-service names events: their published contract name, without "Event"
        return map("eventType", "vn.qualityledger.audit." + type.replaceFirst("Event$", ""), "actor", map("id", "x", "name", actorName), "payload", payload);
    }

    private Map<String, Object> programme() {
        return map("organisationId", "SLDTBXH-HD", "year", 2026, "asOf", "2026-12-02", "units", 4,
                "audited", List.of(map("unit", "VP", "firstHeldOn", "2026-11-05", "auditIds", List.of(AUDIT))),
                "due", List.of(map("unit", "P-KHTC", "scheduledOn", "2026-11-12"), map("unit", "TTDVVL", "scheduledOn", null),
                        map("unit", "TTRA", "scheduledOn", null)),
                "auditedRate", new java.math.BigDecimal("25.00"), "findingsByUnit", List.of(), "findingsByClause", List.of(),
                "audits", List.of(status));
    }

    private static Map<String, Object> auditStatus() {
        return map("auditId", AUDIT, "title", "Đánh giá nội bộ đợt 1 năm 2026", "plannedFrom", "2026-11-02", "plannedTo", "2026-11-30",
                "reportIssuedOn", null, "closedOn", null, "unitsHeld", 1,
                "findings", map("majorNonconformities", 0, "minorNonconformities", 1, "observations", 2, "opportunitiesForImprovement", 0, "total", 3),
                "openFindings", 1, "openFindingIds", List.of("f1"));
    }

    private ResultActions step(SignedInUser user, String path, String... namesAndValues) throws Exception {
        MockHttpServletRequestBuilder request = post(PAGE + path).with(signedIn(user)).with(csrf());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            request.param(namesAndValues[i], namesAndValues[i + 1]);
        }
        return mvc.perform(request).andExpect(redirectedUrl(PAGE));
    }



    private Map<String, Object> sent(SignedInUser user, String path) {
        return SliceTests.sent(client, user, path);
    }

    /** A map that keeps its order and may hold nulls (as the services' JSON reads). */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
