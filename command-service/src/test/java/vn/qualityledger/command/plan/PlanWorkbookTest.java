package vn.qualityledger.command.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.command.objective.Objective;
import vn.qualityledger.command.reads.ReadLocations;
import vn.qualityledger.support.security.CurrentActor;

/**
 * The plan as an XLSX workbook: the 2023 seed plan re-typed in the layout of {@link PlanWorkbook}, as the secretary
 * would type it (units by name, evidence one per line, the seed's own schedule phrases), is previewed and imported as
 * the JSON of {@code data/mtcl-2023.json} is — the same commands, in the same order; a workbook's errors name their
 * cells, all of them in one answer, and nothing is sent; a workbook that is no plan says so; the template is stable.
 */
@WebMvcTest(controllers = PlanImportController.class, properties = "quality-ledger.query-service.public-url=http://reads.example")
@AutoConfigureMockMvc(addFilters = false)
@Import({PlanImport.class, PlanWorkbookImport.class, ReadLocations.class})
class PlanWorkbookTest extends PlanImportSlice {

    private static final MediaType XLSX = MediaType.parseMediaType(PlanImportController.XLSX);


    private ResultActions send(String endpoint, byte[] workbook) throws Exception {
        return mvc.perform(post(endpoint).contentType(XLSX).content(workbook));
    }

    @Test
    void importsTheSeedPlanRetypedAsAWorkbookToExactlyTheCommandsOfItsJson() throws Exception {
        String json = Files.readString(Path.of("..", "data", "mtcl-2023.json"));
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated());
        ArgumentCaptor<Object> fromJson = ArgumentCaptor.forClass(Object.class);
        verify(commands, atLeastOnce()).sendAndWait(fromJson.capture());
        clearInvocations(commands);

