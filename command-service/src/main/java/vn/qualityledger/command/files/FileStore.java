package vn.qualityledger.command.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.api.common.FileReference;

/**
 * Keeps uploaded files: the content once per SHA-256 (computed here, never taken from a client), in PostgreSQL
 * ({@code files.stored_file.content}, streamed in) or, when {@code quality-ledger.files.directory} is set, in that
 * directory as a file named by the hash; and each organisation's upload of it ({@code files.upload}). The same content
 * uploaded again, by anyone, is not stored again.
 */
@Component
public class FileStore {

    /** The content to store: read twice, once to hash it, once to store it (a part the container spooled to disk). */
    interface Content {
        InputStream open() throws IOException;
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Path directory;
    private final Clock clock;

    FileStore(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
              @Value("${quality-ledger.files.directory:}") String directory) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.directory = directory == null || directory.isBlank() ? null : Path.of(directory);
    }

    /** Stores the content (unless already stored) and records the organisation's upload of it under its name and type. */
    FileReference store(Content content, long size, String name, String contentType, String organisation, String uploadedBy) {
        String sha256 = sha256(content);
        Timestamp now = Timestamp.from(clock.instant());
        if (directory != null) {
            writeToDirectory(content, sha256);
        }
        transactions.executeWithoutResult(status -> {
            try (InputStream in = directory == null ? content.open() : null) {
                jdbc.update(con -> {
                    var statement = con.prepareStatement("""
                            INSERT INTO files.stored_file (sha256, size, content, stored_at) VALUES (?, ?, ?, ?)
                            ON CONFLICT (sha256) DO NOTHING
                            """);
                    statement.setString(1, sha256);
                    statement.setLong(2, size);
                    if (in == null) {
                        statement.setNull(3, java.sql.Types.BINARY);
                    } else {
                        statement.setBinaryStream(3, in, size);
                    }
                    statement.setTimestamp(4, now);
                    return statement;
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jdbc.update("""
                    INSERT INTO files.upload (organisation, sha256, name, content_type, uploaded_by, uploaded_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (organisation, sha256, name) DO NOTHING
                    """, organisation, sha256, name, contentType, uploadedBy, now);
        });
        return new FileReference(sha256, name, size, contentType);
    }

    /** The organisation's uploads of a content, as evidence may cite them. */
    public List<FileReference> uploadsOf(String organisation, String sha256) {
        return jdbc.query("""
                SELECT u.sha256, u.name, f.size, u.content_type FROM files.upload u JOIN files.stored_file f ON f.sha256 = u.sha256
                WHERE u.organisation = ? AND u.sha256 = ? ORDER BY u.uploaded_at, u.name
                """, (rs, row) -> new FileReference(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
                organisation, sha256);
    }

    /** Writes the content to {@code <directory>/<sha256>} unless it is there: a temporary file, then an atomic rename. */
    private void writeToDirectory(Content content, String sha256) {
        Path target = directory.resolve(sha256);
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".upload-", ".part");
            try (InputStream in = content.open()) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be written to " + directory, e);
        }
    }

    private static String sha256(Content content) {
        try (DigestInputStream in = new DigestInputStream(content.open(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
