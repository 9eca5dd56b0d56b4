package vn.qualityledger.query.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table as CSV: RFC 4180 (comma, CRLF, a field quoted when it holds a comma, a quote or a line break, quotes doubled),
 * UTF-8 with a byte order mark so that Excel reads the Vietnamese headings as UTF-8 rather than in the machine's code
 * page. Values as the JSON writes them: numbers with a decimal point and no grouping, dates in ISO-8601.
 */
public final class CsvExport {

    /** U+FEFF: Excel takes a file starting with it for UTF-8. */
    static final String BYTE_ORDER_MARK = "\uFEFF";

    private CsvExport() {
    }

    public static byte[] write(ExportTable<?> table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            writer.write(BYTE_ORDER_MARK);
            printer.printRecord(table.headings());
            for (List<Object> row : table.cells()) {
                printer.printRecord(row.stream().map(CsvExport::field).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export", e);
        }
        return out.toByteArray();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        // as the JSON writes it, seconds included (OffsetDateTime's toString leaves out a zero second)
        return value instanceof OffsetDateTime instant ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant) : value.toString();
    }
}
