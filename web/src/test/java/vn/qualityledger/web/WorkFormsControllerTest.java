package vn.qualityledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponents;
import vn.qualityledger.web.ServiceProblem.FieldProblem;
import vn.qualityledger.web.files.FileSizes;

/**
 * The work forms over a mocked client — filing evidence, the review queue, assignment — and the auditor's history and
 * past state: what each form sends, how a service's refusal reads (each failing field beside it, in Vietnamese), which
 * forms each user is offered, and that none works without its CSRF token.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, Formats.class, ProblemMessages.class, Reads.class, FileSizes.class})
@TestPropertySource(properties = "quality-ledger.read-wait=PT0S")
class WorkFormsControllerTest {

    static final SignedInUser NHANVIENVP = user("nhanvienvp", "Phạm Minh Hiếu", "STAFF", "VP");
    static final SignedInUser NHANVIENKHTC = user("nhanvienkhtc", "Trần Văn Nam", "STAFF", "P-KHTC");
    static final SignedInUser TRUONGVP = user("truongvp", "Lê Thị Vân", "UNIT_HEAD", "VP");
    static final SignedInUser QMR = user("qmr", "Trần Văn Quang", "QMR", "QMR");
    static final SignedInUser THUKY = user("thuky", "Nguyễn Thị Thư", "ISO_SECRETARY", "TK-ISO");
    static final SignedInUser DANHGIA = user("danhgia", "Đỗ Thị Đào", "AUDITOR", "TO-ISO");

    static final String OBJECTIVE = "SLDTBXH-HD.MTCL-2023-01";
    static final String OCCURRENCE = "I.6@2023-05-14";
    static final String OCCURRENCE_PAGE = "/objectives/" + OBJECTIVE + "/occurrences/" + OCCURRENCE;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QualityLedgerClient client;

    /** The evidence rows of the objective's state, as the test sets them. */
    private final List<Map<String, Object>> evidence = new ArrayList<>();
    /** Every read asked for, as path?query. */
    private final List<String> readsAskedFor = new ArrayList<>();

    @BeforeEach
    void answerReads() {
        given(client.read(any(), any())).willAnswer(invocation -> {
            UriComponents asked = SliceTests.asked(invocation);
            readsAskedFor.add(asked.getPath() + "?" + asked.getQuery());
            return answer(asked);
        });
    }

    // ---- filing evidence -------------------------------------------------------------------------------------------

    @Test
    void theUnitsStaffAreOfferedTheEvidenceFormWithItsCsrfToken() throws Exception {
        mvc.perform(get(OCCURRENCE_PAGE).with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"evidence-form\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng")))
                .andExpect(content().string(containsString("14/05/2023")))
                .andExpect(content().string(containsString("Quá hạn")))
                .andExpect(content().string(not(containsString("id=\"assign-occurrence\""))));
    }

    @Test
    void staffOfAnotherUnitAreNotOfferedTheForm() throws Exception {
        mvc.perform(get(OCCURRENCE_PAGE).with(signedIn(NHANVIENKHTC)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"evidence-form\""))))
                .andExpect(content().string(containsString("Việc này không thuộc đơn vị của bạn nên bạn không nộp minh chứng")));
    }

    @Test
    void aFilingSendsTheDocumentWithTheFormsEvidenceIdAndGoesBackToTheOccurrence() throws Exception {
        given(client.command(eq(NHANVIENVP), anyString(), any())).willReturn(Map.of("id", "ev-form-1"));
        mvc.perform(post(OCCURRENCE_PAGE + "/evidence").with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-form-1").param("number", " 512/BC-SLĐTBXH ").param("date", "12/5/2023")
                        .param("issuer", "Văn phòng Sở").param("title", "Báo cáo 6 tháng").param("link", ""))
                .andExpect(redirectedUrl(OCCURRENCE_PAGE))
                .andExpect(flash().attribute("notice", "Đã nộp minh chứng số 512/BC-SLĐTBXH. Minh chứng đang chờ đơn vị theo dõi duyệt."));
        Map<String, Object> body = sent(NHANVIENVP, "/api/objectives/" + OBJECTIVE + "/evidence");
        assertThat(body).containsEntry("evidenceId", "ev-form-1").containsEntry("occurrenceId", OCCURRENCE);
        assertThat(body.get("document")).isEqualTo(Map.of("number", "512/BC-SLĐTBXH", "date", "2023-05-12",
                "issuer", "Văn phòng Sở", "title", "Báo cáo 6 tháng"));
    }

    @Test
    void aRefusedFilingShowsEachFailingFieldInVietnameseBesideItAndKeepsWhatWasTyped() throws Exception {
        given(client.command(eq(NHANVIENVP), anyString(), any())).willThrow(new ServiceProblem(400, "INVALID_REQUEST",
                "The request has invalid fields", List.of(new FieldProblem("document.number", "NotBlank", "must not be blank"),
                new FieldProblem("document.link", "Pattern", "must be an http or https URL"))));
        mvc.perform(post(OCCURRENCE_PAGE + "/evidence").with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-form-2").param("number", "").param("date", "12/05/2023")
                        .param("issuer", "Văn phòng Sở").param("title", "Báo cáo 6 tháng").param("link", "ftp://vp"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Chưa nộp được: vui lòng sửa các mục được đánh dấu bên dưới.")))
                .andExpect(content().string(containsString("<span id=\"number-error\" class=\"field-error block\">Vui lòng nhập mục này.</span>")))
                .andExpect(content().string(containsString("<span id=\"link-error\" class=\"field-error block\">Đường dẫn phải bắt đầu bằng http:// hoặc https://")))
                .andExpect(content().string(containsString("aria-describedby=\"number-hint number-error\" aria-invalid=\"true\"")))
                .andExpect(content().string(not(containsString("id=\"date-error\""))))
                .andExpect(content().string(containsString("value=\"Văn phòng Sở\"")))
                .andExpect(content().string(containsString("value=\"ftp://vp\"")))
                // The same form again carries the same evidence id: sending it twice files it once.
                .andExpect(content().string(containsString("name=\"evidenceId\" value=\"ev-form-2\"")));
    }

    @Test
    void aDateThatIsNoDateIsSaidSoBesideTheDate() throws Exception {
        given(client.command(eq(NHANVIENVP), anyString(), any())).willThrow(new ServiceProblem(400, "INVALID_REQUEST", "",
                List.of(new FieldProblem("document.date", "NotNull", "must not be null"))));
        mvc.perform(post(OCCURRENCE_PAGE + "/evidence").with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-form-3").param("number", "1/BC").param("date", "31/02/2023")
                        .param("issuer", "VP").param("title", "Báo cáo"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ngày phải ghi theo dạng ngày/tháng/năm, ví dụ 12/05/2023.")))
                .andExpect(content().string(not(containsString("Vui lòng nhập mục này."))))
                .andExpect(content().string(containsString("value=\"31/02/2023\"")));
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) sent(NHANVIENVP, "/api/objectives/" + OBJECTIVE + "/evidence").get("document");
        assertThat(document).containsEntry("date", null);
    }

    @Test
    void aBrokenRuleIsShownBesideTheFieldItNames() throws Exception {
        given(client.command(eq(NHANVIENVP), anyString(), any())).willThrow(new ServiceProblem(422, "DOCUMENT_DATED_AFTER_SUBMISSION",
                "A document cannot be dated after the day it is submitted",
                List.of(new FieldProblem("document.date", "DOCUMENT_DATED_AFTER_SUBMISSION", "A document cannot be dated after the day it is submitted"))));
        mvc.perform(post(OCCURRENCE_PAGE + "/evidence").with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-form-4").param("number", "1/BC").param("date", "01/01/2099")
                        .param("issuer", "VP").param("title", "Báo cáo"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"date-error\" class=\"field-error block\">Ngày văn bản không được sau ngày nộp (hôm nay).</span>")));
    }

    @Test
    void aForbiddenFilingShowsTheServicesReasonAboveTheForm() throws Exception {
        given(client.command(eq(NHANVIENVP), anyString(), any())).willThrow(new ServiceProblem(403, "NOT_YOUR_UNITS_WORK",
                "You file evidence only for your own unit's work"));
        mvc.perform(post(OCCURRENCE_PAGE + "/evidence").with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-form-5").param("number", "1/BC").param("date", "12/05/2023")
                        .param("issuer", "VP").param("title", "Báo cáo"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("id=\"form-error\"")))
                .andExpect(content().string(containsString("Việc này không thuộc đơn vị của bạn.")))
                .andExpect(content().string(containsString("Chi tiết từ hệ thống: You file evidence only for your own unit&#39;s work")));
    }

    @Test
    void aRefusedFilingReadsInEnglishOnRequest() throws Exception {
        given(client.command(eq(NHANVIENVP), anyString(), any())).willThrow(new ServiceProblem(400, "INVALID_REQUEST", "",
                List.of(new FieldProblem("document.title", "NotBlank", "must not be blank"))));
        mvc.perform(post(OCCURRENCE_PAGE + "/evidence").param("lang", "en").with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-form-6").param("number", "1/BC").param("date", "12/05/2023").param("issuer", "VP").param("title", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"title-error\" class=\"field-error block\">Please fill this in.</span>")));
    }

    @Test
    void aRejectedFilingShowsItsReasonAndTheNewFilingStartsFromItUnderANewId() throws Exception {
        evidence.add(evidenceRow("ev-rejected", "REJECTED", "Thiếu chữ ký của lãnh đạo"));
        mvc.perform(get(OCCURRENCE_PAGE).with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bị từ chối ngày 03/12/2026. Lý do: Thiếu chữ ký của lãnh đạo")))
                .andExpect(content().string(containsString("Nộp minh chứng mới")))
                .andExpect(content().string(containsString("value=\"512/BC-SLĐTBXH\"")))
                .andExpect(content().string(containsString("value=\"12/05/2023\"")))
                .andExpect(content().string(containsString("name=\"evidenceId\" value=\"ev-")))
                .andExpect(content().string(not(containsString("name=\"evidenceId\" value=\"ev-rejected\""))));
    }

    @Test
    void filingWithoutTheCsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        mvc.perform(post(OCCURRENCE_PAGE + "/evidence").with(signedIn(NHANVIENVP)).param("number", "1/BC"))
                .andExpect(status().isForbidden());
        verify(client, never()).command(any(), anyString(), any());
    }

    // ---- filing evidence with a file -------------------------------------------------------------------------------

    static final String SHA256 = "5b2c0b1b3c7f64c0a7fe2cbd1f1e3d2a9f0a6d1e4b8c7a6f5e4d3c2b1a09f8e7";
    static final byte[] PDF = "%PDF-1.4\n% Báo cáo 6 tháng\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static Map<String, Object> storedFile(String name) {
        return OccurrenceController.fileReference(SHA256, name, 2560, "application/pdf");
    }

    @Test
    void theEvidenceFormSendsAFileAsMultipartWithItsCsrfToken() throws Exception {
        mvc.perform(get(OCCURRENCE_PAGE).with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
                .andExpect(content().string(containsString("<label for=\"file\">Tệp minh chứng (không bắt buộc)</label>")))
                .andExpect(content().string(containsString("type=\"file\" id=\"file\" name=\"file\"")))
                .andExpect(content().string(not(containsString("id=\"kept-file\""))));
    }

    @Test
    void aFilingWithAFileUploadsItThenCitesWhatTheUploadAnswered() throws Exception {
        given(client.upload(eq(NHANVIENVP), eq("Báo cáo 6 tháng.pdf"), eq("application/pdf"), eq((long) PDF.length), any()))
                .willReturn(storedFile("Báo cáo 6 tháng.pdf"));
        given(client.command(eq(NHANVIENVP), anyString(), any())).willReturn(Map.of("id", "ev-file-1"));

        mvc.perform(multipart(OCCURRENCE_PAGE + "/evidence").file(new MockMultipartFile("file", "Báo cáo 6 tháng.pdf", "application/pdf", PDF))
                        .with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-file-1").param("number", "512/BC-SLĐTBXH").param("date", "12/05/2023")
                        .param("issuer", "Văn phòng Sở").param("title", "Báo cáo 6 tháng"))
                .andExpect(redirectedUrl(OCCURRENCE_PAGE));

        ArgumentCaptor<org.springframework.core.io.InputStreamSource> content = ArgumentCaptor.forClass(org.springframework.core.io.InputStreamSource.class);
        verify(client).upload(eq(NHANVIENVP), eq("Báo cáo 6 tháng.pdf"), eq("application/pdf"), eq((long) PDF.length), content.capture());
        assertThat(content.getValue().getInputStream().readAllBytes()).isEqualTo(PDF);
        Map<String, Object> body = sent(NHANVIENVP, "/api/objectives/" + OBJECTIVE + "/evidence");
        assertThat(body).containsEntry("evidenceId", "ev-file-1").containsEntry("file", storedFile("Báo cáo 6 tháng.pdf"));
    }

    @Test
    void aFilingWithoutAFileSendsNoFileAndUploadsNothing() throws Exception {
        given(client.command(eq(NHANVIENVP), anyString(), any())).willReturn(Map.of("id", "ev-file-2"));
        mvc.perform(multipart(OCCURRENCE_PAGE + "/evidence").file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
                        .with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-file-2").param("number", "1/BC").param("date", "12/05/2023")
                        .param("issuer", "VP").param("title", "Báo cáo"))
                .andExpect(redirectedUrl(OCCURRENCE_PAGE));
        verify(client, never()).upload(any(), any(), any(), org.mockito.ArgumentMatchers.anyLong(), any());
        assertThat(sent(NHANVIENVP, "/api/objectives/" + OBJECTIVE + "/evidence")).doesNotContainKey("file");
    }

    @Test
    void anUploadTheServiceRefusesIsShownBesideTheFileAndNothingIsFiled() throws Exception {
        given(client.upload(eq(NHANVIENVP), anyString(), any(), org.mockito.ArgumentMatchers.anyLong(), any()))
                .willThrow(new ServiceProblem(415, "UNSUPPORTED_FILE_TYPE", "must be one of these kinds of document: pdf, doc",
                        List.of(new FieldProblem("file", "FileType", "must be one of these kinds of document: pdf, doc"),
                                new FieldProblem("file", "UNSUPPORTED_FILE_TYPE", "must be one of these kinds of document: pdf, doc"))));
        mvc.perform(multipart(OCCURRENCE_PAGE + "/evidence").file(new MockMultipartFile("file", "setup.exe", "application/octet-stream", new byte[] {'M', 'Z'}))
                        .with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-file-3").param("number", "512/BC-SLĐTBXH").param("date", "12/05/2023")
                        .param("issuer", "Văn phòng Sở").param("title", "Báo cáo 6 tháng"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().string(containsString(
                        "<span id=\"file-error\" class=\"field-error block\">Chỉ nhận tệp PDF, Word, Excel, OpenDocument, ảnh JPG hoặc PNG.</span>")))
                .andExpect(content().string(containsString("aria-describedby=\"file-hint file-error\" aria-invalid=\"true\"")))
                .andExpect(content().string(containsString("Hệ thống không nhận loại tệp này.")))
                .andExpect(content().string(containsString("value=\"512/BC-SLĐTBXH\"")))
                .andExpect(content().string(containsString("name=\"evidenceId\" value=\"ev-file-3\"")));
        verify(client, never()).command(any(), anyString(), any());
    }

    @Test
    void aFileOverTheLimitIsShownBesideTheFileInEnglishOnRequest() throws Exception {
        given(client.upload(eq(NHANVIENVP), anyString(), any(), org.mockito.ArgumentMatchers.anyLong(), any()))
                .willThrow(new ServiceProblem(413, "FILE_TOO_LARGE", "must be at most 20971520 bytes; this file has 31457280",
                        List.of(new FieldProblem("file", "MaxSize", "must be at most 20971520 bytes; this file has 31457280"))));
        mvc.perform(multipart(OCCURRENCE_PAGE + "/evidence").file(new MockMultipartFile("file", "Ảnh chụp.jpg", "image/jpeg", new byte[] {1}))
                        .param("lang", "en").with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-file-4").param("number", "1/BC").param("date", "12/05/2023").param("issuer", "VP").param("title", "Báo cáo"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("<span id=\"file-error\" class=\"field-error block\">The file is larger than the system takes.</span>")))
                .andExpect(content().string(containsString("must be at most 20971520 bytes; this file has 31457280")));
        verify(client, never()).command(any(), anyString(), any());
    }

    @Test
    void aFilingRefusedAfterItsUploadKeepsTheUploadedFileForTheNextTry() throws Exception {
        given(client.upload(eq(NHANVIENVP), anyString(), any(), org.mockito.ArgumentMatchers.anyLong(), any()))
                .willReturn(storedFile("Báo cáo 6 tháng.pdf"));
        given(client.command(eq(NHANVIENVP), anyString(), any())).willThrow(new ServiceProblem(400, "INVALID_REQUEST", "",
                List.of(new FieldProblem("document.number", "NotBlank", "must not be blank"))));
        mvc.perform(multipart(OCCURRENCE_PAGE + "/evidence").file(new MockMultipartFile("file", "Báo cáo 6 tháng.pdf", "application/pdf", PDF))
                        .with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-file-5").param("number", "").param("date", "12/05/2023")
                        .param("issuer", "Văn phòng Sở").param("title", "Báo cáo 6 tháng"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"number-error\"")))
                .andExpect(content().string(containsString("Nộp kèm tệp đã tải lên: Báo cáo 6 tháng.pdf (2,5 KB)")))
                .andExpect(content().string(containsString("name=\"keepFile\" value=\"true\" id=\"keepFile\" checked")))
                .andExpect(content().string(containsString("name=\"keptSha256\" value=\"" + SHA256 + "\"")));
    }

    @Test
    void aFilingAfterARejectionKeepsTheRejectedFilingsFileUnlessUnticked() throws Exception {
        Map<String, Object> rejected = evidenceRow("ev-rejected", "REJECTED", "Thiếu chữ ký của lãnh đạo");
        rejected.put("file", storedFile("Báo cáo 6 tháng (chưa ký).pdf"));
        evidence.add(rejected);
        mvc.perform(get(OCCURRENCE_PAGE).with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/objectives/" + OBJECTIVE + "/evidence/ev-rejected/file\"")))
                .andExpect(content().string(containsString(">Báo cáo 6 tháng (chưa ký).pdf</a>")))
                .andExpect(content().string(containsString("<span class=\"file-size\">2,5 KB</span>")))
                .andExpect(content().string(containsString("<code class=\"file-sha256\">" + SHA256 + "</code>")))
                .andExpect(content().string(containsString("Nộp kèm tệp đã tải lên: Báo cáo 6 tháng (chưa ký).pdf (2,5 KB)")));

        given(client.command(eq(NHANVIENVP), anyString(), any())).willReturn(Map.of("id", "ev-again"));
        mvc.perform(multipart(OCCURRENCE_PAGE + "/evidence").with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-again").param("number", "512/BC-SLĐTBXH").param("date", "12/05/2023")
                        .param("issuer", "Văn phòng Sở").param("title", "Báo cáo 6 tháng").param("keepFile", "true")
                        .param("keptSha256", SHA256).param("keptName", "Báo cáo 6 tháng (chưa ký).pdf").param("keptSize", "2560")
                        .param("keptContentType", "application/pdf"))
                .andExpect(redirectedUrl(OCCURRENCE_PAGE));
        assertThat(sent(NHANVIENVP, "/api/objectives/" + OBJECTIVE + "/evidence"))
                .containsEntry("file", OccurrenceController.fileReference(SHA256, "Báo cáo 6 tháng (chưa ký).pdf", 2560L, "application/pdf"));
        verify(client, never()).upload(any(), any(), any(), org.mockito.ArgumentMatchers.anyLong(), any());
    }

    @Test
    void anUntickedKeptFileIsNotCited() throws Exception {
        given(client.command(eq(NHANVIENVP), anyString(), any())).willReturn(Map.of("id", "ev-without"));
        mvc.perform(multipart(OCCURRENCE_PAGE + "/evidence").with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-without").param("number", "1/BC").param("date", "12/05/2023").param("issuer", "VP")
                        .param("title", "Báo cáo").param("keptSha256", SHA256).param("keptName", "x.pdf").param("keptSize", "2560")
                        .param("keptContentType", "application/pdf"))
                .andExpect(redirectedUrl(OCCURRENCE_PAGE));
        assertThat(sent(NHANVIENVP, "/api/objectives/" + OBJECTIVE + "/evidence")).doesNotContainKey("file");
    }

    @Test
    void aFileCitedThatTheServiceDoesNotKnowIsShownBesideTheFile() throws Exception {
        given(client.command(eq(NHANVIENVP), anyString(), any())).willThrow(new ServiceProblem(404, "FILE_NOT_FOUND",
                "No file was uploaded by your organisation", List.of(new FieldProblem("file.sha256", "FILE_NOT_FOUND", "No file"))));
        mvc.perform(multipart(OCCURRENCE_PAGE + "/evidence").with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-unknown").param("number", "1/BC").param("date", "12/05/2023").param("issuer", "VP")
                        .param("title", "Báo cáo").param("keepFile", "true").param("keptSha256", SHA256).param("keptName", "x.pdf")
                        .param("keptSize", "2560").param("keptContentType", "application/pdf"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("<span id=\"file-error\" class=\"field-error block\">Không tìm thấy tệp này trong các tệp cơ quan bạn đã tải lên. Vui lòng chọn lại tệp.</span>")));
    }

    @Test
    void aFilingWithAFileWithoutTheCsrfTokenUploadsNothing() throws Exception {
        mvc.perform(multipart(OCCURRENCE_PAGE + "/evidence").file(new MockMultipartFile("file", "Báo cáo.pdf", "application/pdf", PDF))
                        .with(signedIn(NHANVIENVP)).param("number", "1/BC"))
                .andExpect(status().isForbidden());
        verify(client, never()).upload(any(), any(), any(), org.mockito.ArgumentMatchers.anyLong(), any());
        verify(client, never()).command(any(), anyString(), any());
    }

    @Test
    void theQueueShowsEachFilingsFileWithItsSizeHashAndDownloadLink() throws Exception {
        Map<String, Object> waiting = evidenceRow("ev-waiting", "SUBMITTED", null);
        waiting.put("file", storedFile("Báo cáo 6 tháng.pdf"));
        evidence.add(waiting);
        mvc.perform(get("/review").with(signedIn(QMR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/objectives/" + OBJECTIVE + "/evidence/ev-waiting/file\"")))
                .andExpect(content().string(containsString(">Báo cáo 6 tháng.pdf</a>")))
                .andExpect(content().string(containsString("<span class=\"file-size\">2,5 KB</span>")))
                .andExpect(content().string(containsString("<code class=\"file-sha256\">" + SHA256 + "</code>")));
    }

    @Test
    void aDownloadStreamsTheFileWithTheServicesHeaders() throws Exception {
        willAnswer(invocation -> {
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            headers.set("Content-Type", "application/pdf");
            headers.set("Content-Length", Integer.toString(PDF.length));
            headers.set("Content-Disposition", "attachment; filename=\"Bao cao.pdf\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.pdf");
            headers.set("Repr-Digest", "sha-256=:W2wLGzx/ZMCn/iy9Hx49Kp8KbR5LjHpvXk08KxoJ+Oc=:");
            headers.set("X-Internal", "not passed on");
            invocation.<QualityLedgerClient.FileSink>getArgument(2).accept(headers, new java.io.ByteArrayInputStream(PDF));
            return null;
        }).given(client).download(eq(QMR), eq("/api/objectives/" + OBJECTIVE + "/evidence/ev-waiting/file"), any());

        byte[] body = mvc.perform(get("/objectives/" + OBJECTIVE + "/evidence/ev-waiting/file").with(signedIn(QMR)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"Bao cao.pdf\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.pdf"))
                .andExpect(header().string("Repr-Digest", "sha-256=:W2wLGzx/ZMCn/iy9Hx49Kp8KbR5LjHpvXk08KxoJ+Oc=:"))
                .andExpect(header().doesNotExist("X-Internal"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body).isEqualTo(PDF);
    }

    @Test
    void aDownloadTheServiceRefusesIsAReadableErrorPage() throws Exception {
        willAnswer(invocation -> {
            throw new ServiceProblem(403, "FORBIDDEN", "You read only your own organisation's data (SLDTBXH-HD)");
        }).given(client).download(eq(NHANVIENVP), anyString(), any());
        mvc.perform(get("/objectives/SYT-HD.MTCL-2023-01/evidence/ev-1/file").with(signedIn(NHANVIENVP)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bạn không có quyền xem nội dung này.")));
    }

    // ---- the review queue ------------------------------------------------------------------------------------------

    @Test
    void theQueueListsEvidenceAwaitingReviewAndOffersDecisionsToMonitorsOnly() throws Exception {
        evidence.add(evidenceRow("ev-waiting", "SUBMITTED", null));
        mvc.perform(get("/review").with(signedIn(QMR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-evidence=\"ev-waiting\"")))
                .andExpect(content().string(containsString("Văn bản số 512/BC-SLĐTBXH ngày 12/05/2023")))
                .andExpect(content().string(containsString("Tôi được duyệt (1)")))
                .andExpect(content().string(containsString("action=\"/objectives/" + OBJECTIVE + "/evidence/ev-waiting/acceptance\"")))
                .andExpect(content().string(containsString("action=\"/objectives/" + OBJECTIVE + "/evidence/ev-waiting/rejection\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/review").param("view", "all").with(signedIn(TRUONGVP)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-evidence=\"ev-waiting\"")))
                .andExpect(content().string(containsString("Tôi được duyệt (0)")))
                .andExpect(content().string(not(containsString("/acceptance\""))))
                .andExpect(content().string(containsString("Đơn vị của bạn không theo dõi biện pháp này")));
        // One read of the evidence register's queue; no board scan, no replay of an objective's state.
        assertThat(readsAskedFor).anyMatch(read -> read.startsWith("/api/evidence?organisationId=SLDTBXH-HD&status=SUBMITTED&asOf="))
                .noneMatch(read -> read.startsWith("/api/occurrences")).noneMatch(read -> read.contains("/state"))
                .noneMatch(read -> read.contains("/plan"));
    }

    @Test
    void aRejectionWithoutAReasonShowsTheServicesRuleBesideTheReason() throws Exception {
        evidence.add(evidenceRow("ev-waiting", "SUBMITTED", null));
        given(client.command(eq(QMR), anyString(), any())).willThrow(new ServiceProblem(400, "INVALID_REQUEST", "",
                List.of(new FieldProblem("reason", "NotBlank", "must not be blank"))));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/evidence/ev-waiting/rejection").with(signedIn(QMR)).with(csrf())
                        .param("occurrenceId", OCCURRENCE).param("reason", "  "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"reason-error-0\">Vui lòng ghi lý do từ chối để đơn vị biết cần bổ sung gì.</span>")))
                .andExpect(content().string(containsString("aria-describedby=\"reason-error-0\" aria-invalid=\"true\"")));
        assertThat(sent(QMR, "/api/objectives/" + OBJECTIVE + "/evidence/ev-waiting/rejection")).isEqualTo(Map.of("reason", ""));
    }

    @Test
    void anImplausibleEffectiveDateIsShownBesideItWithWhatWasTyped() throws Exception {
        evidence.add(evidenceRow("ev-waiting", "SUBMITTED", null));
        given(client.command(eq(QMR), anyString(), any())).willThrow(new ServiceProblem(422, "EFFECTIVE_DATE_IMPLAUSIBLE",
                "An acceptance takes effect between the document's date (2023-05-12) and the day of acceptance (2026-12-02)",
                List.of(new FieldProblem("effectiveOn", "EFFECTIVE_DATE_IMPLAUSIBLE", ""))));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/evidence/ev-waiting/acceptance").with(signedIn(QMR)).with(csrf())
                        .param("occurrenceId", OCCURRENCE).param("effectiveOn", "01/01/2023"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"effectiveOn-0-error\" class=\"field-error block\">Ngày công nhận phải từ ngày của văn bản đến hôm nay.</span>")))
                .andExpect(content().string(containsString("value=\"01/01/2023\"")));
        assertThat(sent(QMR, "/api/objectives/" + OBJECTIVE + "/evidence/ev-waiting/acceptance")).isEqualTo(Map.of("effectiveOn", "2023-01-01"));
    }

    @Test
    void anEffectiveDateThatIsNoDateIsNotSent() throws Exception {
        evidence.add(evidenceRow("ev-waiting", "SUBMITTED", null));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/evidence/ev-waiting/acceptance").with(signedIn(QMR)).with(csrf())
                        .param("occurrenceId", OCCURRENCE).param("effectiveOn", "hôm qua"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"effectiveOn-0-error\" class=\"field-error block\">Ngày phải ghi theo dạng ngày/tháng/năm")));
        verify(client, never()).command(any(), anyString(), any());
    }

    @Test
    void anAcceptanceWithoutADateTakesTodayAndGoesBackToTheQueue() throws Exception {
        given(client.command(eq(QMR), anyString(), any())).willReturn(Map.of("id", "ev-waiting"));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/evidence/ev-waiting/acceptance").with(signedIn(QMR)).with(csrf())
                        .param("occurrenceId", OCCURRENCE).param("effectiveOn", ""))
                .andExpect(redirectedUrl("/review?view=mine"))
                .andExpect(flash().attribute("notice", "Đã chấp nhận minh chứng ev-waiting."));
        assertThat(sent(QMR, "/api/objectives/" + OBJECTIVE + "/evidence/ev-waiting/acceptance")).isEmpty();
    }

    @Test
    void aDecisionTheServiceRefusesShowsItsReasonOnTheEvidence() throws Exception {
        evidence.add(evidenceRow("ev-waiting", "SUBMITTED", null));
        given(client.command(eq(QMR), anyString(), any())).willThrow(new ServiceProblem(403, "OWN_EVIDENCE",
                "Nobody reviews evidence they submitted themselves"));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/evidence/ev-waiting/rejection").with(signedIn(QMR)).with(csrf())
                        .param("occurrenceId", OCCURRENCE).param("reason", "Thiếu chữ ký"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("id=\"review-error\"")))
                .andExpect(content().string(containsString("Bạn không thể tự duyệt minh chứng do chính mình nộp.")))
                .andExpect(content().string(containsString("Chi tiết từ hệ thống: Nobody reviews evidence they submitted themselves")))
                .andExpect(content().string(containsString("Thiếu chữ ký</textarea>")));
    }

    @Test
    void decisionsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/objectives/" + OBJECTIVE + "/evidence/ev-waiting/acceptance").with(signedIn(QMR))
                .param("occurrenceId", OCCURRENCE)).andExpect(status().isForbidden());
        mvc.perform(post("/objectives/" + OBJECTIVE + "/evidence/ev-waiting/rejection").with(signedIn(QMR))
                .param("occurrenceId", OCCURRENCE).param("reason", "x")).andExpect(status().isForbidden());
        verify(client, never()).command(any(), anyString(), any());
    }

    @Test
    void theQueueNamesWhoFiledEachPieceAndOffersNoDecisionOnOnesOwnFiling() throws Exception {
        evidence.add(evidenceRow("ev-by-staff", "SUBMITTED", null));
        evidence.add(evidenceRow("ev-by-qmr", "SUBMITTED", null, "qmr", "Trần Văn Quang"));
        mvc.perform(get("/review").param("view", "all").with(signedIn(QMR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<dd class=\"submitted-by\">Phạm Minh Hiếu</dd>")))
                .andExpect(content().string(containsString("<dd class=\"submitted-by\">Trần Văn Quang</dd>")))
                .andExpect(content().string(containsString("/evidence/ev-by-staff/acceptance\"")))
                .andExpect(content().string(not(containsString("/evidence/ev-by-qmr/acceptance\""))))
                .andExpect(content().string(not(containsString("/evidence/ev-by-qmr/rejection\""))))
                .andExpect(content().string(containsString("Bạn là người nộp minh chứng này nên không tự duyệt")))
                // Only the other's filing counts as the QMR's to review.
                .andExpect(content().string(containsString("Tôi được duyệt (1)")));
    }

    @Test
    void evidenceProjectedBeforeFilersWereKeptSaysTheFilerIsNotKnown() throws Exception {
        evidence.add(evidenceRow("ev-old", "SUBMITTED", null, null, null));
        mvc.perform(get("/review").with(signedIn(QMR)))
                .andExpect(content().string(containsString("Chưa rõ (ghi nhận trước khi hệ thống lưu người nộp)")))
                .andExpect(content().string(containsString("/evidence/ev-old/acceptance\"")));
    }

    @Test
    void theDaysOfADecisionAreSentAsTyped() throws Exception {
        given(client.command(eq(QMR), anyString(), any())).willReturn(Map.of("id", "ev-waiting"));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/evidence/ev-waiting/acceptance").with(signedIn(QMR)).with(csrf())
                        .param("occurrenceId", OCCURRENCE).param("acceptedOn", "20/5/2023").param("effectiveOn", "12/05/2023"))
                .andExpect(redirectedUrl("/review?view=mine"));
        assertThat(sent(QMR, "/api/objectives/" + OBJECTIVE + "/evidence/ev-waiting/acceptance"))
                .isEqualTo(Map.of("acceptedOn", "2023-05-20", "effectiveOn", "2023-05-12"));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/evidence/ev-other/rejection").with(signedIn(QMR)).with(csrf())
                        .param("occurrenceId", OCCURRENCE).param("reason", "Thiếu chữ ký").param("rejectedOn", "19/05/2023"))
                .andExpect(redirectedUrl("/review?view=mine"));
        assertThat(sent(QMR, "/api/objectives/" + OBJECTIVE + "/evidence/ev-other/rejection"))
                .isEqualTo(Map.of("reason", "Thiếu chữ ký", "rejectedOn", "2023-05-19"));
    }

    @Test
    void aDecisionDatedInTheFutureIsShownBesideItsDay() throws Exception {
        evidence.add(evidenceRow("ev-waiting", "SUBMITTED", null));
        given(client.command(eq(QMR), anyString(), any())).willThrow(new ServiceProblem(422, "DATED_IN_THE_FUTURE",
                "rejectedOn 2099-01-01 is after today", List.of(new FieldProblem("rejectedOn", "DATED_IN_THE_FUTURE", ""))));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/evidence/ev-waiting/rejection").with(signedIn(QMR)).with(csrf())
                        .param("occurrenceId", OCCURRENCE).param("reason", "Thiếu chữ ký").param("rejectedOn", "01/01/2099"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"rejectedOn-0-error\" class=\"field-error block\">Ngày này chưa đến: không được ghi sau hôm nay.</span>")))
                .andExpect(content().string(containsString("value=\"01/01/2099\"")))
                .andExpect(content().string(not(containsString("id=\"review-error\""))));
    }

    @Test
    void aDecisionDayThatIsNoDateIsNotSent() throws Exception {
        evidence.add(evidenceRow("ev-waiting", "SUBMITTED", null));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/evidence/ev-waiting/acceptance").with(signedIn(QMR)).with(csrf())
                        .param("occurrenceId", OCCURRENCE).param("acceptedOn", "32/05/2023"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"acceptedOn-0-error\" class=\"field-error block\">Ngày phải ghi theo dạng ngày/tháng/năm")));
        verify(client, never()).command(any(), anyString(), any());
    }

    @Test
    void theOccurrencesFilingsComeFromTheEvidenceRegisterWithTheirFiler() throws Exception {
        evidence.add(evidenceRow("ev-listed", "SUBMITTED", null));
        mvc.perform(get(OCCURRENCE_PAGE).with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-evidence=\"ev-listed\"")))
                .andExpect(content().string(containsString("Nộp ngày 02/12/2026, người nộp: Phạm Minh Hiếu")));
        assertThat(readsAskedFor).anyMatch(read -> read.startsWith("/api/evidence?objectiveId=" + OBJECTIVE + "&occurrenceId=" + OCCURRENCE));
    }

    @Test
    void aFilingSendsItsDayWhenOneIsTyped() throws Exception {
        given(client.command(eq(NHANVIENVP), anyString(), any())).willReturn(Map.of("id", "ev-dated"));
        mvc.perform(post(OCCURRENCE_PAGE + "/evidence").with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-dated").param("number", "512/BC").param("date", "12/05/2023")
                        .param("issuer", "VP").param("title", "Báo cáo").param("submittedOn", "13/05/2023"))
                .andExpect(redirectedUrl(OCCURRENCE_PAGE));
        assertThat(sent(NHANVIENVP, "/api/objectives/" + OBJECTIVE + "/evidence")).containsEntry("submittedOn", "2023-05-13");
    }

    @Test
    void aFilingDatedInTheFutureOrNotAtAllIsMarkedBesideTheDayOfFiling() throws Exception {
        given(client.command(eq(NHANVIENVP), anyString(), any())).willThrow(new ServiceProblem(422, "DATED_IN_THE_FUTURE",
                "submittedOn 2099-01-01 is after today", List.of(new FieldProblem("submittedOn", "DATED_IN_THE_FUTURE", ""))));
        mvc.perform(post(OCCURRENCE_PAGE + "/evidence").with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-future").param("number", "512/BC").param("date", "12/05/2023")
                        .param("issuer", "VP").param("title", "Báo cáo").param("submittedOn", "01/01/2099"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"submittedOn-error\" class=\"field-error block\">Ngày này chưa đến: không được ghi sau hôm nay.</span>")))
                .andExpect(content().string(containsString("value=\"01/01/2099\"")));
        mvc.perform(post(OCCURRENCE_PAGE + "/evidence").with(signedIn(NHANVIENVP)).with(csrf())
                        .param("evidenceId", "ev-nodate").param("number", "512/BC").param("date", "12/05/2023")
                        .param("issuer", "VP").param("title", "Báo cáo").param("submittedOn", "hôm qua"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"submittedOn-error\" class=\"field-error block\">Ngày phải ghi theo dạng")));
        verify(client).command(eq(NHANVIENVP), anyString(), any()); // the first only
    }

    // ---- assignment ------------------------------------------------------------------------------------------------

    @Test
    void theSecretaryIsOfferedAssignmentOnThePlanAndStaffAreNot() throws Exception {
        mvc.perform(get("/objectives/" + OBJECTIVE).with(signedIn(THUKY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/objectives/" + OBJECTIVE + "/assignment?measureId=I.6\"")));
        mvc.perform(get("/objectives/" + OBJECTIVE).with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/assignment?measureId="))));
    }

    @Test
    void pagesOfTheWorkAsRecordedNowReadTheLivePlanNotAReplayedState() throws Exception {
        mvc.perform(get("/objectives/" + OBJECTIVE).with(signedIn(THUKY))).andExpect(status().isOk());
        mvc.perform(get(OCCURRENCE_PAGE).with(signedIn(NHANVIENVP))).andExpect(status().isOk());
        mvc.perform(get("/objectives/" + OBJECTIVE + "/assignment").param("measureId", "I.6").with(signedIn(THUKY)))
                .andExpect(status().isOk())
                // the units offered: the organisation's (P-KHTC, TK-ISO, VP) and the plan's own (BCD-ISO, QMR), sorted
                .andExpect(content().string(containsString("<datalist id=\"known-units\"><option value=\"BCD-ISO\"></option>"
                        + "<option value=\"P-KHTC\"></option><option value=\"QMR\"></option><option value=\"TK-ISO\"></option>"
                        + "<option value=\"VP\"></option></datalist>")));
        assertThat(readsAskedFor).anyMatch(read -> read.startsWith("/api/objectives/" + OBJECTIVE + "/plan")).noneMatch(read -> read.contains("/state"));
    }

    /** Times in Asia/Ho_Chi_Minh; only this measure's assignments; the one still in force says so. */
    @Test
    void theAssignmentFormListsWhoHadTheMeasuresWorkBefore() throws Exception {
        mvc.perform(get("/objectives/" + OBJECTIVE + "/assignment").param("measureId", "I.6").with(signedIn(THUKY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h2>Lịch sử giao việc</h2>")))
                .andExpect(content().string(containsString("<td>Cả biện pháp</td>\n            <td>P-KHTC</td>\n            <td></td>\n"
                        + "            <td class=\"nowrap\">05/01/2023</td>\n            <td class=\"nowrap\">05/01/2023 09:00</td>\n"
                        + "            <td class=\"nowrap\">01/03/2023 15:30</td>")))
                .andExpect(content().string(containsString("<td>Lần thực hiện hạn 14/05/2023</td>\n            <td>VP</td>\n"
                        + "            <td>Phạm Minh Hiếu</td>\n            <td class=\"nowrap\">02/04/2023</td>\n"
                        + "            <td class=\"nowrap\">02/04/2023 10:15</td>\n            <td class=\"nowrap\">đang giao</td>")))
                .andExpect(content().string(not(containsString("TK-ISO</td>"))));
    }

    @Test
    void anAssignmentSendsUnitAndPersonForOneOccurrence() throws Exception {
        given(client.command(eq(THUKY), anyString(), any())).willReturn(Map.of("id", OCCURRENCE));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/assignment").with(signedIn(THUKY)).with(csrf())
                        .param("measureId", "I.6").param("occurrenceId", OCCURRENCE).param("unit", " VP ").param("person", "Phạm Minh Hiếu"))
                .andExpect(redirectedUrl(OCCURRENCE_PAGE))
                .andExpect(flash().attribute("notice", "Đã giao lần thực hiện hạn 14/05/2023 của biện pháp I.6 cho đơn vị VP."));
        assertThat(sent(THUKY, "/api/objectives/" + OBJECTIVE + "/assignments"))
                .isEqualTo(Map.of("measureId", "I.6", "occurrenceId", OCCURRENCE, "unit", "VP", "person", "Phạm Minh Hiếu"));
    }

    @Test
    void aMissingUnitIsShownBesideTheUnit() throws Exception {
        given(client.command(eq(THUKY), anyString(), any())).willThrow(new ServiceProblem(400, "INVALID_REQUEST", "",
                List.of(new FieldProblem("unit", "NotBlank", "must not be blank"))));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/assignment").with(signedIn(THUKY)).with(csrf())
                        .param("measureId", "I.6").param("occurrenceId", "").param("unit", "").param("person", "Hiếu"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"unit-error\">Vui lòng chọn hoặc nhập đơn vị được giao.</span>")))
                .andExpect(content().string(containsString("value=\"Hiếu\"")));
        assertThat(sent(THUKY, "/api/objectives/" + OBJECTIVE + "/assignments")).doesNotContainKey("occurrenceId");
    }

    @Test
    void aUnitHeadAssignsWithinTheirUnitAndARefusalShowsTheServicesReason() throws Exception {
        mvc.perform(get("/objectives/" + OBJECTIVE + "/assignment").param("measureId", "I.6").with(signedIn(TRUONGVP)))
                .andExpect(content().string(allOf(containsString("value=\"VP\""), containsString("readonly"))));
        given(client.command(eq(TRUONGVP), anyString(), any())).willThrow(new ServiceProblem(403, "NOT_YOUR_UNITS_WORK",
                "A unit head assigns only their own unit's work, within their unit"));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/assignment").with(signedIn(TRUONGVP)).with(csrf())
                        .param("measureId", "I.6").param("unit", "P-KHTC"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Việc này không thuộc đơn vị của bạn.")));
        assertThat(sent(TRUONGVP, "/api/objectives/" + OBJECTIVE + "/assignments")).containsEntry("unit", "VP");
    }

    @Test
    void anAssignmentSendsItsDayAndADayInTheFutureIsShownBesideIt() throws Exception {
        given(client.command(eq(THUKY), anyString(), any())).willReturn(Map.of("id", OCCURRENCE));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/assignment").with(signedIn(THUKY)).with(csrf())
                        .param("measureId", "I.6").param("occurrenceId", OCCURRENCE).param("unit", "VP").param("assignedOn", "02/01/2023"))
                .andExpect(redirectedUrl(OCCURRENCE_PAGE));
        assertThat(sent(THUKY, "/api/objectives/" + OBJECTIVE + "/assignments")).containsEntry("assignedOn", "2023-01-02");
        given(client.command(eq(THUKY), anyString(), any())).willThrow(new ServiceProblem(422, "DATED_BEFORE_YEAR",
                "assignedOn is before the objective's year", List.of(new FieldProblem("assignedOn", "DATED_BEFORE_YEAR", ""))));
        mvc.perform(post("/objectives/" + OBJECTIVE + "/assignment").with(signedIn(THUKY)).with(csrf())
                        .param("measureId", "I.6").param("unit", "VP").param("assignedOn", "01/06/2022"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("<span id=\"assignedOn-error\" class=\"field-error block\">Ngày này trước khi năm thực hiện của mục tiêu bắt đầu.</span>")))
                .andExpect(content().string(containsString("value=\"01/06/2022\"")));
    }

    @Test
    void assignmentWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/objectives/" + OBJECTIVE + "/assignment").with(signedIn(THUKY)).param("measureId", "I.6").param("unit", "VP"))
                .andExpect(status().isForbidden());
        verify(client, never()).command(any(), anyString(), any());
    }

    // ---- the auditor's history and past state ----------------------------------------------------------------------

    @Test
    void theHistoryIsATimelineOfWhoDidWhatAndWhenInVietnamTime() throws Exception {
        mvc.perform(get("/objectives/" + OBJECTIVE + "/history").with(signedIn(DANHGIA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lịch sử thay đổi của mục tiêu MTCL-2023-01")))
                .andExpect(content().string(containsString("<h2>02/12/2026</h2>")))
                .andExpect(content().string(containsString(">11:52:13</time>")))
                .andExpect(content().string(containsString("<strong>Trần Văn Quang</strong>")))
                .andExpect(content().string(containsString("Đại diện lãnh đạo về chất lượng (QMR) · Đơn vị: QMR")))
                .andExpect(content().string(containsString("Từ chối minh chứng ev-1 cho biện pháp I.6, kỳ hạn 14/05/2023: Thiếu chữ ký")))
                .andExpect(content().string(containsString("event-EvidenceRejected")));
        mvc.perform(get("/objectives/" + OBJECTIVE + "/history").param("lang", "en").with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("Evidence ev-1 for measure I.6, due 2023-05-14 rejected: Thiếu chữ ký")));
    }

    @Test
    void theObjectiveAsRecordedByAPastDayIsReadAtTheEndOfThatDay() throws Exception {
        mvc.perform(get("/objectives/" + OBJECTIVE).param("asOf", "30/06/2023").param("knownOn", "30/11/2026").with(signedIn(DANHGIA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đang xem mục tiêu đúng như đã ghi nhận đến hết ngày 30/11/2026")))
                .andExpect(content().string(containsString("Các lần thực hiện — tình trạng tính đến ngày 30/06/2023")))
                .andExpect(content().string(containsString("data-occurrence=\"" + OCCURRENCE + "\"")));
        // 30/11/2026 23:59:59.999 in Asia/Ho_Chi_Minh.
        assertThat(readsAskedFor).contains("/api/objectives/" + OBJECTIVE + "/dashboard?asOf=2023-06-30&knownAt=2026-11-30T16:59:59.999Z")
                .contains("/api/objectives/" + OBJECTIVE + "/state?at=2026-11-30T16:59:59.999Z")
                .anyMatch(read -> read.startsWith("/api/occurrences?objectiveId=" + OBJECTIVE + "&asOf=2023-06-30&knownAt=2026-11-30T16:59:59.999Z"));
    }

    @Test
    void anObjectiveNotYetRecordedByThatDaySaysSo() throws Exception {
        willAnswer(invocation -> {
            String query = SliceTests.readUri(invocation).getQuery();
            if (query != null && query.contains("knownAt")) {
                throw new ServiceProblem(404, "NOT_FOUND", "No objective recorded by then");
            }
            return dashboard();
        }).given(client).read(eq(DANHGIA), any());
        mvc.perform(get("/objectives/" + OBJECTIVE).param("knownOn", "01/01/2023").with(signedIn(DANHGIA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đến hết ngày 01/01/2023, mục tiêu này chưa được ghi nhận trong hệ thống.")))
                .andExpect(content().string(containsString("id=\"knownOn\"")));
    }

    // ---- fixtures --------------------------------------------------------------------------------------------------



    private Map<String, Object> sent(SignedInUser user, String path) {
        return SliceTests.sent(client, user, path);
    }

    private Object answer(UriComponents asked) {
        String path = asked.getPath();
        if (path.endsWith("/plan")) {
            return Map.of("objectiveId", OBJECTIVE, "measures", List.of(measure()), "occurrences", List.of(occurrence()));
        }
        if (path.endsWith("/state")) {
            return Map.of("objectiveId", OBJECTIVE, "figures", dashboard(), "measures", List.of(measure()),
                    "occurrences", List.of(occurrence()), "evidence", List.of(), "measurements", List.of());
        }
        if (path.endsWith("/dashboard")) {
            return dashboard();
        }
        if (path.equals("/api/evidence")) {
            String status = asked.getQueryParams().getFirst("status");
            List<Map<String, Object>> rows = evidence.stream().filter(e -> status == null || status.equals(e.get("status"))).toList();
            return Map.of("content", rows, "page", 0, "size", 500, "totalElements", rows.size(), "totalPages", 1);
        }
        if (path.equals("/api/occurrences")) {
            long awaiting = evidence.stream().filter(e -> "SUBMITTED".equals(e.get("status"))).count();
            return Map.of("content", List.of(boardRow(awaiting)), "page", 0, "size", 500, "totalElements", 1, "totalPages", 1);
        }
        if (path.endsWith("/history")) {
            return Map.of("content", List.of(historyEntry()), "page", 0, "size", 100, "totalElements", 1, "totalPages", 1);
        }
        if (path.endsWith("/trend")) { // the chart: InsightPagesControllerTest
            return Map.of("points", List.of());
        }
        if (path.endsWith("/integrity")) { // the chain's check: InsightPagesControllerTest
            return Map.of("verified", true, "eventsChecked", 1);
        }
        if (path.endsWith("/assignment-history")) {
            return Map.of("objectiveId", OBJECTIVE, "assignments", List.of(
                    assignment("I.6", null, "P-KHTC", null, "2023-01-05", "2023-01-05T02:00:00Z", "2023-03-01T08:30:00Z"),
                    assignment("I.6", null, "VP", "Trần Thị Bình", "2023-03-01", "2023-03-01T08:30:00Z", null),
                    assignment("I.6", OCCURRENCE, "VP", "Phạm Minh Hiếu", "2023-04-02", "2023-04-02T03:15:00Z", null),
                    assignment("I.7", null, "TK-ISO", null, "2023-01-05", "2023-01-05T02:00:00Z", null)));
        }
        if (path.equals("/api/organisations/SLDTBXH-HD/units")) { // the units offered by the assignment form
            return Map.of("organisationId", "SLDTBXH-HD", "units", List.of("P-KHTC", "TK-ISO", "VP"));
        }
        throw new IllegalStateException("unexpected read " + path);
    }

    private static Map<String, Object> assignment(String measureId, String occurrenceId, String unit, String person, String assignedOn,
                                                  String recordedFrom, String recordedTo) {
        Map<String, Object> assignment = new LinkedHashMap<>();
        assignment.put("measureId", measureId);
        assignment.put("occurrenceId", occurrenceId);
        assignment.put("unit", unit);
        assignment.put("person", person);
        assignment.put("assignedOn", assignedOn);
        assignment.put("recordedFrom", recordedFrom);
        assignment.put("recordedTo", recordedTo);
        return assignment;
    }

    private static Map<String, Object> dashboard() {
        Map<String, Object> objective = new LinkedHashMap<>();
        objective.put("objectiveId", OBJECTIVE);
        objective.put("organisationId", "SLDTBXH-HD");
        objective.put("year", 2023);
        objective.put("code", "MTCL-2023-01");
        objective.put("statement", "100% phòng, trung tâm thuộc Sở áp dụng HTQLCL");
        objective.put("target", null);
        objective.put("decision", null);
        objective.put("latestMeasurement", null);
        objective.put("kpiStatus", "NO_TARGET");
        objective.put("occurrences", Map.of("total", 14, "due", 8, "onTime", 0, "late", 0, "overdue", 8, "upcoming", 6));
        objective.put("completionRate", 0);
        objective.put("onTimeRate", 0);
        return objective;
    }

    private static Map<String, Object> measure() {
        Map<String, Object> measure = new LinkedHashMap<>();
        measure.put("measureId", "I.6");
        measure.put("parentMeasureId", null);
        measure.put("code", "I.6");
        measure.put("title", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng");
        measure.put("leadUnits", List.of("VP", "BCD-ISO"));
        measure.put("coordinatingUnits", List.of());
        measure.put("monitors", List.of("QMR", "TK-ISO"));
        measure.put("expectedEvidence", List.of("Báo cáo kết quả thực hiện MTCL 6 tháng"));
        measure.put("scheduleText", "Trước 15/5 và trước 30/10 hằng năm");
        measure.put("assignedUnit", null);
        measure.put("assignedPerson", null);
        measure.put("cancelledOn", null);
        return measure;
    }

    private static Map<String, Object> occurrence() {
        Map<String, Object> occurrence = new LinkedHashMap<>();
        occurrence.put("occurrenceId", OCCURRENCE);
        occurrence.put("measureId", "I.6");
        occurrence.put("dueDate", "2023-05-14");
        occurrence.put("completedOn", null);
        occurrence.put("cancelledOn", null);
        occurrence.put("assignedUnit", null);
        occurrence.put("assignedPerson", null);
        return occurrence;
    }

    private static Map<String, Object> boardRow(long awaiting) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("objectiveId", OBJECTIVE);
        row.put("objectiveCode", "MTCL-2023-01");
        row.put("measureId", "I.6");
        row.put("measureCode", "I.6");
        row.put("measureTitle", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng");
        row.put("occurrenceId", OCCURRENCE);
        row.put("dueDate", "2023-05-14");
        row.put("unit", "VP");
        row.put("person", null);
        row.put("status", "OVERDUE");
        row.put("completedOn", null);
        row.put("evidenceAwaitingReview", awaiting);
        return row;
    }

    private static Map<String, Object> evidenceRow(String id, String status, String reason) {
        return evidenceRow(id, status, reason, "nhanvienvp", "Phạm Minh Hiếu");
    }

    /** A row of query-service's evidence register. */
    private static Map<String, Object> evidenceRow(String id, String status, String reason, String filerId, String filerName) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("number", "512/BC-SLĐTBXH");
        document.put("date", "2023-05-12");
        document.put("issuer", "Văn phòng Sở");
        document.put("title", "Báo cáo 6 tháng");
        document.put("link", null);
        document.put("sha256", null);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("objectiveId", OBJECTIVE);
        row.put("objectiveCode", "MTCL-2023-01");
        row.put("measureId", "I.6");
        row.put("measureCode", "I.6");
        row.put("measureTitle", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng");
        row.put("monitors", List.of("QMR", "TK-ISO"));
        row.put("occurrenceId", OCCURRENCE);
        row.put("dueDate", "2023-05-14");
        row.put("evidenceId", id);
        row.put("document", document);
        row.put("submittedOn", "2026-12-02");
        row.put("submittedBy", filerId == null ? null : Map.of("id", filerId, "name", filerName));
        row.put("status", status);
        row.put("decidedOn", status.equals("SUBMITTED") ? null : "2026-12-03");
        row.put("effectiveOn", null);
        row.put("reason", reason);
        return row;
    }

    private static Map<String, Object> historyEntry() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("sequenceNumber", 14);
        entry.put("eventType", "vn.qualityledger.objective.EvidenceRejected");
        entry.put("recordedAt", "2026-12-02T04:52:13.783Z");
        entry.put("actor", Map.of("id", "qmr", "name", "Trần Văn Quang", "roles", List.of("QMR"), "unit", "QMR"));
        entry.put("summary", Map.of("vi", "Từ chối minh chứng ev-1 cho biện pháp I.6, kỳ hạn 14/05/2023: Thiếu chữ ký",
                "en", "Evidence ev-1 for measure I.6, due 2023-05-14 rejected: Thiếu chữ ký"));
        return entry;
    }
}
