package vn.qualityledger.command.plan;

import vn.qualityledger.support.documents.DeterministicZip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The plan workbook to fill in: the sheets {@link PlanWorkbook} reads, each with its Vietnamese headers and one
 * example row (together a plan that imports), and a sheet listing the schedule phrases {@link SchedulePhrases}
 * reads. The same bytes every time: fixed document properties and a {@link DeterministicZip} container.
 */
final class PlanWorkbookTemplate {

    static final String PHRASES = "Thời gian thực hiện";
    private static final Instant FIXED = Instant.parse("2000-01-01T00:00:00Z");

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle wrapped;

    private PlanWorkbookTemplate() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
    }

    static byte[] bytes() {
        return new PlanWorkbookTemplate().render();
    }

    private byte[] render() {
        try (workbook) {
            POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
            core.setCreated(Optional.of(Date.from(FIXED)));
            core.setModified(Optional.of(Date.from(FIXED)));
            core.setCreator("Quality Ledger");
            core.setTitle("Kế hoạch thực hiện mục tiêu chất lượng (mẫu)");
            workbook.getProperties().getExtendedProperties().setApplication("Quality Ledger");

            XSSFSheet info = sheet(PlanWorkbook.INFO, List.of("Thông tin", "Giá trị"), 22, 50);
            row(info, PlanWorkbook.ORGANISATION_CODE, "SLDTBXH-HD");
            row(info, PlanWorkbook.ORGANISATION_NAME, "Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương");
            row(info, PlanWorkbook.TIMEZONE, "Asia/Ho_Chi_Minh");
            row(info, PlanWorkbook.YEAR, "2023");
            row(info, PlanWorkbook.DECISION_NUMBER, "147/QĐ-SLĐTBXH");
            row(info, PlanWorkbook.DECISION_DATE, "07/02/2023");

            XSSFSheet objectives = sheet(PlanWorkbook.OBJECTIVES, PlanWorkbook.OBJECTIVE_HEADERS, 6, 16, 60, 40, 10, 10, 12);
            row(objectives, "I", "MTCL-2023-01", "100% phòng, trung tâm thuộc Sở triển khai áp dụng có hiệu quả HTQLCL phù hợp TCVN ISO 9001:2015.",
                    "Tỷ lệ phòng, trung tâm áp dụng có hiệu quả HTQLCL", ">=", "100", "%");

            XSSFSheet plan = sheet(PlanWorkbook.PLAN, PlanWorkbook.PLAN_HEADERS, 6, 50, 28, 28, 28, 24, 40);
            row(plan, "I", "100% PHÒNG, TRUNG TÂM THUỘC SỞ TRIỂN KHAI ÁP DỤNG CÓ HIỆU QUẢ HTQLCL");
            row(plan, "1", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng", "Văn phòng Sở", "Các phòng, trung tâm thuộc Sở",
                    "Trước 15/5 và trước 30/10 hằng năm", "QMR\nThư ký ISO của Sở",
                    "- Báo cáo kết quả thực hiện MTCL 6 tháng\n- Báo cáo kết quả thực hiện MTCL năm");

            XSSFSheet units = sheet(PlanWorkbook.UNITS, PlanWorkbook.UNIT_HEADERS, 16, 50, 14);
            row(units, "VP", "Văn phòng Sở", "OFFICE");
            row(units, "ALL_UNITS", "Các phòng, trung tâm thuộc Sở", "GROUP");
            row(units, "QMR", "Đại diện lãnh đạo về chất lượng (QMR)", "ROLE");
            row(units, "TK-ISO", "Thư ký ISO của Sở", "ROLE");

            XSSFSheet phrases = sheet(PHRASES, List.of("Cụm từ (ví dụ)", "Cách đọc"), 50, 80);
            for (SchedulePhrases.Phrase phrase : SchedulePhrases.PHRASES) {
                row(phrases, phrase.example(), phrase.reading());
            }
            row(phrases, "Nhiều cụm từ", "nối bằng \";\", \" và \" hoặc \" hoặc \"; nhãn trước ngoặc hoặc ghi chú trong ngoặc được bỏ qua");

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return DeterministicZip.normalise(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the plan template", e);
        }
    }

    private XSSFSheet sheet(String name, List<String> headers, int... widths) {
        XSSFSheet sheet = workbook.createSheet(name);
        XSSFRow row = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            row.createCell(c).setCellValue(headers.get(c));
            row.getCell(c).setCellStyle(header);
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private void row(XSSFSheet sheet, String... values) {
        XSSFRow row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c]);
            row.getCell(c).setCellStyle(wrapped);
        }
    }
}
