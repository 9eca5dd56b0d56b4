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
import org.springframework.web.util.UriComponents;
import vn.qualityledger.web.ServiceProblem.FieldProblem;

/**
 * The results reports page over a mocked client: the issued reports as query-service lists them, who is offered the
 * issuing form, what issuing reads and sends (query-service's resolved parameters and hashes, as they are, with the id
 * chosen with the form), each refusal beside its field, the files passed through unchanged, and checking a file.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, Formats.class, ProblemMessages.class, Reads.class})
@TestPropertySource(properties = "quality-ledger.read-wait=PT0S")
class ReportsControllerTest {

    static final SignedInUser THUKY = user("thuky", "Nguyễn Thị Thư", "ISO_SECRETARY", "TK-ISO");
    static final SignedInUser QMR = user("qmr", "Trần Văn Quang", "QMR", "QMR");
    static final SignedInUser NHANVIENVP = user("nhanvienvp", "Phạm Minh Hiếu", "STAFF", "VP");
    static final SignedInUser XEM = user("xem", "Người xem", "VIEWER", null);

    static final String PAGE = "/organisations/SLDTBXH-HD/years/2023/reports";
    static final String DOCX_SHA = "a".repeat(64);
    static final String XLSX_SHA = "b".repeat(64);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QualityLedgerClient client;

    private final List<Map<String, Object>> issued = new ArrayList<>();
    private final List<UriComponents> readsAskedFor = new ArrayList<>();

    @BeforeEach
    void answerReads() {
        given(client.read(any(), any())).willAnswer(invocation -> {
            UriComponents asked = SliceTests.asked(invocation);
            readsAskedFor.add(asked);
            if (asked.getPath().equals("/api/organisations/SLDTBXH-HD/years/2023/reports/issued")) {
                return Map.of("organisationId", "SLDTBXH-HD", "year", 2023, "content", List.copyOf(issued));
            }
            if (asked.getPath().equals("/api/organisations/SLDTBXH-HD/years/2023/reports/results")) {
                return resolved();
            }
            throw new IllegalStateException("unexpected read " + asked.getPath());
        });
    }

    // ---- the list ----------------------------------------------------------------------------------------------------

    @Test
    void theIssuedReportsAreListedAsQueryServiceAnswersWithTheirFilesAndHashes() throws Exception {
        issued.add(issuedRow());
        mvc.perform(get(PAGE).with(signedIn(XEM)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Báo cáo kết quả thực hiện mục tiêu chất lượng năm 2023")))
                .andExpect(content().string(containsString("data-report=\"SLDTBXH-HD.BC-6T\"")))
                .andExpect(content().string(containsString("<strong>215/BC-SLĐTBXH</strong>")))
                .andExpect(content().string(containsString("6 tháng đầu năm")))
                // 2023-06-30T16:59:59.999Z is the end of 30/06/2023 in Asia/Ho_Chi_Minh
                .andExpect(content().string(containsString("30/06/2023 23:59")))
                .andExpect(content().string(containsString("KT. GIÁM ĐỐC")))
                .andExpect(content().string(containsString("Nguyễn Văn An")))
                .andExpect(content().string(containsString("Nguyễn Thị Thư")))
                .andExpect(content().string(containsString("href=\"/reports/SLDTBXH-HD.BC-6T/results.docx\"")))
                .andExpect(content().string(containsString("href=\"/reports/SLDTBXH-HD.BC-6T/results.xlsx\"")))
                .andExpect(content().string(containsString("SHA-256: " + DOCX_SHA)))
                .andExpect(content().string(not(containsString("id=\"issue-form\""))));
    }

    @Test
    void theSecretaryAndTheQmrAreOfferedIssuingAndStaffAndReadersAreNot() throws Exception {
        for (SignedInUser issuer : List.of(THUKY, QMR)) {
            mvc.perform(get(PAGE).with(signedIn(issuer))).andExpect(content().string(containsString("id=\"issue-form\"")));
        }
        for (SignedInUser other : List.of(NHANVIENVP, XEM)) {
            mvc.perform(get(PAGE).with(signedIn(other)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Chưa ban hành báo cáo nào cho năm này.")))
                    .andExpect(content().string(not(containsString("id=\"issue-form\""))));
        }
    }

    // ---- issuing -----------------------------------------------------------------------------------------------------

    @Test
    void issuingSendsQueryServicesResolvedParametersAndHashesWithTheFormsId() throws Exception {
        given(client.command(eq(THUKY), eq("/api/reports/results"), any())).willAnswer(invocation -> {
            issued.add(issuedRow());
            return Map.of("id", "SLDTBXH-HD.BC-6T");
        });
        mvc.perform(post(PAGE).with(signedIn(THUKY)).with(csrf()).param("reportId", "SLDTBXH-HD.BC-6T")
                        .param("kind", "SIX_MONTH").param("cutOffDay", "30/06/2023").param("number", "215/BC-SLĐTBXH")
                        .param("signerAuthority", "KT. GIÁM ĐỐC").param("signerTitle", "PHÓ GIÁM ĐỐC").param("signerName", "Nguyễn Văn An"))
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("notice", "Đã ban hành báo cáo."));
        UriComponents read = readsAskedFor.stream().filter(r -> r.getPath().endsWith("/reports/results")).findFirst().orElseThrow();
        // Vietnamese letters, the slash and the spaces travel encoded; decoded they are what was typed.
        assertThat(decodedQuery(read)).containsEntry("kind", "SIX_MONTH").containsEntry("cutOff", "2023-06-30T16:59:59.999Z")
                .containsEntry("number", "215/BC-SLĐTBXH").containsEntry("signerName", "Nguyễn Văn An")
                .containsEntry("signerAuthority", "KT. GIÁM ĐỐC");
        Map<String, Object> body = sent(THUKY);
        Map<String, Object> expected = new LinkedHashMap<>(resolved());
        expected.put("reportId", "SLDTBXH-HD.BC-6T");
        assertThat(body).isEqualTo(expected);
    }

    @Test
    void aCutOffDayThatIsNoDateIsMarkedBesideItAndNothingIsReadOrSent() throws Exception {
        mvc.perform(post(PAGE).with(signedIn(THUKY)).with(csrf()).param("kind", "ANNUAL").param("cutOffDay", "31/02/2023"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"issue-cutOffDay-error\" class=\"field-error block\">Ngày phải ghi theo dạng")))
                .andExpect(content().string(containsString("value=\"31/02/2023\"")));
        assertThat(readsAskedFor).noneMatch(r -> r.getPath().endsWith("/reports/results"));
        verify(client, never()).command(any(), anyString(), any());
    }

    @Test
    void aCutOffInTheFutureIsRefusedByQueryServiceBesideTheDayInVietnameseAndEnglish() throws Exception {
        org.mockito.BDDMockito.willAnswer(invocation -> {
            UriComponents asked = SliceTests.asked(invocation);
            if (asked.getPath().endsWith("/reports/results")) {
                throw new ServiceProblem(400, "INVALID_PARAMETER", "Invalid parameter: cutOff: must not be in the future",
                        List.of(new FieldProblem("cutOff", "", "must not be in the future")));
            }
            return Map.of("content", List.of());
        }).given(client).read(eq(THUKY), any());
        mvc.perform(post(PAGE).with(signedIn(THUKY)).with(csrf()).param("kind", "ANNUAL").param("cutOffDay", "31/12/2099"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"issue-cutOffDay-error\" class=\"field-error block\">Không chốt được số liệu ở một ngày chưa tới.</span>")));
        mvc.perform(post(PAGE).param("lang", "en").with(signedIn(THUKY)).with(csrf()).param("kind", "ANNUAL").param("cutOffDay", "31/12/2099"))
                .andExpect(content().string(containsString("Figures cannot be cut off at a day still to come.")));
        verify(client, never()).command(any(), anyString(), any());
    }

    @Test
    void aRefusedIssueShowsTheServicesReasonAboveTheForm() throws Exception {
        given(client.command(eq(NHANVIENVP), eq("/api/reports/results"), any())).willThrow(new ServiceProblem(403, "ISSUERS_ONLY",
                "Only the ISO secretary, the QMR or an administrator issues results reports"));
        mvc.perform(post(PAGE).with(signedIn(NHANVIENVP)).with(csrf()).param("kind", "ANNUAL"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Chỉ thư ký ISO, QMR hoặc quản trị hệ thống được ban hành báo cáo.")));
    }

    @Test
    void withoutItsCsrfTokenNothingIsIssued() throws Exception {
        mvc.perform(post(PAGE).with(signedIn(THUKY)).param("kind", "ANNUAL")).andExpect(status().isForbidden());
        verify(client, never()).command(any(), anyString(), any());
    }

    // ---- files -------------------------------------------------------------------------------------------------------

    @Test
    void anIssuedReportsFileIsPassedOnAsQueryServiceServesIt() throws Exception {
        byte[] docx = {80, 75, 3, 4, 1, 2, 3};
        given(client.readFile(eq(XEM), any())).willReturn(new QualityLedgerClient.ServiceFile(docx,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "attachment; filename=\"bao-cao.docx\"", DOCX_SHA));
        mvc.perform(get("/reports/SLDTBXH-HD.BC-6T/results.docx").with(signedIn(XEM)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"bao-cao.docx\""))
                .andExpect(header().string("Report-SHA-256", DOCX_SHA))
                .andExpect(content().bytes(docx));
        mvc.perform(get("/reports/SLDTBXH-HD.BC-6T/results.pdf").with(signedIn(XEM))).andExpect(status().isNotFound());
    }

    @Test
    void aDraftAsOfThePastDayReadsTheReportAtTheEndOfThatDay() throws Exception {
        List<UriComponents> files = new ArrayList<>();
        given(client.readFile(eq(XEM), any())).willAnswer(invocation -> {
            files.add(SliceTests.asked(invocation));
            return new QualityLedgerClient.ServiceFile(new byte[] {1}, "application/octet-stream", null, null);
        });
        mvc.perform(get(PAGE + "/draft.xlsx").param("kind", "SIX_MONTH").param("cutOffDay", "30/06/2023").with(signedIn(XEM)))
                .andExpect(status().isOk());
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.getPath()).isEqualTo("/api/organisations/SLDTBXH-HD/years/2023/reports/results.xlsx");
            assertThat(decodedQuery(f)).containsEntry("kind", "SIX_MONTH").containsEntry("cutOff", "2023-06-30T16:59:59.999Z");
        });
    }

    @Test
    void aFileIsCheckedByQueryServiceAndTheVerdictShown() throws Exception {
        issued.add(issuedRow());
        byte[] file = "PK the docx".getBytes(StandardCharsets.UTF_8);
        given(client.sendFile(XEM, "/api/reports/SLDTBXH-HD.BC-6T/verification", file)).willReturn(Map.of("reportId", "SLDTBXH-HD.BC-6T",
                "number", "215/BC-SLĐTBXH", "verified", true, "issuedAs", "DOCX", "uploadedSha256", DOCX_SHA,
                "recordedDocxSha256", DOCX_SHA, "recordedXlsxSha256", XLSX_SHA));
        mvc.perform(multipart(PAGE + "/verification").file(new MockMultipartFile("file", "bao-cao-6-thang.docx",
                        "application/octet-stream", file)).param("reportId", "SLDTBXH-HD.BC-6T").with(signedIn(XEM)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tệp bao-cao-6-thang.docx đúng là bản DOCX của báo cáo số 215/BC-SLĐTBXH đã ban hành.")));
        mvc.perform(multipart(PAGE + "/verification").param("reportId", "SLDTBXH-HD.BC-6T").with(signedIn(XEM)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Vui lòng chọn tệp cần kiểm tra.")));
    }

    @Test
    void aFileThatIsNotTheIssuedReportIsSaidSo() throws Exception {
        issued.add(issuedRow());
        given(client.sendFile(any(), anyString(), any())).willReturn(Map.of("reportId", "SLDTBXH-HD.BC-6T", "number", "215/BC-SLĐTBXH",
                "verified", false, "uploadedSha256", "c".repeat(64), "recordedDocxSha256", DOCX_SHA, "recordedXlsxSha256", XLSX_SHA));
        mvc.perform(multipart(PAGE + "/verification").file(new MockMultipartFile("file", "sua.docx", "application/octet-stream",
                        new byte[] {9})).param("reportId", "SLDTBXH-HD.BC-6T").with(signedIn(XEM)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tệp sua.docx KHÔNG phải là báo cáo số 215/BC-SLĐTBXH đã ban hành")))
                .andExpect(content().string(containsString("SHA-256 của tệp: " + "c".repeat(64))));
    }

    // ---- fixtures ----------------------------------------------------------------------------------------------------

    private static Map<String, Object> resolved() {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("organisationId", "SLDTBXH-HD");
        issue.put("year", 2023);
        issue.put("kind", "SIX_MONTH");
        issue.put("cutOff", "2023-06-30T16:59:59.999Z");
        issue.put("number", "215/BC-SLĐTBXH");
        issue.put("organisationName", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI");
        issue.put("parentName", "UBND TỈNH HẢI DƯƠNG");
        issue.put("place", "Hải Dương");
        issue.put("signerAuthority", "KT. GIÁM ĐỐC");
        issue.put("signerTitle", "PHÓ GIÁM ĐỐC");
        issue.put("signerName", "Nguyễn Văn An");
        issue.put("recipients", List.of("UBND tỉnh;", "Lưu: VT."));
        issue.put("docxSha256", DOCX_SHA);
        issue.put("xlsxSha256", XLSX_SHA);
        issue.put("generator", "quality-ledger results report 1; Apache POI 5");
        issue.put("checkpointTreeSize", 1234); // the checkpoint both files printed: the issue records it
        return issue;
    }

    private static Map<String, Object> issuedRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reportId", "SLDTBXH-HD.BC-6T");
        row.put("organisationId", "SLDTBXH-HD");
        row.put("year", 2023);
        row.put("kind", "SIX_MONTH");
        row.put("cutOff", "2023-06-30T16:59:59.999Z");
        row.put("number", "215/BC-SLĐTBXH");
        row.put("signerAuthority", "KT. GIÁM ĐỐC");
        row.put("signerTitle", "PHÓ GIÁM ĐỐC");
        row.put("signerName", "Nguyễn Văn An");
        row.put("docxSha256", DOCX_SHA);
        row.put("xlsxSha256", XLSX_SHA);
        row.put("issuedOn", "2026-12-02");
        row.put("issuedBy", "thuky");
        row.put("issuedByName", "Nguyễn Thị Thư");
        return row;
    }

    private static Map<String, String> decodedQuery(UriComponents asked) {
        Map<String, String> query = new LinkedHashMap<>();
        asked.getQueryParams().toSingleValueMap().forEach((name, value) -> query.put(name, java.net.URLDecoder.decode(value, StandardCharsets.UTF_8)));
        return query;
    }

    private Map<String, Object> sent(SignedInUser user) {
        return SliceTests.sent(client, user, "/api/reports/results");
    }


}
