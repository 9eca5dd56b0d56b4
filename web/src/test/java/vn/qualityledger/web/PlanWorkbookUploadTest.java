package vn.qualityledger.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.qualityledger.web.ServiceProblem.FieldProblem;

/**
 * The plan import page with a workbook (vn.qualityledger.web.plan): an .xlsx upload goes to command-service as a
 * workbook, not as JSON text, and comes back with the import form as Base64; its errors are shown by sheet and cell in
 * Vietnamese and English; the template is offered and downloaded through the page.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, Formats.class, ProblemMessages.class, Reads.class})
@TestPropertySource(properties = "quality-ledger.read-wait=PT0S")
class PlanWorkbookUploadTest {

    static final SignedInUser THUKY = new SignedInUser("thuky", "qlt_thuky", "thuky", "Nguyễn Thị Thư", List.of("ISO_SECRETARY"),
            "SLDTBXH-HD", "TK-ISO");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The start of a zip (an XLSX workbook is one); the service, mocked here, is what reads it. */
    static final byte[] WORKBOOK = {'P', 'K', 3, 4, 20, 0, 8, 0, 'x', 'l'};

    @Autowired
    MockMvc mvc;
    @MockitoBean
    QualityLedgerClient client;

    @Test
    void thePageTakesWorkbooksAndOffersTheTemplate() throws Exception {
        mvc.perform(get("/plans/import").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("accept=\"application/json,.json," + XLSX + ",.xlsx\"")))
                .andExpect(content().string(containsString("<a id=\"plan-template\" href=\"/plans/import/template.xlsx\">Tải bảng tính mẫu (XLSX)")))
                .andExpect(content().string(containsString("Tệp kế hoạch (XLSX hoặc JSON)")));
        mvc.perform(get("/plans/import").param("lang", "en").with(signedIn()))
                .andExpect(content().string(containsString("Download the template workbook (XLSX)")));
    }

    @Test
    void aWorkbookIsPreviewedAsAWorkbookAndImportedFromTheSameBytes() throws Exception {
        given(client.commandWorkbook(eq(THUKY), eq("/api/plans/preview"), any())).willReturn(preview());
        String encoded = Base64.getEncoder().encodeToString(WORKBOOK);
        mvc.perform(multipart("/plans/import/preview").file(workbook()).with(signedIn()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Xem trước kế hoạch của SLDTBXH-HD năm 2023")))
                .andExpect(content().string(containsString("<tr data-measure=\"I.1\">")))
                .andExpect(content().string(containsString("<input type=\"hidden\" name=\"document\" value=\"" + encoded + "\">")))
                .andExpect(content().string(containsString("<input type=\"hidden\" name=\"format\" value=\"xlsx\">")));
        verify(client).commandWorkbook(THUKY, "/api/plans/preview", WORKBOOK);
        verify(client, never()).command(any(), anyString(), any());

        given(client.commandWorkbook(eq(THUKY), eq("/api/plans"), any())).willReturn(Map.of("organisationId", "SLDTBXH-HD", "year", 2023,
                "objectives", List.of(Map.of("objectiveId", "SLDTBXH-HD.MTCL-2023-01", "code", "MTCL-2023-01", "measures", 1)), "commands", 3));
        mvc.perform(post("/plans/import").param("document", encoded).param("format", "xlsx").with(signedIn()).with(csrf()))
                .andExpect(redirectedUrl("/organisations/SLDTBXH-HD/years/2023"));
        verify(client).commandWorkbook(THUKY, "/api/plans", WORKBOOK);
        verify(client, never()).command(any(), anyString(), any());
    }

    @Test
    void aWorkbooksErrorsAreShownBySheetAndCell() throws Exception {
        given(client.commandWorkbook(eq(THUKY), eq("/api/plans/preview"), any())).willThrow(new ServiceProblem(400, "INVALID_PLAN",
                "The plan document has 2 error(s); nothing was stored", List.of(
                new FieldProblem("Sheet \"Kế hoạch\"!E7", "SCHEDULE_PHRASE_UNKNOWN", "Cannot read \"khi nào rảnh\" as a schedule"),
                new FieldProblem("workbook", "NOT_A_PLAN_WORKBOOK", "A plan workbook has the sheets …"))));
        mvc.perform(multipart("/plans/import/preview").file(workbook()).with(signedIn()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Tệp ke-hoach.xlsx có 2 lỗi")))
                .andExpect(content().string(containsString("<tr data-path=\"Sheet &quot;Kế hoạch&quot;!E7\">")))
                .andExpect(content().string(containsString("Trang „Kế hoạch“, ô E7")))
                .andExpect(content().string(containsString("Không đọc được thời gian thực hiện")))
                .andExpect(content().string(containsString("Tệp bảng tính")))
                .andExpect(content().string(containsString("Bảng tính không phải kế hoạch")));
        mvc.perform(multipart("/plans/import/preview").file(workbook()).param("lang", "en").with(signedIn()).with(csrf()))
                .andExpect(content().string(containsString("Sheet &quot;Kế hoạch&quot;, cell E7")))
                .andExpect(content().string(containsString("The schedule cannot be read")));
    }

    @Test
    void theTemplateIsDownloadedFromCommandServiceAsItIs() throws Exception {
        given(client.commandFile(THUKY, "/api/plans/template.xlsx")).willReturn(new QualityLedgerClient.ServiceFile(WORKBOOK, XLSX,
                "attachment; filename=\"ke-hoach-mtcl-mau.xlsx\"", null));
        mvc.perform(get("/plans/import/template.xlsx").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XLSX))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"ke-hoach-mtcl-mau.xlsx\""))
                .andExpect(content().bytes(WORKBOOK));
    }

    private static MockMultipartFile workbook() {
        return new MockMultipartFile("document", "ke-hoach.xlsx", XLSX, WORKBOOK);
    }

    private static RequestPostProcessor signedIn() {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(THUKY, null, List.of(new SimpleGrantedAuthority("ROLE_ISO_SECRETARY"))));
    }

    private static Map<String, Object> preview() {
        Map<String, Object> measure = new LinkedHashMap<>();
        measure.put("path", "objectives[0].measures[0]");
        measure.put("measureId", "I.1");
        measure.put("code", "I.1");
        measure.put("title", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng");
        measure.put("lead", List.of("VP"));
        measure.put("coordinating", List.of());
        measure.put("monitors", List.of("QMR"));
        measure.put("evidence", List.of());
        measure.put("scheduleText", "Trước 15/5 và trước 30/10 hằng năm");
        measure.put("dueDates", List.of("2023-05-14", "2023-10-29"));
        measure.put("adHoc", false);
        measure.put("status", "NEW");
        measure.put("subMeasures", List.of());
        Map<String, Object> objective = new LinkedHashMap<>();
        objective.put("path", "objectives[0]");
        objective.put("objectiveId", "SLDTBXH-HD.MTCL-2023-01");
        objective.put("code", "MTCL-2023-01");
        objective.put("statement", "Mục tiêu một");
        objective.put("target", null);
        objective.put("status", "NEW");
        objective.put("publication", "TO_PUBLISH");
        objective.put("measures", List.of(measure));
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("organisationId", "SLDTBXH-HD");
        preview.put("year", 2023);
        preview.put("decision", Map.of("number", "147/QĐ-SLĐTBXH", "date", "2023-02-07"));
        preview.put("objectives", List.of(objective));
        preview.put("commands", 3);
        preview.put("changes", 3);
        return preview;
    }
}
