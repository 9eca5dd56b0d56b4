package vn.qualityledger.query.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.web.ContentDispositions;
import vn.qualityledger.query.web.NotFoundException;
import vn.qualityledger.query.web.ProblemDetailsAdvice;
import vn.qualityledger.query.web.ReadAccess;

/**
 * The file filed with a piece of evidence, for whoever may read its objective's organisation (403 for a reader of
 * another organisation, 404 when the evidence or its file is unknown): streamed from PostgreSQL
 * ({@code files.stored_file}, 1 MB at a time) or from the directory command-service writes, with its name in
 * {@code Content-Disposition} (RFC 6266, {@code filename*} in UTF-8) and its recorded SHA-256 in
 * {@code Repr-Digest} (RFC 9530) and the {@code ETag} — after checking the content against that SHA-256 (500
 * {@code STORED_FILE_ALTERED} when storage no longer holds what was filed).
 */
@RestController
@Tag(name = "Evidence")
public class EvidenceFileController {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceFileController.class);
    private static final int CHUNK = 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final ReadAccess access;
    private final Path directory;

    public EvidenceFileController(JdbcTemplate jdbc, ReadAccess access, @Value("${quality-ledger.files.directory:}") String directory) {
        this.jdbc = jdbc;
        this.access = access;
        this.directory = directory == null || directory.isBlank() ? null : Path.of(directory);
    }

    private record StoredFile(String sha256, String name, long size, String contentType, boolean inDatabase) {
    }

    @GetMapping("/api/objectives/{objectiveId}/evidence/{evidenceId}/file")
    @Operation(summary = "The file filed with the evidence, as stored, with its name and SHA-256 in the headers")
    public void file(@PathVariable String objectiveId, @PathVariable String evidenceId, HttpServletResponse response) throws IOException {
        access.requireObjective(objectiveId);
        List<StoredFile> found = jdbc.query("""
                SELECT e.file_sha256, e.file_name, e.file_size, e.file_content_type, f.content IS NOT NULL AS in_database
                FROM query.evidence e JOIN files.stored_file f ON f.sha256 = e.file_sha256
                WHERE e.objective_id = ? AND e.evidence_id = ?
                """, (rs, row) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5)),
                objectiveId, evidenceId);
        if (found.isEmpty()) {
            throw new NotFoundException("No file was filed with evidence " + evidenceId + " of objective " + objectiveId);
        }
        StoredFile file = found.get(0);
        Path onDisk = file.inDatabase() || directory == null ? null : directory.resolve(file.sha256());
        if (!file.inDatabase() && (onDisk == null || !Files.isRegularFile(onDisk))) {
            throw new NotFoundException("The content of file " + file.sha256() + " is not in this service's file directory");
        }
        byte[] content = onDisk != null ? Files.readAllBytes(onDisk) : fromDatabase(file);
        if (!sha256(content).equals(file.sha256())) {
            LOG.error("Stored file {} (evidence {} of {}) no longer matches its SHA-256; not served", file.sha256(), evidenceId, objectiveId);
            throw new StoredFileAltered(file.sha256());
        }
        response.setContentType(file.contentType());
        response.setContentLengthLong(content.length);
        response.setHeader("Content-Disposition", ContentDispositions.attachment(file.name()));
        response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())) + ":");
        response.setHeader("ETag", "\"" + file.sha256() + "\"");
        response.setHeader("Cache-Control", "private, no-cache");
        response.getOutputStream().write(content);
    }

    /**
     * The content, read whole before anything is sent (uploads are capped at command-service's file limit, 20 MB by
     * default), so that its SHA-256 is checked first: a file altered or damaged in storage is refused instead of handed
     * to an auditor under the digest of the file that was filed.
     */
    private byte[] fromDatabase(StoredFile file) {
        byte[] content = new byte[Math.toIntExact(file.size())];
        int filled = 0;
        while (filled < content.length) {
            byte[] chunk = jdbc.queryForObject("SELECT substring(content FROM CAST(? AS integer) FOR ?) FROM files.stored_file WHERE sha256 = ?",
                    byte[].class, filled + 1, CHUNK, file.sha256());
            if (chunk == null || chunk.length == 0) {
                break; // shorter than recorded: the digest check below refuses it
            }
            int length = Math.min(chunk.length, content.length - filled);
            System.arraycopy(chunk, 0, content, filled, length);
            filled += length;
        }
        return filled == content.length ? content : Arrays.copyOf(content, filled);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }

    /** The stored bytes no longer have the SHA-256 recorded when they were filed. */
    static final class StoredFileAltered extends RuntimeException {
        StoredFileAltered(String sha256) {
            super("The stored content of file " + sha256 + " no longer matches the SHA-256 recorded when it was filed");
        }
    }

    @ExceptionHandler(StoredFileAltered.class)
    ResponseEntity<ProblemDetail> altered(StoredFileAltered e) {
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetailsAdvice.problem(HttpStatus.INTERNAL_SERVER_ERROR, "STORED_FILE_ALTERED",
                        e.getMessage() + "; it is not served. Restore it from a backup."));
    }
}
