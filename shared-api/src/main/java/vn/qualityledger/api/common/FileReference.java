package vn.qualityledger.api.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A file the service stores (command-service {@code POST /api/files}), as a record cites it: the content's SHA-256,
 * computed by the service when the file was uploaded, and what the upload said of it.
 *
 * @param sha256      lower-case hex SHA-256 of the file's bytes, as the upload answered it; required
 * @param name        the file's name as uploaded (Unicode NFC, no path), e.g. {@code Báo cáo 6 tháng.pdf}; required
 * @param size        the file's length in bytes; required
 * @param contentType the file's media type, one of the document types the service stores (e.g. {@code application/pdf}); required
 */
public record FileReference(@NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hexadecimal digits") String sha256,
                            @NotBlank @Size(max = 255) String name,
                            @NotNull @Positive Long size,
                            @NotBlank @Size(max = 100) String contentType) {
}
