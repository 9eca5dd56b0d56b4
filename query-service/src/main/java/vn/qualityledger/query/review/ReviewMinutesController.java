package vn.qualityledger.query.review;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.qualityledger.api.review.ReviewMinutesIssuedEvent;
import vn.qualityledger.query.document.DocumentHeader;
import vn.qualityledger.query.document.IssuedCopy;
import vn.qualityledger.query.document.LedgerCheckpoints;
import vn.qualityledger.query.document.Letterheads;
import vn.qualityledger.query.document.PrintedCheckpoint;
import vn.qualityledger.query.document.Sha256;
import vn.qualityledger.query.review.ReviewInputsReader.Review;
import vn.qualityledger.query.web.ReadAccess;

/**
 * A review's 9.3.2 inputs as known at its cut-off, and its minutes (Biên bản họp xem xét của lãnh đạo): the draft and
 * what issuing it records, the issued copy generated again, and whether a file is the issued minutes. Read as the review
 * is read: by its organisation's readers.
 */
@RestController
@Tag(name = "Management review")
public class ReviewMinutesController {

    /** What issuing the minutes records: command-service's {@code POST /api/reviews/{id}/minutes} takes it as its body. */
    public record MinutesIssue(String number, String organisationName, String parentName, String place, String signerAuthority,
                               String signerTitle, String signerName, List<String> recipients, String docxSha256,
                               String generator, Long checkpointTreeSize) {
    }

    // Named for the API document: springdoc names schemas by simple name, and another record is called the same.
    /**
     * @param verified            byte-identical to the issued minutes generated again, whose SHA-256 is the one recorded
     * @param regeneratesAsIssued generating again gives the SHA-256 recorded (false after a change of generator)
     */
    @Schema(name = "MinutesVerification")
    public record Verification(String reviewId, String organisationId, String number, String uploadedSha256, boolean verified,
                               String recordedDocxSha256, String regeneratedDocxSha256, boolean regeneratesAsIssued,
                               String recordedGenerator, String generator) {
    }

    private static final String NUMBER = "Number and symbol printed after \"Số:\", e.g. 05/BB-SLĐTBXH; default /BB-<abbreviation>, "
            + "printed with room for the clerk to write the number";

    private static final String CHECKPOINT = "The size of the signed ledger checkpoint printed below the signature; default the "
            + "newest (none before the first is signed). Issuing records it, so the issued copy prints the same one";

    private final ReviewMinutes minutes;
    private final Letterheads letterheads;
    private final ReadAccess access;
    private final LedgerCheckpoints checkpoints;

