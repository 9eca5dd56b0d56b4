package vn.qualityledger.query.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.qualityledger.query.web.TooManyRowsException;

class ExportWritersTest {

    record Work(String unit, String note, long due, BigDecimal rate, LocalDate dueDate, OffsetDateTime recordedAt) {
    }

    private static final OffsetDateTime RECORDED = OffsetDateTime.of(2023, 2, 1, 10, 0, 0, 0, ZoneOffset.ofHours(7));

    private static final List<Work> ROWS = List.of(
            new Work("Phòng Kế hoạch – Tài chính", "Có dấu phẩy, \"ngoặc kép\"\nvà xuống dòng", 12, new BigDecimal("33.33"),
                    LocalDate.of(2023, 1, 31), RECORDED),
            new Work("Văn phòng Sở", null, 0, null, null, null));

    private static ExportTable<Work> table(List<Work> rows) {
        return ExportTable.of("Bảng công việc", rows,
                ExportColumn.text("Đơn vị thực hiện", Work::unit),
                ExportColumn.text("Ghi chú", Work::note),
                ExportColumn.integer("Đến hạn", Work::due),
                ExportColumn.percent("Tỷ lệ đúng hạn (%)", Work::rate),
                ExportColumn.date("Hạn hoàn thành", Work::dueDate),
                ExportColumn.dateTime("Thời điểm ghi nhận", Work::recordedAt));
    }

    @Test
    void theXlsxHoldsTypedValuesUnderABoldFrozenFilteredHeadingRow() throws Exception {
        byte[] xlsx = XlsxExport.write(table(ROWS));

        assertThat(ExportFiles.xlsx(xlsx)).containsExactly(
                List.of("Đơn vị thực hiện", "Ghi chú", "Đến hạn", "Tỷ lệ đúng hạn (%)", "Hạn hoàn thành", "Thời điểm ghi nhận"),
                List.of("Phòng Kế hoạch – Tài chính", "Có dấu phẩy, \"ngoặc kép\"\nvà xuống dòng", "12", "33.33", "2023-01-31",
                        "2023-02-01T10:00"),
                List.of("Văn phòng Sở", "", "0", "", "", ""));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Bảng công việc");
            assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:F3");
            assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(33.33);
            assertThat(sheet.getRow(1).getCell(4).getCellType()).isEqualTo(CellType.NUMERIC); // a date, not text
            // widths from the text: the long unit name is wider than the narrowest column
            assertThat(sheet.getColumnWidth(0)).isEqualTo(("Phòng Kế hoạch – Tài chính".length() + 2) * 256);
            assertThat(sheet.getColumnWidth(2)).isEqualTo(9 * 256);
            assertThat(workbook.getProperties().getCoreProperties().getCreated())
                    .isEqualTo(java.util.Date.from(java.time.Instant.parse("2000-01-01T00:00:00Z")));
        }
    }

    @Test
    void theSameRowsGiveTheSameXlsxBytes() {
        assertThat(XlsxExport.write(table(ROWS))).isEqualTo(XlsxExport.write(table(ROWS)));
    }

    @Test
    void theCsvIsRfc4180InUtf8WithAByteOrderMark() {
        byte[] csv = CsvExport.write(table(ROWS));

        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFĐơn vị thực hiện,Ghi chú,Đến hạn,");
        assertThat(text).contains("\"Có dấu phẩy, \"\"ngoặc kép\"\"\nvà xuống dòng\"");
        assertThat(text).contains("\r\n").endsWith("\r\n");
        assertThat(text.split("\r\n")[1]).endsWith(",12,33.33,2023-01-31,2023-02-01T10:00:00+07:00");
        assertThat(ExportFiles.csv(csv)).containsExactly(
                List.of("Đơn vị thực hiện", "Ghi chú", "Đến hạn", "Tỷ lệ đúng hạn (%)", "Hạn hoàn thành", "Thời điểm ghi nhận"),
                List.of("Phòng Kế hoạch – Tài chính", "Có dấu phẩy, \"ngoặc kép\"\nvà xuống dòng", "12", "33.33", "2023-01-31",
                        "2023-02-01T10:00:00+07:00"),
                List.of("Văn phòng Sở", "", "0", "", "", ""));
    }

    @Test
    void anEmptyListStillHasItsHeadings() {
        assertThat(ExportFiles.xlsx(XlsxExport.write(table(List.of())))).hasSize(1);
        assertThat(ExportFiles.csv(CsvExport.write(table(List.of())))).hasSize(1);
    }

    @Test
    void aColumnRefusesAValueOfAnotherKind() {
        ExportTable<Work> wrong = ExportTable.of("Sai", ROWS, new ExportColumn<>("Đến hạn", CellKind.INTEGER, Work::unit));
        assertThatThrownBy(() -> CsvExport.write(wrong)).isInstanceOf(IllegalStateException.class).hasMessageContaining("Đến hạn");
    }

    @Test
    void theResponseNamesTheFileInVietnameseWithAnAsciiFallback() {
        ResponseEntity<byte[]> response = Exports.file(ExportFormat.CSV, "Bảng công việc đến ngày 2023-02-01", table(ROWS));

        assertThat(response.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(response.getHeaders().getFirst("Content-Disposition")).isEqualTo(
                "attachment; filename=\"Bang cong viec den ngay 2023-02-01.csv\"; "
                        + "filename*=UTF-8''B%E1%BA%A3ng%20c%C3%B4ng%20vi%E1%BB%87c%20%C4%91%E1%BA%BFn%20ng%C3%A0y%202023-02-01.csv");
    }

    @Test
    void moreRowsThanTheCapAreRefused() {
        assertThatThrownBy(() -> Exports.requireAtMostMaxRows(Exports.MAX_ROWS + 1L)).isInstanceOf(TooManyRowsException.class)
                .hasMessageContaining("50001");
        Exports.requireAtMostMaxRows(Exports.MAX_ROWS);
    }
}
