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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponents;
import vn.qualityledger.web.ServiceProblem.FieldProblem;

/**
 * The nonconformity pages over a mocked client: the list (status, severity, unit, age, overdue), a nonconformity's
 * detail with the steps each user is offered in each state, what each step's form sends (its optional day among it),
 * each refusal beside its field in Vietnamese, and that no step works without its CSRF token.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, Formats.class, ProblemMessages.class, Reads.class})
@TestPropertySource(properties = "quality-ledger.read-wait=PT0S")
class NonconformityFormsControllerTest {

    static final SignedInUser QMR = user("qmr", "Trần Văn Quang", "QMR", "QMR");
    static final SignedInUser THUKY = user("thuky", "Nguyễn Thị Thư", "ISO_SECRETARY", "TK-ISO");
    static final SignedInUser NHANVIENVP = user("nhanvienvp", "Phạm Minh Hiếu", "STAFF", "VP");
    static final SignedInUser NHANVIENKHTC = user("nhanvienkhtc", "Trần Văn Nam", "STAFF", "P-KHTC");
    static final SignedInUser DANHGIA = user("danhgia", "Đỗ Thị Đào", "AUDITOR", "TO-ISO");

    static final String NC = "NC-VP-1";
    static final String PAGE = "/nonconformities/" + NC;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QualityLedgerClient client;

    private final Map<String, Object> nonconformity = detail();
    private final List<String> readsAskedFor = new ArrayList<>();

    @BeforeEach
    void answerReads() {
        given(client.read(any(), any())).willAnswer(invocation -> {
            UriComponents asked = SliceTests.asked(invocation);
            readsAskedFor.add(asked.getPath() + "?" + asked.getQuery());
            if (asked.getPath().equals("/api/organisations/SLDTBXH-HD/nonconformities")) {
                return Map.of("content", List.of(listRow()), "page", 0, "size", 20, "totalElements", 1, "totalPages", 1);
            }
            if (asked.getPath().equals("/api/nonconformities/" + NC)) {
                return nonconformity;
            }
            if (asked.getPath().equals("/api/organisations/SLDTBXH-HD/units")) {
                return Map.of("organisationId", "SLDTBXH-HD", "units", List.of("P-KHTC", "TK-ISO", "VP"));
            }
            throw new IllegalStateException("unexpected read " + asked.getPath());
        });
    }

    // ---- the list and the navigation -------------------------------------------------------------------------------

    @Test
    void theListShowsStatusSeverityUnitAgeAndOverdueAsTheTrackerAnswers() throws Exception {
        mvc.perform(get("/organisations/SLDTBXH-HD/nonconformities").param("status", "ACTIONS_PLANNED").param("overdue", "true")
                        .param("year", "2026").with(signedIn(QMR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-nonconformity=\"" + NC + "\"")))
                .andExpect(content().string(containsString("href=\"/nonconformities/" + NC + "\"")))
                .andExpect(content().string(containsString("Sổ theo dõi công văn đến không được cập nhật")))
                .andExpect(content().string(containsString("Đang thực hiện khắc phục")))
                .andExpect(content().string(containsString(">Nhẹ</td>")))
                .andExpect(content().string(containsString("Ghi nhận trực tiếp")))
                .andExpect(content().string(containsString("<td class=\"num age\" data-label=\"Số ngày\">12</td>")))
                .andExpect(content().string(containsString("Quá hạn (1 hành động)")));
        assertThat(readsAskedFor).anyMatch(read -> read.startsWith("/api/organisations/SLDTBXH-HD/nonconformities?asOf=")
                && read.contains("status=ACTIONS_PLANNED") && read.contains("overdue=true") && read.contains("year=2026"));
    }

    @Test
    void theNavigationLeadsToTheUsersOrganisationsNonconformities() throws Exception {
        mvc.perform(get("/nonconformities").with(signedIn(NHANVIENVP))).andExpect(redirectedUrl("/organisations/SLDTBXH-HD/nonconformities"));
        mvc.perform(get(PAGE).with(signedIn(NHANVIENVP)))
                .andExpect(content().string(containsString("id=\"nav-nonconformities\"")));
    }

    @Test
    void theSecretaryRaisesANonconformityByHandAndStaffAreNotOffered() throws Exception {
        mvc.perform(get("/organisations/SLDTBXH-HD/nonconformities").with(signedIn(THUKY)))
                .andExpect(content().string(containsString("id=\"raise-form\"")));
        mvc.perform(get("/organisations/SLDTBXH-HD/nonconformities").with(signedIn(NHANVIENVP)))
                .andExpect(content().string(not(containsString("id=\"raise-form\""))));
        given(client.command(eq(THUKY), anyString(), any())).willReturn(Map.of("id", NC));
        mvc.perform(post("/organisations/SLDTBXH-HD/nonconformities").with(signedIn(THUKY)).with(csrf()).param("nonconformityId", NC)
                        .param("source", "MANUAL").param("severity", "MINOR").param("unit", " VP ").param("clause", "7.5.3")
                        .param("description", "Sổ không cập nhật").param("raisedOn", "20/11/2026"))
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("notice", "Đã ghi nhận sự không phù hợp."));
        assertThat(sent(THUKY, "/api/nonconformities")).isEqualTo(Map.of("nonconformityId", NC, "organisationId", "SLDTBXH-HD",
                "source", "MANUAL", "severity", "MINOR", "unit", "VP", "clause", "7.5.3", "description", "Sổ không cập nhật",
                "raisedOn", "2026-11-20"));
    }

    @Test
    void aRaisingRefusedShowsTheClauseOrTheComplaintsReferenceBesideItsField() throws Exception {
        given(client.command(eq(QMR), anyString(), any())).willThrow(new ServiceProblem(422, "UNKNOWN_CLAUSE",
                "'7.9' is not a requirement clause of ISO 9001:2015", List.of(new FieldProblem("clause", "UNKNOWN_CLAUSE", ""))));
        mvc.perform(post("/organisations/SLDTBXH-HD/nonconformities").with(signedIn(QMR)).with(csrf()).param("nonconformityId", "nc-form-9")
                        .param("source", "COMPLAINT").param("severity", "MAJOR").param("clause", "7.9").param("description", "Phản ánh"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"raise-clause-error\" class=\"field-error block\">Không phải điều khoản yêu cầu của TCVN ISO 9001:2015.</span>")))
                .andExpect(content().string(containsString("<option value=\"COMPLAINT\" selected=\"selected\">")))
                .andExpect(content().string(containsString("name=\"nonconformityId\" value=\"nc-form-9\"")))
                .andExpect(content().string(containsString("<details id=\"raise\" open=\"open\">")));
        given(client.command(eq(QMR), anyString(), any())).willThrow(new ServiceProblem(422, "COMPLAINT_REFERENCE_REQUIRED", "",
                List.of(new FieldProblem("origin.complaintReference", "COMPLAINT_REFERENCE_REQUIRED", ""))));
        mvc.perform(post("/organisations/SLDTBXH-HD/nonconformities").with(signedIn(QMR)).with(csrf()).param("nonconformityId", "nc-form-9")
                        .param("source", "COMPLAINT").param("severity", "MAJOR").param("description", "Phản ánh"))
                .andExpect(content().string(containsString("<span id=\"raise-complaintReference-error\" class=\"field-error block\">Vui lòng ghi số, ngày của phản ánh, khiếu nại.</span>")));
    }

    // ---- who is offered which step ---------------------------------------------------------------------------------

    @Test
    void aRaisedNonconformityOffersCorrectionAndRootCauseToTheQmrAndNothingToStaff() throws Exception {
        mvc.perform(get(PAGE).with(signedIn(QMR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"correction-form\"")))
                .andExpect(content().string(containsString("id=\"root-cause-form\"")))
                .andExpect(content().string(not(containsString("id=\"action-form\""))))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("Mới ghi nhận")))
                .andExpect(content().string(containsString("Ngày khắc phục (không bắt buộc)")));
        mvc.perform(get(PAGE).with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"correction-form\""))))
                .andExpect(content().string(not(containsString("id=\"root-cause-form\""))));
    }

    @Test
    void actionsAreImplementedByTheirOwnerUnitAndVerifiedByAnotherRole() throws Exception {
        nonconformity.put("status", "ACTIONS_PLANNED");
        nonconformity.put("rootCause", "Chưa phân công người cập nhật sổ");
        nonconformity.put("actions", List.of(action("ca-1", null, List.of()), action("ca-2", "2026-11-28", List.of())));
        mvc.perform(get(PAGE).with(signedIn(QMR)))
                .andExpect(content().string(containsString("id=\"action-form\"")))
                // the owner unit offered from the organisation's units (GET /api/organisations/{org}/units)
                .andExpect(content().string(containsString("list=\"action-units\"")))
                .andExpect(content().string(containsString("<datalist id=\"action-units\"><option value=\"P-KHTC\"></option><option value=\"TK-ISO\"></option>")))
                .andExpect(content().string(not(containsString("/actions/ca-1/implementation\""))))
                .andExpect(content().string(containsString("/actions/ca-2/verification\"")))
                .andExpect(content().string(not(containsString("/actions/ca-1/verification\""))));
        mvc.perform(get(PAGE).with(signedIn(NHANVIENVP)))
                .andExpect(content().string(containsString("/actions/ca-1/implementation\"")))
                .andExpect(content().string(not(containsString("/actions/ca-2/implementation\""))))
                .andExpect(content().string(not(containsString("/verification\""))))
                .andExpect(content().string(not(containsString("id=\"action-form\""))));
        mvc.perform(get(PAGE).with(signedIn(NHANVIENKHTC)))
                .andExpect(content().string(not(containsString("/implementation\""))));
        mvc.perform(get(PAGE).with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("/actions/ca-2/verification\"")));
    }

    /** The detail names who implemented each action: that user is not offered its verification (the service refuses it, OWN_ACTION). */
    @Test
    void nobodyIsOfferedTheVerificationOfAnActionTheyImplementedAndTheDetailNamesWhoDidEachStep() throws Exception {
        SignedInUser admin = user("admin", "Quản trị viên", "ADMIN", null);
        nonconformity.put("status", "IMPLEMENTED");
        nonconformity.put("rootCause", "Chưa phân công");
        nonconformity.put("analysedOn", "2026-11-22");
        nonconformity.put("analysedBy", Map.of("actorId", "thuky", "name", "Nguyễn Thị Thư"));
        nonconformity.put("raisedBy", Map.of("actorId", "danhgia", "name", "Đỗ Thị Đào"));
        Map<String, Object> byAdmin = action("ca-1", "2026-11-28", List.of());
        byAdmin.put("plannedBy", Map.of("actorId", "qmr", "name", "Trần Văn Quang"));
        byAdmin.put("implementedBy", Map.of("actorId", "admin", "name", "Quản trị viên"));
        Map<String, Object> byStaff = action("ca-2", "2026-11-28", List.of());
        byStaff.put("implementedBy", Map.of("actorId", "nhanvienvp", "name", "Phạm Minh Hiếu"));
        nonconformity.put("actions", List.of(byAdmin, byStaff));

        mvc.perform(get(PAGE).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/actions/ca-1/verification\""))))
                .andExpect(content().string(containsString("/actions/ca-2/verification\"")))
                .andExpect(content().string(containsString("Bạn đã ghi nhận việc thực hiện hành động này; người khác xác nhận hiệu lực của nó.")))
                .andExpect(content().string(containsString("<span class=\"small muted by implemented-by\">— Quản trị viên</span>")))
                .andExpect(content().string(containsString("<span class=\"small muted by implemented-by\">— Phạm Minh Hiếu</span>")))
                .andExpect(content().string(containsString("— Trần Văn Quang")))
                .andExpect(content().string(containsString("— Nguyễn Thị Thư")))
                .andExpect(content().string(containsString("— Đỗ Thị Đào")));
        mvc.perform(get(PAGE).with(signedIn(QMR)))
                .andExpect(content().string(containsString("/actions/ca-1/verification\"")))
                .andExpect(content().string(containsString("/actions/ca-2/verification\"")))
                .andExpect(content().string(not(containsString("own-implementation"))));
        mvc.perform(get(PAGE).param("lang", "en").with(signedIn(admin)))
                .andExpect(content().string(containsString("You recorded this action&#39;s implementation; someone else verifies its effectiveness.")));
    }

    @Test
    void closingIsOfferedToTheQmrOnceVerifiedAndReopeningOnceClosed() throws Exception {
        nonconformity.put("status", "VERIFIED");
        nonconformity.put("rootCause", "Chưa phân công");
        nonconformity.put("actions", List.of(action("ca-1", "2026-11-28", List.of(effective("2026-11-30")))));
        mvc.perform(get(PAGE).with(signedIn(QMR)))
                .andExpect(content().string(containsString("id=\"close-form\"")))
                .andExpect(content().string(containsString("Xác nhận ngày 30/11/2026: có hiệu lực")));
        mvc.perform(get(PAGE).with(signedIn(THUKY))).andExpect(content().string(not(containsString("id=\"close-form\""))));
        nonconformity.put("status", "CLOSED");
        nonconformity.put("closures", List.of(closure("2026-12-01")));
        mvc.perform(get(PAGE).with(signedIn(QMR)))
                .andExpect(content().string(containsString("id=\"reopen-form\"")))
                .andExpect(content().string(not(containsString("id=\"close-form\""))))
                .andExpect(content().string(containsString("Đóng ngày 01/12/2026.")));
    }

    // ---- what each step sends --------------------------------------------------------------------------------------

    @Test
    void eachStepSendsItsFieldsAndItsDayAndGoesBackToTheNonconformity() throws Exception {
        given(client.command(eq(QMR), anyString(), any())).willReturn(Map.of("id", NC));
        given(client.command(eq(NHANVIENVP), anyString(), any())).willReturn(Map.of("id", "ca-1"));
        step(QMR, "/correction", "correction", " Cập nhật ngay sổ ", "correctedOn", "21/11/2026")
                .andExpect(flash().attribute("notice", "Đã ghi nhận việc khắc phục tức thời."));
        assertThat(sent(QMR, "/api/nonconformities/" + NC + "/correction")).isEqualTo(Map.of("correction", "Cập nhật ngay sổ", "correctedOn", "2026-11-21"));
        step(QMR, "/root-cause", "rootCause", "Chưa phân công", "method", "5 Why", "analysedOn", "22/11/2026");
        assertThat(sent(QMR, "/api/nonconformities/" + NC + "/root-cause"))
                .isEqualTo(Map.of("rootCause", "Chưa phân công", "method", "5 Why", "analysedOn", "2026-11-22"));
        step(QMR, "/actions", "actionId", "ca-form-1", "ownerUnit", "VP", "description", "Phân công văn thư", "dueDate", "15/12/2026",
                "plannedOn", "");
        assertThat(sent(QMR, "/api/nonconformities/" + NC + "/actions"))
                .isEqualTo(Map.of("actionId", "ca-form-1", "ownerUnit", "VP", "description", "Phân công văn thư", "dueDate", "2026-12-15"));
        step(NHANVIENVP, "/actions/ca-1/implementation", "number", "15/QĐ-VP", "date", "25/11/2026", "issuer", "Văn phòng Sở",
                "title", "Quyết định phân công", "link", "", "note", "", "implementedOn", "26/11/2026");
        assertThat(sent(NHANVIENVP, "/api/nonconformities/" + NC + "/actions/ca-1/implementation")).isEqualTo(Map.of(
                "evidence", Map.of("number", "15/QĐ-VP", "date", "2026-11-25", "issuer", "Văn phòng Sở", "title", "Quyết định phân công"),
                "implementedOn", "2026-11-26"));
        step(QMR, "/actions/ca-1/verification", "effective", "false", "reason", "Sổ vẫn chưa cập nhật", "verifiedOn", "");
        assertThat(sent(QMR, "/api/nonconformities/" + NC + "/actions/ca-1/verification"))
                .isEqualTo(Map.of("effective", false, "reason", "Sổ vẫn chưa cập nhật"));
        step(QMR, "/closure", "note", "", "closedOn", "01/12/2026");
        assertThat(sent(QMR, "/api/nonconformities/" + NC + "/close")).isEqualTo(Map.of("closedOn", "2026-12-01"));
        step(QMR, "/reopening", "reason", "Tái diễn", "reopenedOn", "");
        assertThat(sent(QMR, "/api/nonconformities/" + NC + "/reopen")).isEqualTo(Map.of("reason", "Tái diễn"));
    }

    // ---- refusals beside their fields ------------------------------------------------------------------------------

    @Test
    void aRootCauseRefusedShowsEachFieldsRuleBesideItAndKeepsWhatWasTyped() throws Exception {
        given(client.command(eq(QMR), anyString(), any())).willThrow(new ServiceProblem(422, "DATED_IN_THE_FUTURE",
                "analysedOn 2099-01-01 is after today", List.of(new FieldProblem("analysedOn", "DATED_IN_THE_FUTURE", ""))));
        mvc.perform(post(PAGE + "/root-cause").with(signedIn(QMR)).with(csrf())
                        .param("rootCause", "Chưa phân công").param("method", "5 Why").param("analysedOn", "01/01/2099"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"rootCause-analysedOn-error\" class=\"field-error block\">Ngày này chưa đến: không được ghi sau hôm nay.</span>")))
                .andExpect(content().string(containsString("aria-describedby=\"rootCause-analysedOn-hint rootCause-analysedOn-error\" aria-invalid=\"true\"")))
                .andExpect(content().string(containsString("Chưa phân công</textarea>")))
                .andExpect(content().string(containsString("value=\"01/01/2099\"")))
                .andExpect(content().string(containsString("Chưa ghi nhận được: vui lòng sửa các mục được đánh dấu.")))
                // The correction form beside it is not marked.
                .andExpect(content().string(not(containsString("correction-correctedOn-error"))));
    }

    @Test
    void anActionWithoutItsDueDateAndWithADayThatIsNoDateIsMarkedAndNotSent() throws Exception {
        nonconformity.put("rootCause", "Chưa phân công");
        mvc.perform(post(PAGE + "/actions").with(signedIn(QMR)).with(csrf()).param("actionId", "ca-form-2")
                        .param("ownerUnit", "VP").param("description", "Phân công").param("dueDate", "").param("plannedOn", "hôm nay"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"action-plannedOn-error\" class=\"field-error block\">Ngày phải ghi theo dạng ngày/tháng/năm")))
                .andExpect(content().string(containsString("name=\"actionId\" value=\"ca-form-2\"")));
        verify(client, never()).command(any(), anyString(), any());
        given(client.command(eq(QMR), anyString(), any())).willThrow(new ServiceProblem(400, "INVALID_REQUEST", "",
                List.of(new FieldProblem("dueDate", "NotNull", "must not be null"))));
        mvc.perform(post(PAGE + "/actions").with(signedIn(QMR)).with(csrf()).param("actionId", "ca-form-2")
                        .param("ownerUnit", "VP").param("description", "Phân công").param("dueDate", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"action-dueDate-error\" class=\"field-error block\">Vui lòng ghi hạn hoàn thành (ngày/tháng/năm).</span>")));
    }

    @Test
    void anImplementationWithADocumentDatedAfterItIsMarkedOnThatActionsForm() throws Exception {
        nonconformity.put("status", "ACTIONS_PLANNED");
        nonconformity.put("rootCause", "Chưa phân công");
        nonconformity.put("actions", List.of(action("ca-1", null, List.of())));
        given(client.command(eq(NHANVIENVP), anyString(), any())).willThrow(new ServiceProblem(422, "DOCUMENT_DATED_AFTER_IMPLEMENTATION",
                "The document is dated after the implementation", List.of(new FieldProblem("evidence.date", "DOCUMENT_DATED_AFTER_IMPLEMENTATION", ""))));
        mvc.perform(post(PAGE + "/actions/ca-1/implementation").with(signedIn(NHANVIENVP)).with(csrf()).param("number", "15/QĐ-VP")
                        .param("date", "30/11/2026").param("issuer", "VP").param("title", "QĐ").param("implementedOn", "26/11/2026"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"impl-0-date-error\" class=\"field-error block\">Ngày văn bản không được sau ngày thực hiện.</span>")))
                .andExpect(content().string(containsString("value=\"15/QĐ-VP\"")));
    }

    @Test
    void aVerificationNotEffectiveNeedsAReasonAndNobodyVerifiesTheirOwnImplementation() throws Exception {
        nonconformity.put("status", "IMPLEMENTED");
        nonconformity.put("rootCause", "Chưa phân công");
        nonconformity.put("actions", List.of(action("ca-1", "2026-11-28", List.of())));
        given(client.command(eq(QMR), anyString(), any())).willThrow(new ServiceProblem(422, "VERIFICATION_REASON_REQUIRED",
                "Say why the action was not effective", List.of(new FieldProblem("reason", "VERIFICATION_REASON_REQUIRED", ""))));
        mvc.perform(post(PAGE + "/actions/ca-1/verification").with(signedIn(QMR)).with(csrf()).param("effective", "false").param("reason", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"verify-0-reason-error\" class=\"field-error block\">Vui lòng ghi lý do hành động không có hiệu lực.</span>")))
                .andExpect(content().string(containsString("id=\"verify-0-effective-no\" checked=\"checked\"")));
        given(client.command(eq(DANHGIA), anyString(), any())).willThrow(new ServiceProblem(403, "OWN_ACTION",
                "Nobody verifies an action they implemented themselves"));
        mvc.perform(post(PAGE + "/actions/ca-1/verification").with(signedIn(DANHGIA)).with(csrf()).param("effective", "true"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bạn không thể tự xác nhận hiệu lực hành động do chính mình thực hiện.")))
                .andExpect(content().string(containsString("Chi tiết từ hệ thống: Nobody verifies an action they implemented themselves")));
    }

    @Test
    void aVerificationWithoutAVerdictIsMarkedBesideTheChoice() throws Exception {
        nonconformity.put("status", "IMPLEMENTED");
        nonconformity.put("rootCause", "Chưa phân công");
        nonconformity.put("actions", List.of(action("ca-1", "2026-11-28", List.of())));
        given(client.command(eq(QMR), anyString(), any())).willThrow(new ServiceProblem(400, "INVALID_REQUEST", "",
                List.of(new FieldProblem("effective", "NotNull", "must not be null"))));
        mvc.perform(post(PAGE + "/actions/ca-1/verification").with(signedIn(QMR)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"verify-0-effective-error\" class=\"field-error block\">Vui lòng chọn có hiệu lực hoặc không có hiệu lực.</span>")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("effective", null);
        assertThat(sent(QMR, "/api/nonconformities/" + NC + "/actions/ca-1/verification")).isEqualTo(body);
    }

    @Test
    void aClosingBeforeTheVerificationAndAReopeningWithoutAReasonAreMarkedBesideTheirFields() throws Exception {
        nonconformity.put("status", "VERIFIED");
        nonconformity.put("rootCause", "Chưa phân công");
        nonconformity.put("actions", List.of(action("ca-1", "2026-11-28", List.of(effective("2026-11-30")))));
        given(client.command(eq(QMR), eq("/api/nonconformities/" + NC + "/close"), any())).willThrow(new ServiceProblem(422,
                "CLOSED_BEFORE_VERIFICATION", "", List.of(new FieldProblem("closedOn", "CLOSED_BEFORE_VERIFICATION", ""))));
        mvc.perform(post(PAGE + "/closure").with(signedIn(QMR)).with(csrf()).param("closedOn", "29/11/2026"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"close-closedOn-error\" class=\"field-error block\">Ngày đóng không được trước ngày xác nhận hiệu lực gần nhất.</span>")));
        nonconformity.put("status", "CLOSED");
        given(client.command(eq(QMR), eq("/api/nonconformities/" + NC + "/reopen"), any())).willThrow(new ServiceProblem(400,
                "INVALID_REQUEST", "", List.of(new FieldProblem("reason", "NotBlank", "must not be blank"))));
        mvc.perform(post(PAGE + "/reopening").with(signedIn(QMR)).with(csrf()).param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"reopen-reason-error\" class=\"field-error block\">Vui lòng ghi lý do mở lại.</span>")));
        mvc.perform(post(PAGE + "/reopening").param("lang", "en").with(signedIn(QMR)).with(csrf()).param("reason", " "))
                .andExpect(content().string(containsString("<span id=\"reopen-reason-error\" class=\"field-error block\">Say why it is reopened.</span>")));
    }

    @Test
    void noStepWorksWithoutItsCsrfToken() throws Exception {
        mvc.perform(post("/organisations/SLDTBXH-HD/nonconformities").with(signedIn(QMR)).param("description", "x"))
                .andExpect(status().isForbidden());
        for (String path : List.of("/correction", "/root-cause", "/actions", "/actions/ca-1/implementation", "/actions/ca-1/verification",
                "/closure", "/reopening")) {
            mvc.perform(post(PAGE + path).with(signedIn(QMR)).param("reason", "x")).andExpect(status().isForbidden());
        }
        verify(client, never()).command(any(), anyString(), any());
    }

    // ---- fixtures --------------------------------------------------------------------------------------------------

    private org.springframework.test.web.servlet.ResultActions step(SignedInUser user, String path, String... namesAndValues) throws Exception {
        MockHttpServletRequestBuilder request = post(PAGE + path).with(signedIn(user)).with(csrf());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            request.param(namesAndValues[i], namesAndValues[i + 1]);
        }
        return mvc.perform(request).andExpect(redirectedUrl(PAGE));
    }



    private Map<String, Object> sent(SignedInUser user, String path) {
        return SliceTests.sent(client, user, path);
    }

    private static Map<String, Object> detail() {
        Map<String, Object> origin = new LinkedHashMap<>();
        origin.put("source", "MANUAL");
        origin.put("audit", null);
        origin.put("finding", null);
        origin.put("objective", null);
        origin.put("measureId", null);
        origin.put("complaintReference", null);
        Map<String, Object> nc = new LinkedHashMap<>();
        nc.put("nonconformityId", NC);
        nc.put("organisationId", "SLDTBXH-HD");
        nc.put("asOf", "2026-12-02");
        nc.put("status", "RAISED");
        nc.put("raisedOn", "2026-11-20");
        nc.put("closedOn", null);
        nc.put("ageDays", 12);
        nc.put("overdue", false);
        nc.put("severity", "MINOR");
        nc.put("unit", "VP");
        nc.put("clause", "7.5");
        nc.put("clauseTitle", "Thông tin dạng văn bản");
        nc.put("description", "Sổ theo dõi công văn đến không được cập nhật");
        nc.put("origin", origin);
        nc.put("correction", null);
        nc.put("correctedOn", null);
        nc.put("rootCause", null);
        nc.put("rootCauseMethod", null);
        nc.put("analysedOn", null);
        nc.put("actions", List.of());
        nc.put("closures", List.of());
        return nc;
    }

    private static Map<String, Object> action(String id, String implementedOn, List<Map<String, Object>> verifications) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("actionId", id);
        action.put("ownerUnit", "VP");
        action.put("description", "Phân công văn thư cập nhật sổ hằng ngày");
        action.put("dueDate", "2026-12-15");
        action.put("plannedOn", "2026-11-23");
        action.put("implementedOn", implementedOn);
        action.put("evidence", implementedOn == null ? null
                : Map.of("number", "15/QĐ-VP", "date", "2026-11-25", "issuer", "Văn phòng Sở", "title", "Quyết định phân công"));
        action.put("implementationNote", null);
        action.put("overdue", false);
        action.put("overdueRecorded", false);
        action.put("verifications", verifications);
        return action;
    }

    private static Map<String, Object> effective(String on) {
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("effective", true);
        verification.put("reason", null);
        verification.put("verifiedOn", on);
        return verification;
    }

    private static Map<String, Object> closure(String on) {
        Map<String, Object> closure = new LinkedHashMap<>();
        closure.put("closed", true);
        closure.put("on", on);
        closure.put("note", null);
        return closure;
    }

    private static Map<String, Object> listRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("nonconformityId", NC);
        row.put("source", "MANUAL");
        row.put("severity", "MINOR");
        row.put("unit", "VP");
        row.put("clause", "7.5");
        row.put("description", "Sổ theo dõi công văn đến không được cập nhật");
        row.put("raisedOn", "2026-11-20");
        row.put("status", "ACTIONS_PLANNED");
        row.put("closedOn", null);
        row.put("ageDays", 12);
        row.put("overdue", true);
        row.put("overdueActions", 1);
        row.put("actionsPlanned", 1);
        return row;
    }
}
