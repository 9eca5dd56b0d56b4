package vn.qualityledger.api.review;

import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The minutes of a held management review (Biên bản họp xem xét của lãnh đạo) were issued: the parameters the Word
 * document was generated from — with them and the review's stream (plan, notes, holding with its cut-off, decisions)
 * query-service regenerates the same bytes — and the document's SHA-256. Issued once per review; no decision is
 * recorded after it.
 *
 * @param reviewId         the review
 * @param number           the minutes' number and symbol as printed after "Số:"
 * @param organisationName the issuing organisation as printed at the top left
 * @param parentName       its parent body printed above it; empty for none
 * @param place            written before the date
 * @param signerAuthority  e.g. "KT. GIÁM ĐỐC"; empty when the head signs
 * @param signerTitle      the signer's position
 * @param signerName       the signer's name
 * @param recipients       the lines of "Nơi nhận"
 * @param docxSha256       SHA-256 (lower-case hex) of the Word document
 * @param generator        the generator that wrote the document
 * @param checkpointTreeSize the size of the signed ledger checkpoint printed on the last page; null for none (revision 1,
 *                         or a ledger without checkpoints at the time of issue)
 * @param issuedOn         the day the minutes were issued, not before heldOn
 */
@Revision("2")
public record ReviewMinutesIssuedEvent(ManagementReviewId reviewId, String number, String organisationName, String parentName,
                                       String place, String signerAuthority, String signerTitle, String signerName,
                                       List<String> recipients, @Pattern(regexp = "[0-9a-fA-F]{64}") String docxSha256,
                                       String generator, Long checkpointTreeSize, LocalDate issuedOn) {
}
