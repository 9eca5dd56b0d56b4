package vn.qualityledger.query.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an export back, as a spreadsheet user or a CSV tool would, into rows of text for comparing with the JSON read:
 * a number as its plain decimal without trailing zeros ({@code 50.00} and {@code 50} both {@code 50}), a date as
 * ISO-8601, an empty cell as "".
 */
public final class ExportFiles {

    private ExportFiles() {
    }

    /** The first sheet's rows, the heading row first; fails on a formula cell (an export holds values only). */
    public static List<List<String>> xlsx(byte[] content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    cells.add(row == null ? "" : text(row.getCell(c)));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records, the heading row first; asserts the UTF-8 byte order mark Excel needs and strips it. */
    public static List<List<String>> csv(byte[] content) {
        if (content.length < 3 || (content[0] & 0xFF) != 0xEF || (content[1] & 0xFF) != 0xBB || (content[2] & 0xFF) != 0xBF) {
            throw new AssertionError("the CSV does not start with the UTF-8 byte order mark");
        }
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content, 3, content.length - 3), StandardCharsets.UTF_8)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.RFC4180.parse(reader)) {
                rows.add(record.stream().map(ExportFiles::canonical).toList());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows of a JSON read, each as the named fields (JsonPath relative to a row, e.g. {@code target.value}) in the
     * form the exports' cells are read back in: a boolean as Có/Không, a list joined with ", ", null as "".
     */
    /**
     * The table with a column of names inserted after {@code column}: its heading, then for each row the name
     * {@code names} gives the row's code in that column, or an empty cell.
     */
    public static List<List<String>> namedAfter(List<List<String>> table, int column, String heading, java.util.Map<String, String> names) {
        List<List<String>> result = new ArrayList<>();
        for (int r = 0; r < table.size(); r++) {
            List<String> row = new ArrayList<>(table.get(r));
            row.add(column + 1, r == 0 ? heading : names.getOrDefault(row.get(column), ""));
            result.add(row);
        }
        return result;
    }

    public static List<List<String>> json(String json, String rowsPath, String... fields) {
        List<Object> rows = JsonPath.read(json, rowsPath);
        List<List<String>> result = new ArrayList<>();
        for (Object row : rows) {
            List<String> cells = new ArrayList<>();
            for (String field : fields) {
                Object value;
                try {
                    value = JsonPath.read(row, "$." + field);
                } catch (PathNotFoundException e) {
                    value = null; // a null member on the way (no target, no measurement)
                }
                cells.add(jsonText(value));
            }
            result.add(cells);
        }
        return result;
    }

    private static String jsonText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean yes) {
            return yes ? "Có" : "Không";
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return canonical(value.toString());
    }

    /** A number's plain form without trailing zeros; any other text as it is. */
    public static String canonical(String text) {
        if (text == null) {
            return "";
        }
        if (text.matches("-?\\d+(\\.\\d+)?")) {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        }
        return text;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            throw new AssertionError("a formula in " + cell.getAddress() + ": an export holds values only");
        }
        if (cell.getCellType() == CellType.STRING) {
            return cell.getStringCellValue();
        }
        if (DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime value = cell.getLocalDateTimeCellValue();
            return cell.getCellStyle().getDataFormatString().contains("hh") ? value.toString() : value.toLocalDate().toString();
        }
        return canonical(BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString());
    }
}