        send("/api/plans", SeedPlanWorkbook.retyped(JsonMapper.builder().build().readTree(json)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.organisationId").value("SLDTBXH-HD"))
                .andExpect(jsonPath("$.objectives.length()").value(10))
                .andExpect(jsonPath("$.commands").value(51));
        ArgumentCaptor<Object> fromWorkbook = ArgumentCaptor.forClass(Object.class);
        verify(commands, atLeastOnce()).sendAndWait(fromWorkbook.capture());

        // the directory (the organisation's and the units' names) first, then 10 definitions, 30 measures, 10 publications
        assertThat(fromJson.getAllValues()).hasSize(51);
        assertThat(payloads(fromJson).get(0)).isInstanceOf(vn.qualityledger.api.directory.RecordOrganisationDirectoryCommand.class);
        assertThat(payloads(fromWorkbook)).containsExactlyElementsOf(payloads(fromJson));
        assertThat(fromWorkbook.getAllValues()).extracting(c -> ((CommandMessage<?>) c).getMetaData().get("correlationId"))
                .as("the same plan, the same conversation").containsOnly(((CommandMessage<?>) fromJson.getValue()).getMetaData().get("correlationId"));
    }

    private static List<Object> payloads(ArgumentCaptor<Object> sent) {
        return sent.getAllValues().stream().<Object>map(c -> ((CommandMessage<?>) c).getPayload()).toList();
    }

    @Test
    void previewsTheRetypedSeedPlanAsItsJsonWithoutSendingIt() throws Exception {
        JsonNode plan = JsonMapper.builder().build().readTree(Files.readString(Path.of("..", "data", "mtcl-2023.json")));
        send("/api/plans/preview", SeedPlanWorkbook.retyped(plan))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.number").value("147/QĐ-SLĐTBXH"))
                .andExpect(jsonPath("$.decision.date").value("2023-02-07"))
                .andExpect(jsonPath("$.objectives[0].measures[0].code").value("I.1"))
                .andExpect(jsonPath("$.objectives[0].measures[0].lead[1]").value("BCD-ISO"))
                .andExpect(jsonPath("$.objectives[0].measures[0].subMeasures[1].code").value("I.1.b"))
                .andExpect(jsonPath("$.objectives[0].measures[0].subMeasures[1].dueDates[0]").value("2023-02-09"))
                .andExpect(jsonPath("$.objectives[0].measures[5].dueDates.length()").value(2))
                .andExpect(jsonPath("$.objectives[6].target").doesNotExist())
                .andExpect(jsonPath("$.commands").value(51))
                .andExpect(jsonPath("$.changes").value(51))
                .andExpect(jsonPath("$.directory").value("NEW"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesEveryErrorOfAWorkbookAtOnceNamingItsCellAndSendsNothing() throws Exception {
        Workbook workbook = skeleton();
        Sheet plan = workbook.getSheet(PlanWorkbook.PLAN);
        row(plan, 1, "I", "MỤC TIÊU MỘT");
        row(plan, 2, "1", "Báo cáo", "Văn phòng Sở", "", "Trước 15/5 và khi nào rảnh", "QMR", "Báo cáo");   // E3: unread phrase
        row(plan, 3, "2", "", "Phòng Không Có", "", "Hàng quý", "QMR", "");                               // B4 blank, C4 unknown unit
        row(plan, 4, "x.y", "Việc", "VP", "", "Hàng năm", "QMR", "");                                      // A5 no TT
        row(plan, 5, "b)", "Việc con", "VP", "", "Tháng 13/2023", "QMR", "");                              // E6 no such month
        row(plan, 6, "III", "MỤC TIÊU KHÔNG CÓ");                                                           // A7 no objective III
        byte[] typed = bytes(workbook);
        for (String endpoint : new String[] {"/api/plans/preview", "/api/plans"}) {
            send(endpoint, typed)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("INVALID_PLAN"))
                    .andExpect(jsonPath("$.errors.length()").value(6))
                    .andExpect(jsonPath("$.errors[0].field").value("Sheet \"Kế hoạch\"!E3"))
                    .andExpect(jsonPath("$.errors[0].rule").value("SCHEDULE_PHRASE_UNKNOWN"))
                    .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("khi nào rảnh")))
                    .andExpect(jsonPath("$.errors[1].field").value("Sheet \"Kế hoạch\"!B4"))
                    .andExpect(jsonPath("$.errors[1].rule").value("NotBlank"))
                    .andExpect(jsonPath("$.errors[2].field").value("Sheet \"Kế hoạch\"!C4"))
                    .andExpect(jsonPath("$.errors[2].rule").value("UNKNOWN_UNIT"))
                    .andExpect(jsonPath("$.errors[3].field").value("Sheet \"Kế hoạch\"!A5"))
                    .andExpect(jsonPath("$.errors[3].rule").value("TT_UNREADABLE"))
                    .andExpect(jsonPath("$.errors[4].field").value("Sheet \"Kế hoạch\"!E6"))
                    .andExpect(jsonPath("$.errors[4].rule").value("SCHEDULE_PHRASE_UNKNOWN"))
                    .andExpect(jsonPath("$.errors[5].field").value("Sheet \"Kế hoạch\"!A7"))
                    .andExpect(jsonPath("$.errors[5].rule").value("UNKNOWN_OBJECTIVE"));
        }
        verifyNoInteractions(commands);
    }

    @Test
    void refusesTheDocumentsOwnRulesAtTheirCells() throws Exception {
        Workbook workbook = skeleton();
        Sheet objectiveSheet = workbook.getSheet(PlanWorkbook.OBJECTIVES);
        row(objectiveSheet, 2, "II", "MTCL-2023-01", "Trùng mã", "Tỷ lệ", ">=", "120", "%");               // B3 duplicate, F3 over 100 %
        Sheet plan = workbook.getSheet(PlanWorkbook.PLAN);
        row(plan, 1, "I", "MỤC TIÊU MỘT");
        row(plan, 2, "1", "Báo cáo", "VP", "", "Hàng quý", "", "");                                       // F3: no monitor
        send("/api/plans", bytes(workbook))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Sheet \"Mục tiêu\"!B3"))
                .andExpect(jsonPath("$.errors[0].rule").value("DUPLICATE_CODE"))
                .andExpect(jsonPath("$.errors[0].message").value("Objective code MTCL-2023-01 is also that of Sheet \"Mục tiêu\"!A2"))
                .andExpect(jsonPath("$.errors[1].field").value("Sheet \"Mục tiêu\"!F3"))
                .andExpect(jsonPath("$.errors[1].rule").value("TARGET_PERCENT_OUT_OF_RANGE"))
                .andExpect(jsonPath("$.errors[1].objective").value("MTCL-2023-01"))
                .andExpect(jsonPath("$.errors[2].field").value("Sheet \"Kế hoạch\"!F3"))
                .andExpect(jsonPath("$.errors[2].rule").value("Size"))
                .andExpect(jsonPath("$.errors[2].objective").value("MTCL-2023-01"))
                .andExpect(jsonPath("$.errors[2].measure").isNotEmpty())
                .andExpect(jsonPath("$.errors.length()").value(3));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesControlCharactersAndLineBreaksInCodesAsTheJsonReadingDoes() throws Exception {
        Workbook workbook = skeleton();
        row(workbook.getSheet(PlanWorkbook.OBJECTIVES), 2, "II", "MTCL\n2023-02", "Mục tiêu hai\ncó hai dòng");  // B3: a line break in a code
        Sheet plan = workbook.getSheet(PlanWorkbook.PLAN);
        row(plan, 1, "I", "MỤC TIÊU MỘT");
        row(plan, 2, "1", "Báo cáo\nhai dòng", "V\u007FP", "", "Hàng quý", "QMR", "");                      // C3: DEL (XML carries no other C0 control)
        send("/api/plans/preview", bytes(workbook))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("Sheet \"Mục tiêu\"!B3"))
                .andExpect(jsonPath("$.errors[0].rule").value("NoControlCharacters"))
                .andExpect(jsonPath("$.errors[0].message").value("must not contain control characters or line breaks"))
                .andExpect(jsonPath("$.errors[1].field").value("Sheet \"Kế hoạch\"!C3"))
                .andExpect(jsonPath("$.errors[1].rule").value("NoControlCharacters"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesAWorkbookThatIsNoPlanSayingWhatAPlanHas() throws Exception {
        Workbook wrongHeaders = skeleton();
        wrongHeaders.getSheet(PlanWorkbook.PLAN).getRow(0).getCell(4).setCellValue("Ghi chú");
        send("/api/plans/preview", bytes(wrongHeaders))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Sheet \"Kế hoạch\"!E1"))
                .andExpect(jsonPath("$.errors[0].rule").value("NOT_A_PLAN_TABLE"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("should be \"Thời gian thực hiện\" but is \"Ghi chú\"")));

        Workbook otherSheets = new XSSFWorkbook();
        otherSheets.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("Họ và tên");
        send("/api/plans/preview", bytes(otherSheets))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("workbook"))
                .andExpect(jsonPath("$.errors[0].rule").value("NOT_A_PLAN_WORKBOOK"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("\"Sheet1\"")));

