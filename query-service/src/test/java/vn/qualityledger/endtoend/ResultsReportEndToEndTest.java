package vn.qualityledger.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The objective results report of 2023, generated from the year {@link QualityYearEndToEndTest} lives (its script,
 * run here against a database of its own) and two nonconformities of July: every figure in the Word document checked
 * against values computed by hand, every value of the workbook against the API's answer for the same cut-off, and a
 * report generated again after a later correction coming out byte for byte the same, without the correction.
 *
 * <p>The events are recorded at the real time while their business days are those of 2023, so a cut-off (a real
 * instant) falls long after 2023 and the report reads the year as of its end: of MTCL-2023-01's 13 occurrences not
 * cancelled all are due, 2 done on time (I.1.b, I.6@14/05), 2 late (I.1, I.2), 9 overdue.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsReportEndToEndTest {

    private static final String ORG = "SLDTBXH-HD";
    private static final String REPORTS = "/api/organisations/" + ORG + "/years/2023/reports/results.";
    private static final ZoneId AGENCY = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SIGNED = "&number=" + "215/BC-SLĐTBXH" + "&signerName=Nguyễn Văn An"
            + "&signerAuthority=KT. GIÁM ĐỐC&signerTitle=PHÓ GIÁM ĐỐC";

    private BothServices services;
    private RestClient queries;
    /** The report's cut-off: after the year and the nonconformities, before the second Q2 correction. */
    private Instant cutOff;
    /** After the second correction. */
    private Instant afterCorrection;
    private byte[] docxAtCutOff;
    private byte[] xlsxAtCutOff;
    private byte[] docxAgainAfterCorrection;
    private byte[] xlsxAgainAfterCorrection;

    @BeforeAll
    void liveTheYearIssueTheReportAndCorrectAfterwards() throws Exception {
        QualityYearEndToEndTest year = new QualityYearEndToEndTest() {
            @Override
            BothServices startServices() {
                services = new BothServices("ql_test_results_report");
                return services;
            }
        };
        year.startBothServicesAndLiveTheYear();
        queries = RestClient.create("http://localhost:" + services.queryPort());
        raiseTwoNonconformitiesInJuly();
        services.awaitReadSideCaughtUp();

        cutOff = BothServices.aMomentLater();
        docxAtCutOff = download("docx", "kind=SIX_MONTH&cutOff=" + cutOff + SIGNED);
        xlsxAtCutOff = download("xlsx", "kind=SIX_MONTH&cutOff=" + cutOff + SIGNED);

        // Q2 corrected once more, as the scripted year corrected it on 10/07: 20/20 = 100 %, the target met.
        services.on("2023-07-31");
        services.post("thuky", "/api/objectives/SLDTBXH-HD.MTCL-2023-01/measurements", """
                {"measurementId": "q2-correction-2", "period": {"from": "2023-04-01", "to": "2023-06-30"}, "numerator": 20, "denominator": 20, "source": "Báo cáo quý II (đính chính lần 2)"}""", 201);
        services.awaitReadSideCaughtUp();
        afterCorrection = BothServices.aMomentLater();
        docxAgainAfterCorrection = download("docx", "kind=SIX_MONTH&cutOff=" + cutOff + SIGNED);
        xlsxAgainAfterCorrection = download("xlsx", "kind=SIX_MONTH&cutOff=" + cutOff + SIGNED);
    }

    /**
     * A complaint about VP, closed within the month (raised 12/07, closed 28/07: 16 days), and a nonconformity of
     * P-KHTC whose action, due 15/08, is never implemented: open and overdue at the year's end.
     */
    private void raiseTwoNonconformitiesInJuly() {
        services.on("2023-07-12");
        services.post("thuky", "/api/nonconformities", """
                {"nonconformityId": "NC-PA-01", "organisationId": "SLDTBXH-HD", "source": "COMPLAINT", "complaintReference": "PA-01/2023",
                 "severity": "MINOR", "unit": "VP", "clause": "8.7", "description": "Hồ sơ trả chậm cho công dân"}""", 201);
        services.on("2023-07-13");
        services.post("truongvp", "/api/nonconformities/NC-PA-01/root-cause", """
                {"rootCause": "Chưa có lịch nhắc hạn trả hồ sơ"}""", 202);
        services.post("truongvp", "/api/nonconformities/NC-PA-01/actions", """
                {"actionId": "A1", "ownerUnit": "VP", "description": "Lập lịch nhắc hạn trả hồ sơ", "dueDate": "2023-07-31"}""", 201);
        services.on("2023-07-14");
        services.post("thuky", "/api/nonconformities", """
                {"nonconformityId": "NC-KHTC-01", "organisationId": "SLDTBXH-HD", "source": "MANUAL",
                 "severity": "MINOR", "unit": "P-KHTC", "clause": "7.5.3", "description": "Hồ sơ dự toán không được lưu đầy đủ"}""", 201);
        services.post("thuky", "/api/nonconformities/NC-KHTC-01/root-cause", """
                {"rootCause": "Chưa phân công người lưu hồ sơ"}""", 202);
        services.post("thuky", "/api/nonconformities/NC-KHTC-01/actions", """
                {"actionId": "B1", "ownerUnit": "P-KHTC", "description": "Phân công người lưu hồ sơ dự toán", "dueDate": "2023-08-15"}""", 201);
        services.on("2023-07-25");
        services.post("nhanvienvp", "/api/nonconformities/NC-PA-01/actions/A1/implementation", """
                {"evidence": {"number": "20/TB-VP", "date": "2023-07-24", "issuer": "Văn phòng Sở", "title": "Thông báo lịch nhắc hạn"}}""", 202);
        services.on("2023-07-27");
        services.post("qmr", "/api/nonconformities/NC-PA-01/actions/A1/verification", """
                {"effective": true}""", 202);
        services.on("2023-07-28");
        services.post("qmr", "/api/nonconformities/NC-PA-01/close", """
                {"note": "Đã khắc phục"}""", 202);
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    // ---- the Word document ---------------------------------------------------------------------------------------

    @Test
    void theDocumentHasTheAdministrativeFormOfNghiDinh30() throws IOException {
        String text = text(docxAtCutOff);
        LocalDate day = LocalDate.ofInstant(cutOff, AGENCY);
        assertThat(text).contains("UBND TỈNH HẢI DƯƠNG", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 215/BC-SLĐTBXH",
                "Hải Dương, ngày " + (day.getDayOfMonth() < 10 ? "0" : "") + day.getDayOfMonth() + " tháng "
                        + (day.getMonthValue() < 3 ? "0" : "") + day.getMonthValue() + " năm " + day.getYear(),
                "BÁO CÁO", "Kết quả thực hiện mục tiêu chất lượng 6 tháng đầu năm 2023",
                "Thực hiện Quyết định số 147/QĐ-SLĐTBXH ngày 07/02/2023",
                "Nơi nhận:", "- Lưu: VT, VP.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An");
        // Quốc hiệu before Tiêu ngữ before the title before the body before the signature
        assertThat(text.indexOf("CỘNG HÒA")).isLessThan(text.indexOf("Độc lập")).isLessThan(text.indexOf("BÁO CÁO"));
        assertThat(text.indexOf("BÁO CÁO")).isLessThan(text.indexOf("I. KẾT QUẢ")).isLessThan(text.indexOf("Nơi nhận:"));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docxAtCutOff))) {
            List<XWPFRun> runs = new ArrayList<>();
            document.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
            document.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells().forEach(c ->
                    c.getParagraphs().forEach(p -> runs.addAll(p.getRuns())))));
            assertThat(runs).isNotEmpty().allSatisfy(run -> {
                assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
                assertThat(run.getFontSizeAsDouble()).isBetween(11.0, 14.0);
            });
            assertThat(document.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                    .filter(r -> r.text().startsWith("I. KẾT QUẢ")).findFirst().orElseThrow().getFontSizeAsDouble()).isEqualTo(13.0);
            // its creation date is the cut-off (core.xml keeps whole seconds), and it says nothing of when it was generated
            assertThat(document.getProperties().getCoreProperties().getCreated().toInstant())
                    .isBetween(cutOff.minusSeconds(1), cutOff);
        }
    }

    @Test
    void theDocumentGivesEachObjectivesFiguresComputedByHand() throws IOException {
        String text = text(docxAtCutOff);
        assertThat(text).contains("1. MTCL-2023-01: 100% phòng, trung tâm thuộc Sở",
                "- Chỉ tiêu: Tỷ lệ phòng, trung tâm áp dụng có hiệu quả HTQLCL ≥ 100 %.",
                // the first correction of Q2 (19/20) superseded the recording of 10/10
                "- Kết quả đo gần nhất: 95 % (19/20), kỳ 01/04/2023 - 30/06/2023; nguồn: Báo cáo quý II (đính chính).",
                "- Đánh giá chỉ tiêu: Không đạt.",
                "- Công việc đến hạn: 13; hoàn thành đúng hạn: 2; hoàn thành trễ hạn: 2; quá hạn: 9; chưa đến hạn: 0."
                        + " Tỷ lệ hoàn thành: 30,77 %; tỷ lệ đúng hạn: 15,38 %.");
        // measures with their lead units and their own occurrences: due, on time, late, overdue
        assertThat(text).contains("I.1\tXây dựng MTCL, Kế hoạch thực hiện MTCL năm 2023\tVP, BCD-ISO\t1\t0\t1\t0",
                "I.1.a\tXây dựng MTCL, Kế hoạch thực hiện MTCL năm 2023\tALL_CENTRES\t1\t0\t0\t1",
                "I.5\t", "(hủy từ 01/04/2023)\tVP, BCD-ISO\t0\t0\t0\t0",
                "I.6\tBáo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng\tVP, BCD-ISO\t2\t1\t0\t1",
                "\tVP, BCD-ISO\t4\t0\t0\t4");
        assertThat(text.indexOf("I.1\t")).isLessThan(text.indexOf("I.1.a\t")).isLessThan(text.indexOf("I.1.b\t"))
                .isLessThan(text.indexOf("I.2\t"));
        // evidence accepted, by due date: the rejected plan (30/KH) and the never-reviewed decision (88/QĐ) are not there
        assertThat(text).contains("I.1\t31/01/2023\t147/QĐ-SLĐTBXH\t07/02/2023\tVăn phòng Sở\t07/02/2023",
                "I.1.b\t09/02/2023\t15/QĐ-VP\t08/02/2023\tVăn phòng Sở\t09/02/2023",
                "I.2\t28/02/2023\t31/KH-SLĐTBXH\t01/03/2023\tVăn phòng Sở\t03/03/2023",
                "I.6\t14/05/2023\t512/BC-SLĐTBXH\t12/05/2023\tVăn phòng Sở\t13/05/2023");
        assertThat(text).doesNotContain("30/KH-SLĐTBXH", "88/QĐ-SLĐTBXH");
        // MTCL-2023-07 promises no measurable target
        assertThat(text).contains("7. MTCL-2023-07", "- Chỉ tiêu: Không có chỉ tiêu định lượng.");
    }

    @Test
    void theDocumentGivesTheOrganisationsTotalsUnitsAndNonconformities() throws IOException {
        String text = text(docxAtCutOff);
        // 106 occurrences, I.5@31/12 cancelled: 105, all due at the year's end; 4 done, 101 overdue
        assertThat(text).contains("Số mục tiêu chất lượng: 10. Công việc đến hạn: 105; hoàn thành đúng hạn: 2;"
                        + " hoàn thành trễ hạn: 2; quá hạn: 101; chưa đến hạn: 0.",
                "Tỷ lệ hoàn thành: 3,81 %; tỷ lệ hoàn thành đúng hạn: 1,90 %",
                "Không đạt\t1", "Không có chỉ tiêu định lượng\t1", "Chưa có kết quả đo\t8", "Đạt\t0");
        // VP: I.1, I.2, I.6 (2) from 10/02: I.1 and I.2 late, I.6@14/05 on time, I.6@29/10 overdue; P-KHTC: I.7@31/03
        assertThat(text).contains("III. CÔNG VIỆC QUÁ HẠN THEO ĐƠN VỊ", "Công việc đã giao cho đơn vị còn quá hạn: 2.",
                "P-KHTC\t1\t1\t0\t0\t1\t0,00 %", "VP\t4\t4\t1\t2\t1\t75,00 %");
        assertThat(text).contains("Sự không phù hợp phát sinh trong năm 2023: 2; đã đóng: 1; còn mở: 1, trong đó quá hạn khắc phục: 1.",
                "NC-PA-01\tPhản ánh, kiến nghị\tNhẹ\tVP\t8.7\t12/07/2023\tĐã đóng\t28/07/2023",
                "NC-KHTC-01\tPhát hiện trong công việc\tNhẹ\tP-KHTC\t7.5.3\t14/07/2023\tĐang khắc phục (quá hạn)");
    }

    // ---- the workbook ---------------------------------------------------------------------------------------------

    @Test
    void theWorkbookHoldsTheApisFiguresAsPlainValues() throws IOException {
        String asOf = LocalDate.ofInstant(cutOff, AGENCY).toString();
        String at = "?asOf=" + asOf + "&knownAt=" + cutOff;
        JsonNode summary = services.get("xem", "/api/organisations/" + ORG + "/years/2023/summary" + at);
        JsonNode objectives = services.get("xem", "/api/organisations/" + ORG + "/years/2023/objectives" + at + "&size=50");
        JsonNode units = services.get("xem", "/api/organisations/" + ORG + "/years/2023/units" + at);
        JsonNode nonconformities = services.get("xem", "/api/organisations/" + ORG + "/nonconformities/summary" + at + "&year=2023");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsxAtCutOff))) {
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell ->
                    assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress()).isNotEqualTo(CellType.FORMULA))));

            Map<String, Cell> totals = new HashMap<>();
            workbook.getSheet("Tổng hợp").forEach(row -> totals.put(row.getCell(0).getStringCellValue(), row.getCell(1)));
            JsonNode counts = summary.path("occurrences");
            assertThat(totals.get("Số mục tiêu").getNumericCellValue()).isEqualTo(summary.path("objectiveCount").asDouble()).isEqualTo(10);
            assertThat(totals.get("Đến hạn").getNumericCellValue()).isEqualTo(counts.path("due").asDouble()).isEqualTo(105);
            assertThat(totals.get("Hoàn thành đúng hạn").getNumericCellValue()).isEqualTo(counts.path("onTime").asDouble());
            assertThat(totals.get("Hoàn thành trễ hạn").getNumericCellValue()).isEqualTo(counts.path("late").asDouble());
            assertThat(totals.get("Quá hạn").getNumericCellValue()).isEqualTo(counts.path("overdue").asDouble()).isEqualTo(101);
            assertThat(totals.get("Tỷ lệ hoàn thành (%)").getNumericCellValue()).isEqualTo(summary.path("completionRate").asDouble()).isEqualTo(3.81);
            assertThat(totals.get("Tỷ lệ đúng hạn (%)").getNumericCellValue()).isEqualTo(summary.path("onTimeRate").asDouble()).isEqualTo(1.90);
            assertThat(totals.get("Số mục tiêu MISSED (Không đạt)").getNumericCellValue())
                    .isEqualTo(summary.path("kpiStatusCounts").path("MISSED").asDouble()).isEqualTo(1);
            assertThat(totals.get("Số liệu tính đến ngày").getLocalDateTimeCellValue().toLocalDate()).hasToString(asOf);
            assertThat(totals.get("Sự không phù hợp phát sinh trong năm").getNumericCellValue()).isEqualTo(nonconformities.path("total").asDouble()).isEqualTo(2);
            assertThat(totals.get("Sự không phù hợp đã đóng").getNumericCellValue()).isEqualTo(nonconformities.path("closed").asDouble()).isEqualTo(1);
            assertThat(totals.get("Sự không phù hợp quá hạn khắc phục").getNumericCellValue()).isEqualTo(nonconformities.path("overdue").asDouble()).isEqualTo(1);

            Sheet perObjective = workbook.getSheet("Mục tiêu");
            List<String> headings = headings(perObjective);
            assertThat(perObjective.getLastRowNum()).isEqualTo(objectives.path("content").size());
            for (int i = 0; i < objectives.path("content").size(); i++) {
                JsonNode api = objectives.path("content").get(i);
                Row row = perObjective.getRow(i + 1);
                assertThat(cell(row, headings, "Mã mục tiêu").getStringCellValue()).isEqualTo(api.path("code").asString());
                assertThat(cell(row, headings, "Tình trạng chỉ tiêu").getStringCellValue()).isEqualTo(api.path("kpiStatus").asString());
                assertThat(cell(row, headings, "Đến hạn").getNumericCellValue()).isEqualTo(api.path("occurrences").path("due").asDouble());
                assertThat(cell(row, headings, "Đúng hạn").getNumericCellValue()).isEqualTo(api.path("occurrences").path("onTime").asDouble());
                assertThat(cell(row, headings, "Trễ hạn").getNumericCellValue()).isEqualTo(api.path("occurrences").path("late").asDouble());
                assertThat(cell(row, headings, "Quá hạn").getNumericCellValue()).isEqualTo(api.path("occurrences").path("overdue").asDouble());
                assertSameRate(cell(row, headings, "Tỷ lệ hoàn thành (%)"), api.path("completionRate"));
                assertSameRate(cell(row, headings, "Tỷ lệ đúng hạn (%)"), api.path("onTimeRate"));
                JsonNode latest = api.path("latestMeasurement");
                Cell value = row.getCell(headings.indexOf("Kết quả đo gần nhất"));
                if (latest.isMissingNode() || latest.isNull()) {
                    assertThat(value).isNull();
                } else {
                    assertThat(value.getNumericCellValue()).isEqualTo(latest.path("value").asDouble());
                }
            }
            assertThat(cell(perObjective.getRow(1), headings, "Kết quả đo gần nhất").getNumericCellValue()).isEqualTo(95);

            Sheet perUnit = workbook.getSheet("Đơn vị");
            List<String> unitHeadings = headings(perUnit);
            assertThat(perUnit.getLastRowNum()).isEqualTo(units.path("units").size()).isEqualTo(2);
            for (int i = 0; i < units.path("units").size(); i++) {
                JsonNode api = units.path("units").get(i);
                Row row = perUnit.getRow(i + 1);
                assertThat(cell(row, unitHeadings, "Đơn vị").getStringCellValue()).isEqualTo(api.path("unit").asString());
                for (String[] pair : new String[][] {{"Được giao", "assigned"}, {"Đến hạn", "due"}, {"Đúng hạn", "onTime"},
                        {"Trễ hạn", "late"}, {"Quá hạn", "overdue"}, {"Tỷ lệ hoàn thành (%)", "completionRate"}}) {
                    assertThat(cell(row, unitHeadings, pair[0]).getNumericCellValue()).as(pair[0]).isEqualTo(api.path(pair[1]).asDouble());
                }
            }

            Sheet measures = workbook.getSheet("Biện pháp");
            List<String> measureHeadings = headings(measures);
            double due = 0;
            for (int i = 1; i <= measures.getLastRowNum(); i++) {
                due += cell(measures.getRow(i), measureHeadings, "Đến hạn").getNumericCellValue();
            }
            assertThat(due).as("the measures' own occurrences add up to the organisation's").isEqualTo(105);
            assertThat(workbook.getSheet("Minh chứng").getLastRowNum()).isEqualTo(4);
            assertThat(workbook.getSheet("Sự không phù hợp").getLastRowNum()).isEqualTo(2);
        }
    }

    // ---- as known at the cut-off ----------------------------------------------------------------------------------

    @Test
    void aReportGeneratedAgainAfterACorrectionIsByteIdenticalAndWithoutIt() throws IOException {
        assertThat(docxAgainAfterCorrection).isEqualTo(docxAtCutOff);
        assertThat(xlsxAgainAfterCorrection).isEqualTo(xlsxAtCutOff);
        assertThat(text(docxAgainAfterCorrection)).doesNotContain("đính chính lần 2").contains("- Đánh giá chỉ tiêu: Không đạt.");

        // A report at a later cut-off shows the correction: Q2 at 20/20 = 100 %, the target met at the year's end.
        String later = text(download("docx", "kind=SIX_MONTH&cutOff=" + afterCorrection + SIGNED));
        assertThat(later).contains("- Kết quả đo gần nhất: 100 % (20/20), kỳ 01/04/2023 - 30/06/2023; nguồn: Báo cáo quý II (đính chính lần 2).",
                "Đạt\t1", "Không đạt\t0");
    }

    @Test
    void theKindChangesTheTitleOnly() throws IOException {
        assertThat(text(download("docx", "kind=ANNUAL&cutOff=" + cutOff))).contains("Kết quả thực hiện mục tiêu chất lượng năm 2023\n")
                .contains("Số:       /BC-SLĐTBXH", "GIÁM ĐỐC"); // unnumbered: room left before the symbol
        LocalDate day = LocalDate.ofInstant(cutOff, AGENCY);
        assertThat(text(download("docx", "cutOff=" + cutOff))).contains("Kết quả thực hiện mục tiêu chất lượng năm 2023 đến ngày "
                + String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear()));
    }

    @Test
    void readersOfAnotherOrganisationAreRefusedAndBadParametersAreProblems() {
        assertThat(status("xem", "/api/organisations/SLDTBXH-HN/years/2023/reports/results.docx")).isEqualTo(403);
        assertThat(status("baocao", REPORTS + "xlsx")).isEqualTo(403); // the feed's machine role reads no reports
        assertThat(status("tinh", REPORTS + "xlsx?cutOff=" + cutOff)).isEqualTo(200); // the province reads every organisation
        assertThat(status("tinh", "/api/organisations/SLDTBXH-HN/years/2023/reports/results.docx")).isEqualTo(404);
        assertThat(problem("xem", REPORTS + "docx?kind=WEEKLY")).contains("\"code\":\"INVALID_PARAMETER\"", "kind");
        assertThat(problem("xem", REPORTS + "docx?cutOff=yesterday")).contains("\"code\":\"INVALID_PARAMETER\"", "cutOff");
        assertThat(problem("xem", REPORTS + "xlsx?cutOff=" + Instant.now().plusSeconds(3600))).contains("\"code\":\"INVALID_PARAMETER\"",
                "must not be in the future");
        // nothing of 2023 had been recorded before the year's script started
        assertThat(status("xem", REPORTS + "docx?cutOff=2020-01-01T00:00:00Z")).isEqualTo(404);
    }

    // ---- issued and verified --------------------------------------------------------------------------------------

    @Test
    void anIssuedReportIsVerifiedByteForByteAndATamperedFileIsNot() throws Exception {
        // what issuing records: the parameters as resolved and both hashes, the body of the command as it stands
        JsonNode issue = services.get("thuky", "/api/organisations/" + ORG + "/years/2023/reports/results?kind=SIX_MONTH&cutOff="
                + cutOff + SIGNED);
        assertThat(issue.path("docxSha256").asString()).isEqualTo(sha256(docxAtCutOff));
        assertThat(issue.path("xlsxSha256").asString()).isEqualTo(sha256(xlsxAtCutOff));
        assertThat(issue.path("number").asString()).isEqualTo("215/BC-SLĐTBXH");
        ((ObjectNode) issue).put("reportId", "SLDTBXH-HD.BC-MTCL-2023-6T");
        services.on(LocalDate.now(AGENCY).toString()); // issued today: on or after the cut-off's day
        services.post("thuky", "/api/reports/results", issue.toString(), 201);
        services.post("thuky", "/api/reports/results", issue.toString(), 201); // a retry stores nothing
        assertThat(services.database().queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?",
                Long.class, "SLDTBXH-HD.BC-MTCL-2023-6T")).isEqualTo(1);
        services.post("nhanvienvp", "/api/reports/results", issue.toString().replace("BC-MTCL-2023-6T", "BC-MTCL-2023-X"), 403);
        assertThat(services.assertEveryLocationIsARead()).anyMatch(followed -> followed.endsWith("/api/reports/SLDTBXH-HD.BC-MTCL-2023-6T/results.docx"));

        // the files generated after a later correction, at the same cut-off, are the report issued
        JsonNode docx = verify("SLDTBXH-HD.BC-MTCL-2023-6T", docxAgainAfterCorrection, 200);
        assertThat(docx.path("verified").asBoolean()).as(docx.toString()).isTrue();
        assertThat(docx.path("issuedAs").asString()).isEqualTo("DOCX");
        assertThat(docx.path("regeneratesAsIssued").asBoolean()).isTrue();
        JsonNode xlsx = verify("SLDTBXH-HD.BC-MTCL-2023-6T", xlsxAtCutOff, 200);
        assertThat(xlsx.path("verified").asBoolean()).isTrue();
        assertThat(xlsx.path("issuedAs").asString()).isEqualTo("XLSX");

        // one byte changed, or the report at a later cut-off (with the correction): not what was issued
        byte[] tampered = docxAtCutOff.clone();
        tampered[tampered.length / 2] ^= 1;
        JsonNode altered = verify("SLDTBXH-HD.BC-MTCL-2023-6T", tampered, 200);
        assertThat(altered.path("verified").asBoolean()).isFalse();
        assertThat(altered.path("issuedAs").isNull()).isTrue();
        assertThat(verify("SLDTBXH-HD.BC-MTCL-2023-6T", download("docx", "kind=SIX_MONTH&cutOff=" + afterCorrection + SIGNED), 200)
                .path("verified").asBoolean()).isFalse();
        verify("no-such-report", docxAtCutOff, 404);

        // the organisation's list of issued reports names it, with who issued it; its files are the issued bytes
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                services.get("xem", "/api/organisations/" + ORG + "/years/2023/reports/issued").path("content")).hasSize(1));
        JsonNode listed = services.get("xem", "/api/organisations/" + ORG + "/years/2023/reports/issued").path("content").get(0);
        assertThat(listed.path("reportId").asString()).isEqualTo("SLDTBXH-HD.BC-MTCL-2023-6T");
        assertThat(listed.path("kind").asString()).isEqualTo("SIX_MONTH");
        assertThat(listed.path("number").asString()).isEqualTo("215/BC-SLĐTBXH");
        assertThat(Instant.parse(listed.path("cutOff").asString())).isEqualTo(cutOff);
        assertThat(listed.path("signerName").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(listed.path("docxSha256").asString()).isEqualTo(sha256(docxAtCutOff));
        assertThat(listed.path("issuedBy").asString()).isEqualTo("thuky");
        assertThat(listed.path("issuedByName").asString()).isEqualTo("Nguyễn Thị Thư");
        assertThat(listed.path("issuedOn").asString()).isEqualTo(LocalDate.now(AGENCY).toString());
        assertThat(issuedFile("SLDTBXH-HD.BC-MTCL-2023-6T", "docx", "xem", 200)).isEqualTo(docxAtCutOff);
        assertThat(issuedFile("SLDTBXH-HD.BC-MTCL-2023-6T", "xlsx", "xem", 200)).isEqualTo(xlsxAtCutOff);
        issuedFile("no-such-report", "docx", "xem", 404);
        assertThat(status("baocao", "/api/organisations/" + ORG + "/years/2023/reports/issued")).isEqualTo(403);
        issuedFile("SLDTBXH-HD.BC-MTCL-2023-6T", "docx", "baocao", 403);
    }

    private byte[] issuedFile(String reportId, String extension, String user, int expectedStatus) {
        return queries.get().uri("/api/reports/" + reportId + "/results." + extension).header("Authorization", basic(user))
                .exchange((request, response) -> {
                    byte[] body = response.getBody().readAllBytes();
                    assertThat(response.getStatusCode().value()).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(expectedStatus);
                    if (expectedStatus == 200) {
                        assertThat(response.getHeaders().getFirst("Report-SHA-256")).isEqualTo(sha256(body));
                    }
                    return body;
                });
    }

    private JsonNode verify(String reportId, byte[] file, int expectedStatus) {
        return queries.post().uri("/api/reports/" + reportId + "/verification").header("Authorization", basic("xem"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(file)
                .exchange((request, response) -> {
                    String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(response.getStatusCode().value()).as(body).isEqualTo(expectedStatus);
                    return JSON.readTree(body);
                });
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private byte[] download(String extension, String query) {
        return queries.get().uri(REPORTS + extension + "?" + query).header("Authorization", basic("xem"))
                .exchange((request, response) -> {
                    byte[] body = response.getBody().readAllBytes();
                    assertThat(response.getStatusCode().value()).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(200);
                    assertThat(response.getHeaders().getFirst("Report-SHA-256")).hasSize(64);
                    return body;
                });
    }

    private int status(String user, String path) {
        return queries.get().uri(path).header("Authorization", basic(user))
                .exchange((request, response) -> response.getStatusCode().value());
    }

    private String problem(String user, String path) {
        return queries.get().uri(path).header("Authorization", basic(user)).exchange((request, response) -> {
            String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response.getStatusCode().value()).as(body).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            return body;
        });
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

    private static List<String> headings(Sheet sheet) {
        List<String> headings = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headings.add(cell.getStringCellValue()));
        return headings;
    }

    private static Cell cell(Row row, List<String> headings, String heading) {
        assertThat(headings).contains(heading);
        return row.getCell(headings.indexOf(heading));
    }

    /** A rate of nothing due is null in the API and an empty cell in the workbook. */
    private static void assertSameRate(Cell cell, JsonNode rate) {
        if (rate.isNull()) {
            assertThat(cell).isNull();
        } else {
            assertThat(cell.getNumericCellValue()).isEqualTo(rate.asDouble());
        }
    }
}
