package vn.qualityledger.query.export;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import vn.qualityledger.query.web.ContentDispositions;
import vn.qualityledger.query.web.TooManyRowsException;

/** What every list's export answers: the table in the format asked for, as a named attachment. */
public final class Exports {

    /**
     * The most rows one export holds. A paged list's export holds every row its filters match, all in memory while the
     * workbook is built: past this the reader is asked to narrow the filters rather than the service to hold an
     * unbounded sheet (Excel itself stops at 1 048 576 rows).
     */
    public static final int MAX_ROWS = 50_000;

    private Exports() {
    }

    /** Refuses, before anything is read, an export whose filters match more than {@link #MAX_ROWS} rows. */
    public static void requireAtMostMaxRows(long matching) {
        if (matching > MAX_ROWS) {
            throw new TooManyRowsException(matching, MAX_ROWS);
        }
    }

    /**
     * @param name the file's name without its extension, in Vietnamese (the browser saves it under that name; an ASCII
     *             fallback goes along for older clients)
     */
    public static ResponseEntity<byte[]> file(ExportFormat format, String name, ExportTable<?> table) {
        requireAtMostMaxRows(table.rows().size());
        byte[] content = switch (format) {
            case XLSX -> XlsxExport.write(table);
            case CSV -> CsvExport.write(table);
        };
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(name + "." + format.extension()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .body(content);
    }
}
