package vn.qualityledger.query.export;

import vn.qualityledger.support.documents.DeterministicZip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A table as an Excel workbook of one sheet: the Vietnamese headings in a bold, frozen first row with an auto-filter,
 * then one row per list row with typed cells (counts and rates as numbers, dates as dates), no formulas. Column widths
 * come from the text's length, never from font metrics (which differ between machines), and the document's metadata
 * is fixed, so the same list gives the same bytes.
 */
public final class XlsxExport {

    /** No generation time enters the file: the same rows export to the same bytes (see {@link DeterministicZip}). */
    private static final Date FIXED_TIME = Date.from(DeterministicZip.ENTRY_TIME.toInstant(ZoneOffset.UTC));
    private static final int WIDEST = 60;
    private static final int NARROWEST = 8;
    /** Widths are measured over the first rows only: a long list costs no second pass. */
    private static final int ROWS_MEASURED = 1000;

    private XlsxExport() {
    }

    public static byte[] write(ExportTable<?> table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            metadata(workbook, table.title());
            Styles styles = new Styles(workbook);
            XSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
            List<String> headings = table.headings();
            List<CellKind> kinds = table.columns().stream().map(ExportColumn::kind).toList();
            Row header = sheet.createRow(0);
            int[] widths = new int[headings.size()];
            for (int i = 0; i < headings.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(headings.get(i));
                cell.setCellStyle(styles.header);
                widths[i] = headings.get(i).length();
            }
            List<List<Object>> rows = table.cells();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value == null) {
                        continue; // an empty cell, as the JSON's null
                    }
                    write(row.createCell(i), kinds.get(i), value, styles);
                    if (r < ROWS_MEASURED) {
                        widths[i] = Math.max(widths[i], shownLength(kinds.get(i), value));
                    }
                }
            }
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, Math.min(WIDEST, Math.max(NARROWEST, widths[i] + 2)) * 256);
            }
            sheet.createFreezePane(0, 1);
            if (!headings.isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(0, rows.size(), 0, headings.size() - 1));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return DeterministicZip.normalise(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export", e);
        }
    }

    private static void write(Cell cell, CellKind kind, Object value, Styles styles) {
        switch (kind) {
            case TEXT -> cell.setCellValue((String) value);
            case INTEGER -> cell.setCellValue(((Long) value).doubleValue());
            case DECIMAL -> cell.setCellValue(((BigDecimal) value).doubleValue());
            case PERCENT -> {
                cell.setCellValue(((BigDecimal) value).doubleValue());
                cell.setCellStyle(styles.percent);
            }
            case DATE -> {
                cell.setCellValue((LocalDate) value);
                cell.setCellStyle(styles.date);
            }
            case DATE_TIME -> {
                // Excel has no time zones: the local time of the agency, which the heading names
                cell.setCellValue(((OffsetDateTime) value).toLocalDateTime());
                cell.setCellStyle(styles.dateTime);
            }
        }
    }

    private static int shownLength(CellKind kind, Object value) {
        return switch (kind) {
            case DATE -> 10;
            case DATE_TIME -> 19;
            case TEXT -> ((String) value).length();
            default -> value.toString().length();
        };
    }

    private static void metadata(XSSFWorkbook workbook, String title) {
        POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
        core.setCreated(Optional.of(FIXED_TIME));
        core.setModified(Optional.of(FIXED_TIME));
        core.setCreator("Quality Ledger");
        core.setTitle(title);
        workbook.getProperties().getExtendedProperties().setApplication("Quality Ledger");
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle percent;
        final CellStyle date;
        final CellStyle dateTime;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            DataFormat formats = workbook.getCreationHelper().createDataFormat();
            percent = workbook.createCellStyle();
            percent.setDataFormat(formats.getFormat("0.00"));
            date = workbook.createCellStyle();
            date.setDataFormat(formats.getFormat("dd/mm/yyyy"));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(formats.getFormat("dd/mm/yyyy hh:mm:ss"));
        }
    }
}