        send("/api/plans", "{\"not\": \"a workbook\"}".getBytes())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("NOT_A_WORKBOOK"));
        verifyNoInteractions(commands);
    }

    @Test
    void servesTheSameTemplateEveryTimeAndItPreviewsAsAPlan() throws Exception {
        byte[] first = mvc.perform(get("/api/plans/template.xlsx"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", PlanImportController.XLSX))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("ke-hoach-mtcl-mau.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        byte[] second = mvc.perform(get("/api/plans/template.xlsx")).andReturn().getResponse().getContentAsByteArray();
        assertThat(second).isEqualTo(first);

        try (Workbook template = new XSSFWorkbook(new ByteArrayInputStream(first))) {
            Row headers = template.getSheet(PlanWorkbook.PLAN).getRow(0);
            List<String> names = new ArrayList<>();
            headers.forEach(cell -> names.add(cell.getStringCellValue()));
            assertThat(names).containsExactly("TT", "Biện pháp/Nội dung", "Chủ trì", "Phối hợp", "Thời gian thực hiện",
                    "Trách nhiệm theo dõi", "Cách thức theo dõi và kết quả");
            Sheet phrases = template.getSheet(PlanWorkbookTemplate.PHRASES);
            assertThat(phrases.getLastRowNum()).isEqualTo(SchedulePhrases.PHRASES.size() + 1);
            assertThat(phrases.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Tháng 01/2023");
        }
        send("/api/plans/preview", first)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.objectives.length()").value(1))
                .andExpect(jsonPath("$.objectives[0].measures[0].code").value("I.1"))
                .andExpect(jsonPath("$.objectives[0].measures[0].lead[0]").value("VP"))
                .andExpect(jsonPath("$.objectives[0].measures[0].monitors[1]").value("TK-ISO"))
                .andExpect(jsonPath("$.objectives[0].measures[0].dueDates[0]").value("2023-05-14"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesAUnitTypedTwiceInTheUnitsSheetAtItsCellWhenTheWorkbookNamesItsOrganisation() throws Exception {
        Workbook workbook = skeleton();
        row(workbook.getSheet(PlanWorkbook.INFO), 3, "Tên cơ quan", "Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương");
        row(workbook.getSheet(PlanWorkbook.UNITS), 3, "VP", "Văn phòng", "OFFICE");
        send("/api/plans", bytes(workbook))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("Sheet \"Đơn vị\"!A4"))
                .andExpect(jsonPath("$.errors[0].rule").value("DUPLICATE_CODE"));
        verifyNoInteractions(commands);
    }

    @Test
    void recordsTheNamesOfTheGeneralSheetAndTheUnitsSheetAsTheOrganisationsDirectory() throws Exception {
        Workbook workbook = skeleton();
        row(workbook.getSheet(PlanWorkbook.INFO), 3, "Tên cơ quan", "Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương");
        row(workbook.getSheet(PlanWorkbook.INFO), 4, "Cơ quan chủ quản", "UBND tỉnh Hải Dương");
        send("/api/plans", bytes(workbook)).andExpect(status().isCreated());
        Object expected = vn.qualityledger.api.directory.RecordOrganisationDirectoryCommand.of("SLDTBXH-HD",
                "Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương", "UBND tỉnh Hải Dương", java.util.List.of(
                        new vn.qualityledger.api.directory.DirectoryUnit("VP", "Văn phòng Sở", "OFFICE"),
                        new vn.qualityledger.api.directory.DirectoryUnit("QMR", "Đại diện lãnh đạo về chất lượng (QMR)", "ROLE")));
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, atLeastOnce()).sendAndWait(sent.capture());
        assertThat(payloads(sent)).contains(expected);
    }

    // ---- workbooks as a person types them -------------------------------------------------------------------------

    /** Headers, two units and objective I (MTCL-2023-01), a plan sheet with only its header. */
    private static Workbook skeleton() {
        Workbook workbook = new XSSFWorkbook();
        Sheet info = workbook.createSheet(PlanWorkbook.INFO);
        row(info, 0, "Thông tin", "Giá trị");
        row(info, 1, "Mã cơ quan", "SLDTBXH-HD");
        row(info, 2, "Năm", "2023");
        Sheet objectives = workbook.createSheet(PlanWorkbook.OBJECTIVES);
        row(objectives, 0, PlanWorkbook.OBJECTIVE_HEADERS.toArray(String[]::new));
        row(objectives, 1, "I", "MTCL-2023-01", "Mục tiêu một");
        Sheet plan = workbook.createSheet(PlanWorkbook.PLAN);
        row(plan, 0, PlanWorkbook.PLAN_HEADERS.toArray(String[]::new));
        Sheet units = workbook.createSheet(PlanWorkbook.UNITS);
        row(units, 0, "Mã đơn vị", "Tên đơn vị", "Loại");
        row(units, 1, "VP", "Văn phòng Sở", "OFFICE");
        row(units, 2, "QMR", "Đại diện lãnh đạo về chất lượng (QMR)", "ROLE");
        return workbook;
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            if (!values[c].isEmpty()) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        try (workbook) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
