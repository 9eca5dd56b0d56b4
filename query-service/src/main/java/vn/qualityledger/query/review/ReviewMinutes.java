package vn.qualityledger.query.review;

import java.util.Optional;
import org.apache.poi.Version;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import vn.qualityledger.api.review.ReviewMinutesIssuedEvent;
import vn.qualityledger.query.document.DocumentHeader;
import vn.qualityledger.query.document.PrintedCheckpoint;
import vn.qualityledger.query.review.ReviewInputsReader.Review;
import vn.qualityledger.query.web.NotFoundException;
import vn.qualityledger.query.web.ProblemDetailsAdvice;

/**
 * The minutes of a held review: the draft, from a header and the review as read by {@link ReviewInputsReader}, and the
 * issued copy, from the header its {@code ReviewMinutesIssued} recorded. Both read the inputs as known at the cut-off
 * and the review's own record, on which nothing the minutes print can change once they are issued (no decision is
 * recorded after them), so the issued copy comes out byte for byte as it was hashed.
 */
@Service
public class ReviewMinutes {

    /**
     * What writes the document: this code's version and POI's. The same generator gives the same bytes; issued minutes
     * record which one wrote them.
     */
    public static final String GENERATOR = "quality-ledger review-minutes 1; Apache POI " + Version.getVersion();

    private final ReviewInputsReader reader;
    private final EventStore eventStore;

    public ReviewMinutes(ReviewInputsReader reader, EventStore eventStore) {
        this.reader = reader;
        this.eventStore = eventStore;
    }

    /** The review and its inputs; 404 for an unknown review. */
    public Review review(String reviewId) {
        return reader.read(reviewId).orElseThrow(() -> new NotFoundException("No management review " + reviewId));
    }

    /** The minutes' document, {@code checkpoint} (null for none) printed below the signature; 409 REVIEW_NOT_HELD while the review has no meeting (nor cut-off) to write up. */
    public byte[] docx(Review review, DocumentHeader header, PrintedCheckpoint checkpoint) {
        if (review.review().heldOn() == null) {
            throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "REVIEW_NOT_HELD",
                    "Review " + review.review().id() + " has not been held: its minutes have no meeting to record"), null);
        }
        return ReviewMinutesDocx.write(review.review(), review.inputs(), header, checkpoint);
    }

    /** The minutes issued for the review, from its stream in the event store; 404 when none were issued. */
    public ReviewMinutesIssuedEvent issued(String reviewId) {
        return issuedEvent(reviewId).orElseThrow(() -> new NotFoundException("No minutes were issued for review " + reviewId));
    }

    private Optional<ReviewMinutesIssuedEvent> issuedEvent(String reviewId) {
        if (eventStore.lastSequenceNumberFor(reviewId).isEmpty()) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(reviewId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof ReviewMinutesIssuedEvent issued) {
                return Optional.of(issued);
            }
        }
        return Optional.empty();
    }

    /** What the issued minutes printed around their body, as their event recorded it. */
    public static DocumentHeader header(ReviewMinutesIssuedEvent issued) {
        return new DocumentHeader(issued.number(), issued.organisationName(), nonNull(issued.parentName()), issued.place(),
                nonNull(issued.signerAuthority()), issued.signerTitle(), nonNull(issued.signerName()),
                issued.recipients() == null ? java.util.List.of() : issued.recipients());
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
