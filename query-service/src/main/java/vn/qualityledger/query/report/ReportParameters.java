package vn.qualityledger.query.report;

import java.time.Instant;
import java.util.List;
import vn.qualityledger.api.report.ResultsReportKind;
import vn.qualityledger.query.document.DocumentHeader;
import vn.qualityledger.query.document.PrintedCheckpoint;

/**
 * Everything a results report is generated from besides the event store: with the same parameters the same bytes
 * come out, whenever they are generated.
 *
 * @param cutOff           the report reads what had been recorded by this instant, as of its local date
 * @param number           the document's number and symbol as printed after "Số:", e.g. {@code 512/BC-SLĐTBXH}; one that
 *                         starts with "/" is the symbol alone, printed with room before it for the number
 * @param organisationName the issuing organisation as printed top-left (upper case), e.g. {@code SỞ LAO ĐỘNG - …}
 * @param parentName       its parent body printed above it, e.g. {@code UBND TỈNH HẢI DƯƠNG}; blank for none
 * @param place            written before the date: "Hải Dương, ngày … tháng … năm …"
 * @param signerAuthority  the signer's authority, printed above their title when they sign for someone: {@code KT. GIÁM
 *                         ĐỐC}, {@code TL. GIÁM ĐỐC}; blank when the head signs
 * @param signerTitle      the signer's position, printed above the signature: {@code GIÁM ĐỐC}, {@code PHÓ GIÁM ĐỐC}
 * @param recipients       the lines of "Nơi nhận"
 * @param checkpoint       the signed ledger checkpoint printed on the last page of the Word document; null for none
 */
public record ReportParameters(String organisationId, int year, ResultsReportKind kind, Instant cutOff, String number,
                               String organisationName, String parentName, String place, String signerAuthority, String signerTitle,
                               String signerName, List<String> recipients, PrintedCheckpoint checkpoint) {

    public ReportParameters {
        recipients = List.copyOf(recipients);
    }

    /** What the document prints around its body. */
    public DocumentHeader header() {
        return new DocumentHeader(number, organisationName, parentName, place, signerAuthority, signerTitle, signerName, recipients);
    }
}
