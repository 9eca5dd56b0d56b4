package vn.qualityledger.api.report;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An objective results report (Báo cáo kết quả thực hiện MTCL) was issued: the parameters it was generated from —
 * with them the service regenerates the same bytes from the event store — and the SHA-256 of the two files issued.
 *
 * @param cutOff           the report read what had been recorded by this instant, as of its local date (Asia/Ho_Chi_Minh)
 * @param number           its number and symbol as printed after "Số:"
 * @param organisationName the issuing organisation as printed at the top left
 * @param parentName       its parent body printed above it; empty for none
 * @param place            written before the date
 * @param signerAuthority  e.g. "KT. GIÁM ĐỐC"; empty when the head signs
 * @param signerTitle      the signer's position
 * @param recipients       the lines of "Nơi nhận"
 * @param docxSha256       SHA-256 (lower-case hex) of the Word document
 * @param xlsxSha256       SHA-256 (lower-case hex) of the workbook
 * @param generator        the generator that wrote the files
 * @param checkpointTreeSize the size of the signed ledger checkpoint printed on the report's last page; null for none
 *                         (revision 1, or a ledger without checkpoints at the time of issue)
 * @param issuedOn         the day it was issued
 */
@Revision("2")
public record ResultsReportIssuedEvent(ResultsReportId reportId, String organisationId, int year, ResultsReportKind kind,
                                       Instant cutOff, String number, String organisationName, String parentName,
                                       String place, String signerAuthority, String signerTitle, String signerName,
                                       List<String> recipients, @Pattern(regexp = "[0-9a-fA-F]{64}") String docxSha256,
                                       @Pattern(regexp = "[0-9a-fA-F]{64}") String xlsxSha256, String generator,
                                       Long checkpointTreeSize, LocalDate issuedOn) {
}
