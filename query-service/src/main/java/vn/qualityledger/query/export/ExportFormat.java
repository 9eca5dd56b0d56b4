package vn.qualityledger.query.export;

import java.util.Arrays;
import org.springframework.http.MediaType;

/** The formats a list downloads as, named by the extension its path ends with ({@code /api/occurrences.xlsx}). */
public enum ExportFormat {
    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
    CSV("csv", MediaType.parseMediaType("text/csv;charset=UTF-8"));

    /** The path variable's pattern: {@code .../units.{format:xlsx|csv}}. */
    public static final String EXTENSIONS = "xlsx|csv";

    private final String extension;
    private final MediaType mediaType;

    ExportFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public static ExportFormat of(String extension) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(extension)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no export format " + extension));
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }
}
