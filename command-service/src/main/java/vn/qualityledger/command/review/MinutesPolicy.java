package vn.qualityledger.command.review;

import static vn.qualityledger.command.review.People.isBlank;

import java.time.LocalDate;
import java.util.regex.Pattern;
import vn.qualityledger.api.review.IssueReviewMinutesCommand;
import vn.qualityledger.api.review.ReviewMinutesIssuedEvent;
import vn.qualityledger.command.common.Refusal;

/**
 * What issued minutes must record: what the Word document prints in its header and signature (so it can be generated
 * again) and its SHA-256, on or after the meeting's day. As for results reports, the same content again is the same
 * issue, whatever day the request was repeated on.
 */
final class MinutesPolicy {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private MinutesPolicy() {
    }

    static void requireValid(IssueReviewMinutesCommand command, LocalDate heldOn) {
        if (command.issuedOn().isBefore(heldOn)) {
            throw Refusal.ruleBroken("ISSUED_BEFORE_MEETING", "issuedOn", "Minutes are issued on or after the meeting's day (" + heldOn + ")");
        }
        requireText(command.number(), "number", "NUMBER_REQUIRED", "The minutes need their number and symbol");
        requireText(command.organisationName(), "organisationName", "ORGANISATION_NAME_REQUIRED", "Name the issuing organisation");
        requireText(command.place(), "place", "PLACE_REQUIRED", "Say where the minutes are issued");
        requireText(command.signerTitle(), "signerTitle", "SIGNER_TITLE_REQUIRED", "Give the signer's position");
        requireText(command.generator(), "generator", "GENERATOR_REQUIRED", "Say which generator produced the document");
        if (command.docxSha256() == null || !SHA_256.matcher(command.docxSha256()).matches()) {
            throw Refusal.ruleBroken("NOT_A_SHA_256", "docxSha256", "must be a SHA-256 in lower-case hex (64 characters)");
        }
    }

    static ReviewMinutesIssuedEvent issued(IssueReviewMinutesCommand command, LocalDate issuedOn) {
        return new ReviewMinutesIssuedEvent(command.reviewId(), command.number(), command.organisationName(), command.parentName(),
                command.place(), command.signerAuthority(), command.signerTitle(), command.signerName(), command.recipients(),
                command.docxSha256(), command.generator(), command.checkpointTreeSize(), issuedOn);
    }

    private static void requireText(String text, String field, String code, String message) {
        if (isBlank(text)) {
            throw Refusal.ruleBroken(code, field, message);
        }
    }
}
