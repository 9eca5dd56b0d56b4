package vn.qualityledger.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import vn.qualityledger.support.documents.DeterministicZip;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.api.objective.Period;
import vn.qualityledger.api.report.ResultsReportKind;
import vn.qualityledger.query.dashboard.KpiStatus;
import vn.qualityledger.query.dashboard.LatestMeasurement;
import vn.qualityledger.query.dashboard.MeasureFigures;
import vn.qualityledger.query.dashboard.ObjectiveDashboard;
import vn.qualityledger.query.dashboard.OccurrenceCounts;
import vn.qualityledger.query.dashboard.OrganisationSummary;
import vn.qualityledger.query.dashboard.TargetView;
import vn.qualityledger.query.dashboard.UnitFigures;
import vn.qualityledger.query.document.PrintedCheckpoint;
import vn.qualityledger.query.document.Sha256;
import vn.qualityledger.query.document.VietnameseText;
import vn.qualityledger.query.nonconformity.NonconformityRow;
import vn.qualityledger.query.nonconformity.NonconformitySummary;
import vn.qualityledger.query.tracking.NonconformityStatus;

/** The two files of a report, from figures given by hand: the same report gives the same bytes at any later time. */
class ResultsReportFilesTest {

    /** 17:30 UTC on 14 July is already 15 July in Vietnam. */
    static final Instant CUT_OFF = Instant.parse("2023-07-14T17:30:00Z");
    static final LocalDate AS_OF = LocalDate.of(2023, 7, 15);

    static final PrintedCheckpoint CHECKPOINT = new PrintedCheckpoint(1234, "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=",
            "5f1c2a9be0d34c77", "2023-07-14T17:00:00.123456Z");

    static ResultsReport report() {
        return report(null);
    }

    static ResultsReport report(PrintedCheckpoint checkpoint) {
        ReportParameters parameters = new ReportParameters("SLDTBXH-HD", 2023, ResultsReportKind.SIX_MONTH, CUT_OFF, "215/BC-SLĐTBXH",
                "Sở Lao động - Thương binh và Xã hội", "UBND tỉnh Hải Dương", "Hải Dương", "", "Giám đốc", "Nguyễn Văn An",
                List.of("Ban Chỉ đạo ISO tỉnh;", "Lưu: VT, VP."), checkpoint);
        OccurrenceCounts counts = OccurrenceCounts.of(14, 8, 2, 2, 5);
        ObjectiveDashboard objective = new ObjectiveDashboard("SLDTBXH-HD.MTCL-2023-01", "SLDTBXH-HD", 2023, "MTCL-2023-01",
                "100% phòng, trung tâm áp dụng HTQLCL", new TargetView("Tỷ lệ phòng, trung tâm", ">=", new BigDecimal("100"), "%"),
                new Decision("147/QĐ-SLĐTBXH", LocalDate.of(2023, 2, 7)), null, null,
                new LatestMeasurement("q2", new Period(LocalDate.of(2023, 4, 1), LocalDate.of(2023, 6, 30)), new BigDecimal("96.96"),
                        new BigDecimal("1212"), new BigDecimal("1250"), "Báo cáo quý II", LocalDate.of(2023, 7, 5)),
                KpiStatus.AT_RISK, counts, new BigDecimal("50.00"), new BigDecimal("25.00"), AS_OF);
        MeasureFigures measure = new MeasureFigures(objective.objectiveId(), "I.1", null, "I.1", "Xây dựng MTCL", List.of("VP", "BCD-ISO"),
                List.of("ALL_UNITS"), null, counts, new BigDecimal("50.00"), new BigDecimal("25.00"));
        AcceptedEvidence evidence = new AcceptedEvidence(objective.objectiveId(), "I.1", "I.1@2023-01-31", LocalDate.of(2023, 1, 31),
                "147/QĐ-SLĐTBXH", LocalDate.of(2023, 2, 7), "Văn phòng Sở", "QĐ công bố MTCL", LocalDate.of(2023, 2, 10),
                LocalDate.of(2023, 2, 7));
        Map<KpiStatus, Integer> statuses = new EnumMap<>(KpiStatus.class);
        for (KpiStatus status : KpiStatus.values()) {
            statuses.put(status, status == KpiStatus.AT_RISK ? 1 : 0);
        }
        OrganisationSummary summary = new OrganisationSummary("SLDTBXH-HD", 2023, AS_OF, 1, counts, new BigDecimal("50.00"),
                new BigDecimal("25.00"), statuses);
        UnitFigures unit = new UnitFigures("VP", 1212, 1000, 400, 300, 300, new BigDecimal("70.00"), new BigDecimal("40.00"), 0);
        Map<NonconformityStatus, Long> byStatus = new EnumMap<>(NonconformityStatus.class);
        NonconformitySummary nonconformities = new NonconformitySummary("SLDTBXH-HD", 2023, AS_OF, 1, 1, 0, 0, 0, 3, null, null,
                0, 0, null, byStatus, Map.of(), Map.of(), List.of(), List.of(), List.of());
        NonconformityRow row = new NonconformityRow("NC-1", NonconformitySource.COMPLAINT, Severity.MINOR, "VP", "8.7",
                "Hồ sơ trả chậm", LocalDate.of(2023, 7, 12), NonconformityStatus.RAISED, null, 3, false, 0, 0, null, null, null);
        return new ResultsReport(parameters, AS_OF, List.of(new ResultsReport.ObjectiveSection(objective, List.of(measure),
                List.of(evidence))), summary, List.of(unit), nonconformities, List.of(row));
    }

