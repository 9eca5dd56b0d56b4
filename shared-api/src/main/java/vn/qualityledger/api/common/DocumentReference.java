package vn.qualityledger.api.common;

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
public record DocumentReference(String number, LocalDate date, String issuer, String title, String link, String sha256) {
}
