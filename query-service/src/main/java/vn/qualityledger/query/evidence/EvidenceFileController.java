package vn.qualityledger.query.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.web.ContentDispositions;
import vn.qualityledger.query.web.NotFoundException;
import vn.qualityledger.query.web.ReadAccess;

/**
 * The file filed with a piece of evidence, for whoever may read its objective's organisation (403 for a reader of
 * another organisation, 404 when the evidence or its file is unknown): streamed from PostgreSQL
 * ({@code files.stored_file}, 1 MB at a time) or from the directory command-service writes, with its name in
 * {@code Content-Disposition} (RFC 6266, {@code filename*} in UTF-8) and its recorded SHA-256 in
 * {@code Repr-Digest} (RFC 9530) and the {@code ETag}.
 */
@RestController
@Tag(name = "Evidence")
public class EvidenceFileController {

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
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.size());
        response.setHeader("Content-Disposition", ContentDispositions.attachment(file.name()));
        response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())) + ":");
        response.setHeader("ETag", "\"" + file.sha256() + "\"");
        response.setHeader("Cache-Control", "private, no-cache");
        OutputStream out = response.getOutputStream();
        if (onDisk != null) {
            try (InputStream in = Files.newInputStream(onDisk)) {
                in.transferTo(out);
            }
            return;
        }
        for (long offset = 0; offset < file.size(); offset += CHUNK) {
            byte[] chunk = jdbc.queryForObject("SELECT substring(content FROM CAST(? AS integer) FOR ?) FROM files.stored_file WHERE sha256 = ?",
                    byte[].class, (int) offset + 1, CHUNK, file.sha256());
            out.write(chunk);
        }
    }
}