    public ReviewMinutesController(ReviewMinutes minutes, Letterheads letterheads, ReadAccess access, LedgerCheckpoints checkpoints) {
        this.minutes = minutes;
        this.letterheads = letterheads;
        this.access = access;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/api/reviews/{reviewId}/inputs")
    @Operation(summary = "The review's inputs (ISO 9001:2015 9.3.2) as known at its cut-off; provisional, as known now, while it is not held")
    public ReviewInputs inputs(@PathVariable String reviewId) {
        access.requireStream(reviewId);
        return minutes.review(reviewId).inputs();
    }

    @GetMapping("/api/reviews/{reviewId}/minutes")
    @Operation(summary = "The minutes' parameters as resolved (defaults filled in), the document's SHA-256 and the generator: the body that issues them")
    public MinutesIssue issue(@PathVariable String reviewId,
                              @Parameter(description = NUMBER) @RequestParam(required = false) @Size(max = 100) String number,
                              @RequestParam(required = false) @Size(max = 200) String signerName,
                              @Parameter(description = "When signing for the head: KT. GIÁM ĐỐC …")
                              @RequestParam(required = false) @Size(max = 200) String signerAuthority,
                              @Parameter(description = "The signer's position; default GIÁM ĐỐC")
                              @RequestParam(required = false) @Size(max = 200) String signerTitle,
                              @Parameter(description = "Written before the date; default the organisation's (configured), else Hải Dương")
                              @RequestParam(required = false) @Size(max = 100) String place,
                              @RequestParam(required = false) @Size(max = 300) String organisationName,
                              @RequestParam(required = false) @Size(max = 300) String parentName,
                              @Parameter(description = CHECKPOINT) @RequestParam(required = false) Long checkpointTreeSize) {
        access.requireStream(reviewId);
        Review review = minutes.review(reviewId);
        DocumentHeader header = header(review, number, signerName, signerAuthority, signerTitle, place, organisationName, parentName);
        PrintedCheckpoint checkpoint = checkpoints.forDraft(checkpointTreeSize);
        byte[] docx = minutes.docx(review, header, checkpoint);
        return new MinutesIssue(header.number(), header.organisationName(), header.parentName(), header.place(),
                header.signerAuthority(), header.signerTitle(), header.signerName(), header.recipients(), Sha256.hex(docx),
                ReviewMinutes.GENERATOR, checkpoint == null ? null : checkpoint.treeSize());
    }

    @GetMapping("/api/reviews/{reviewId}/minutes.docx")
    @Operation(summary = "The draft minutes as a Word document in the administrative form of Nghị định 30/2020/NĐ-CP")
    public ResponseEntity<byte[]> docx(@PathVariable String reviewId,
                                       @Parameter(description = NUMBER) @RequestParam(required = false) @Size(max = 100) String number,
                                       @RequestParam(required = false) @Size(max = 200) String signerName,
                                       @RequestParam(required = false) @Size(max = 200) String signerAuthority,
                                       @RequestParam(required = false) @Size(max = 200) String signerTitle,
                                       @RequestParam(required = false) @Size(max = 100) String place,
                                       @RequestParam(required = false) @Size(max = 300) String organisationName,
                                       @RequestParam(required = false) @Size(max = 300) String parentName,
                                       @Parameter(description = CHECKPOINT) @RequestParam(required = false) Long checkpointTreeSize) {
        access.requireStream(reviewId);
        Review review = minutes.review(reviewId);
        DocumentHeader header = header(review, number, signerName, signerAuthority, signerTitle, place, organisationName, parentName);
        return IssuedCopy.file(minutes.docx(review, header, checkpoints.forDraft(checkpointTreeSize)), IssuedCopy.DOCX, fileName(reviewId, ""), review.inputs().knownAt());
    }

    @GetMapping("/api/reviews/{reviewId}/minutes/issued.docx")
    @Operation(summary = "The issued minutes, generated again from what was recorded and checked against the SHA-256 recorded at issue")
    public ResponseEntity<?> issuedDocx(@PathVariable String reviewId) {
        access.requireStream(reviewId);
        ReviewMinutesIssuedEvent issued = minutes.issued(reviewId);
        Review review = minutes.review(reviewId);
        return IssuedCopy.serve(minutes.docx(review, ReviewMinutes.header(issued), checkpoints.forIssued(issued.checkpointTreeSize())), issued.docxSha256(), IssuedCopy.DOCX,
                fileName(reviewId, "-da-ban-hanh"), review.inputs().knownAt(), "The minutes of review " + reviewId,
                issued.generator(), ReviewMinutes.GENERATOR);
    }

    @PostMapping(path = "/api/reviews/{reviewId}/minutes/verification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Whether the uploaded file (multipart, part \"file\") is byte-identical to the issued minutes")
    public Verification verifyUpload(@PathVariable String reviewId, @RequestPart("file") MultipartFile file) {
        try {
            return verify(reviewId, file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload", e);
        }
    }

    @PostMapping(path = "/api/reviews/{reviewId}/minutes/verification", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(summary = "The same with the file as the request body (application/octet-stream), as a results report is verified")
    public Verification verify(@PathVariable String reviewId, @RequestBody byte[] file) {
        access.requireStream(reviewId);
        ReviewMinutesIssuedEvent issued = minutes.issued(reviewId);
        Review review = minutes.review(reviewId);
        byte[] regenerated = minutes.docx(review, ReviewMinutes.header(issued), checkpoints.forIssued(issued.checkpointTreeSize()));
        String regeneratedSha256 = Sha256.hex(regenerated);
        boolean regeneratesAsIssued = regeneratedSha256.equals(issued.docxSha256());
        return new Verification(reviewId, review.review().organisationId(), issued.number(), Sha256.hex(file),
                regeneratesAsIssued && Arrays.equals(file, regenerated), issued.docxSha256(), regeneratedSha256,
                regeneratesAsIssued, issued.generator(), ReviewMinutes.GENERATOR);
    }

    private DocumentHeader header(Review review, String number, String signerName, String signerAuthority, String signerTitle,
                                  String place, String organisationName, String parentName) {
        return DocumentHeader.resolve(letterheads.of(review.review().organisationId()), "BB", number, organisationName,
                parentName, place, signerAuthority, signerTitle, signerName);
    }

    private static String fileName(String reviewId, String suffix) {
        return "bien-ban-xem-xet-cua-lanh-dao-" + reviewId + suffix + ".docx";
    }
}
