package vn.qualityledger.api.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A document that proves work was done, as an agency cites it (e.g. {@code 147/QĐ-SLĐTBXH} of 07/02/2023).
 *
 * @param number  the document number as printed; required
 * @param date    the date printed on the document; required
 * @param issuer  the issuing body or unit; required
 * @param title   what the document is (trích yếu); required
 * @param link    where it can be read (http or https), optional
 * @param sha256  hex SHA-256 of the filed copy, optional; lets an auditor check a file against the record
 */
public record DocumentReference(@NotBlank @Size(max = 100) String number,
                                @NotNull LocalDate date,
                                @NotBlank @Size(max = 300) String issuer,
                                @NotBlank @Size(max = 2000) String title,
                                @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String link,
                                @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits") String sha256) {
}
