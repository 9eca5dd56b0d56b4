package vn.qualityledger.api.review;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issues the minutes of a held review, as query-service generated them: records the parameters and the SHA-256 of the
 * Word document. Issuing the same content again (the day aside) stores nothing; other content is a conflict.
 *
 * @param reviewId         the review; held, not cancelled
 * @param number           number and symbol, e.g. "05/BB-SLĐTBXH"; required
 * @param organisationName the issuing organisation; required
 * @param parentName       its parent body; empty for none
 * @param place            the place before the date; required
 * @param signerAuthority  e.g. "KT. GIÁM ĐỐC"; empty when the head signs
 * @param signerTitle      the signer's position; required
 * @param signerName       the signer's name
 * @param recipients       the lines of "Nơi nhận"
 * @param docxSha256       the SHA-256 (lower-case hex) of the generated document
 * @param generator        the generator and its version
 * @param checkpointTreeSize the size of the ledger checkpoint the document prints (query-service names it); null for none
 * @param issuedOn         the day of issue (today), not before heldOn
 */
public record IssueReviewMinutesCommand(@TargetAggregateIdentifier ManagementReviewId reviewId, String number, String organisationName,
                                        String parentName, String place, String signerAuthority, String signerTitle,
                                        String signerName, List<String> recipients, String docxSha256, String generator,
                                        Long checkpointTreeSize, LocalDate issuedOn) {
}
