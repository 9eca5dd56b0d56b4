package vn.qualityledger.query.document;

import java.time.Instant;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.qualityledger.query.web.ProblemDetailsAdvice;

/**
 * An issued document's file, generated again from what its event recorded: served only when its SHA-256 is the one
 * recorded, else 409 {@code REGENERATES_DIFFERENTLY} — other bytes under the issued document's name would be a copy
 * that its own record refutes (a new generator, say).
 */
public final class IssuedCopy {

    /** The SHA-256 of the body in hex: what an issued document's event records. */
    public static final String SHA_256_HEADER = "Report-SHA-256";
    /** The cut-off the document was read at, to generate it again. */
    public static final String CUT_OFF_HEADER = "Report-Cut-Off";

    public static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private IssuedCopy() {
    }

    /**
     * @param what              the document as a problem's detail names it ("Report X", "The minutes of review Y")
     * @param recordedGenerator the generator its event recorded
     * @param generator         the generator now
     */
    public static ResponseEntity<?> serve(byte[] content, String recordedSha256, MediaType type, String filename, Instant cutOff,
                                          String what, String recordedGenerator, String generator) {
        String sha256 = Sha256.hex(content);
        if (!sha256.equalsIgnoreCase(recordedSha256)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "REGENERATES_DIFFERENTLY", what
                            + " generated again gives a file whose SHA-256 is " + sha256 + ", not the " + recordedSha256
                            + " recorded when it was issued (generator " + recordedGenerator + ", now " + generator + ")"));
        }
        return file(content, type, filename, cutOff);
    }

    /** A generated document as a download, with its SHA-256 and cut-off in headers. */
    public static ResponseEntity<byte[]> file(byte[] content, MediaType type, String filename, Instant cutOff) {
        return ResponseEntity.ok().contentType(type)
                .header("Content-Disposition", ContentDisposition.attachment().filename(filename).build().toString())
                .header(SHA_256_HEADER, Sha256.hex(content))
                .header(CUT_OFF_HEADER, cutOff.toString())
                .body(content);
    }
}