    /** The SHA-256 this report's Word document had before checkpoints were printed (generator of commit 50306f6). */
    static final String DOCX_WITHOUT_CHECKPOINT = "b990d96e3a408d53736058ce559d7a1ed854519758e0aabe3072ae93f78da6dd";

    @Test
    void aReportIssuedWithoutACheckpointKeepsTheBytesItWasIssuedWith() {
        assertThat(Sha256.hex(ResultsReportDocx.write(report()))).isEqualTo(DOCX_WITHOUT_CHECKPOINT);
    }

    @Test
    void theCheckpointIssuedAtIsTheLastLineOfTheWordDocument() throws IOException {
        byte[] docx = ResultsReportDocx.write(report(CHECKPOINT));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(document.getParagraphs().get(document.getParagraphs().size() - 1).getText()).isEqualTo(
                    "Điểm kiểm tra sổ cái: kích thước 1234, gốc q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=, khóa 5f1c2a9be0d34c77, "
                            + "thời điểm 2023-07-14T17:00:00.123456Z");
        }
        assertThat(ResultsReportDocx.write(report(CHECKPOINT))).isEqualTo(docx);
        assertThat(Sha256.hex(docx)).isNotEqualTo(DOCX_WITHOUT_CHECKPOINT);
    }

    @Test
    void theSameReportGivesTheSameBytesSecondsLater() throws Exception {
        byte[] docx = ResultsReportDocx.write(report());
        byte[] xlsx = ResultsReportXlsx.write(report());
        Thread.sleep(2100); // a zip entry's time has a resolution of two seconds
        assertThat(ResultsReportDocx.write(report())).isEqualTo(docx);
        assertThat(ResultsReportXlsx.write(report())).isEqualTo(xlsx);
    }

    @Test
    void theBytesDoNotDependOnTheMachinesTimeZoneOrLocale() {
        byte[] docx = ResultsReportDocx.write(report());
        byte[] xlsx = ResultsReportXlsx.write(report());
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            Locale.setDefault(Locale.GERMANY); // a decimal comma of its own, and other month names
            assertThat(ResultsReportDocx.write(report())).isEqualTo(docx);
            assertThat(ResultsReportXlsx.write(report())).isEqualTo(xlsx);
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    @Test
    void everyEntryOfTheContainerCarriesTheSameFixedTimeInPoisOrder() throws IOException {
        for (byte[] file : List.of(ResultsReportDocx.write(report()), ResultsReportXlsx.write(report()))) {
            List<String> names = new ArrayList<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    names.add(entry.getName());
                    assertThat(entry.getTimeLocal()).as(entry.getName()).isEqualTo(DeterministicZip.ENTRY_TIME);
                    assertThat(entry.getMethod()).isEqualTo(ZipEntry.STORED);
                    assertThat(entry.getExtra()).isNull();
                }
            }
            assertThat(names).first().isEqualTo("[Content_Types].xml");
            assertThat(names).contains("docProps/core.xml");
        }
    }

    @Test
    void theDocumentIsDatedAndCreatedOnTheCutOffInVietnam() throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(ResultsReportDocx.write(report())));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            String text = extractor.getText();
            assertThat(text).contains("Hải Dương, ngày 15 tháng 7 năm 2023", "Số: 215/BC-SLĐTBXH",
                    "Kết quả thực hiện mục tiêu chất lượng 6 tháng đầu năm 2023",
                    "- Kết quả đo gần nhất: 96,96 % (1.212/1.250), kỳ 01/04/2023 - 30/06/2023; nguồn: Báo cáo quý II.",
                    "- Đánh giá chỉ tiêu: Có nguy cơ không đạt.", "Tỷ lệ hoàn thành: 50,00 %; tỷ lệ đúng hạn: 25,00 %.",
                    "theo các dữ liệu đã ghi nhận trên hệ thống đến 00:30:00 ngày 15/07/2023 (giờ Việt Nam)",
                    "VP\t1212\t1000\t400\t300\t300\t70,00 %", "GIÁM ĐỐC", "Nguyễn Văn An");
            assertThat(document.getProperties().getCoreProperties().getCreated().toInstant()).isEqualTo(CUT_OFF);
            assertThat(document.getProperties().getCoreProperties().getModified().toInstant()).isEqualTo(CUT_OFF);
        }
    }

    @Test
    void theWorkbookKeepsNumbersAndDatesAsValues() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ResultsReportXlsx.write(report())))) {
            var objectives = workbook.getSheet("Mục tiêu");
            assertThat(objectives.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(96.96);
            assertThat(objectives.getRow(1).getCell(9).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2023, 4, 1));
            assertThat(workbook.getSheet("Đơn vị").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1212);
        }
    }

    @Test
    void datesAndNumbersAreWrittenAsNghiDinh30AndVietnameseUsageWriteThem() {
        assertThat(VietnameseText.documentDate(LocalDate.of(2023, 2, 5))).isEqualTo("ngày 05 tháng 02 năm 2023");
        assertThat(VietnameseText.documentDate(LocalDate.of(2023, 3, 15))).isEqualTo("ngày 15 tháng 3 năm 2023");
        assertThat(VietnameseText.documentDate(LocalDate.of(2023, 12, 1))).isEqualTo("ngày 01 tháng 12 năm 2023");
        assertThat(VietnameseText.number(new BigDecimal("1212"))).isEqualTo("1.212");
        assertThat(VietnameseText.number(new BigDecimal("1234567.50"))).isEqualTo("1.234.567,5");
        assertThat(VietnameseText.number(new BigDecimal("1E+2"))).isEqualTo("100");
        assertThat(VietnameseText.rate(new BigDecimal("7.1"))).isEqualTo("7,10 %");
        assertThat(VietnameseText.rate(null)).isEqualTo("–");
    }

    @Test
    void measuresFollowThePlansOrder() {
        assertThat(List.of("I.10", "I.2", "I.1.b", "I.1", "I.1.a").stream().sorted(PlanOrder.CODES).toList())
                .containsExactly("I.1", "I.1.a", "I.1.b", "I.2", "I.10");
    }
}
