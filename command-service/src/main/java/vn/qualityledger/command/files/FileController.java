package vn.qualityledger.command.files;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.FileReference;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.command.files.DocumentTypes.DocumentType;
import vn.qualityledger.support.security.CurrentActor;
import vn.qualityledger.support.web.Problems;

/**
 * Uploads of evidence files: {@code POST /api/files}, multipart with the file in part {@code file}. The service
 * computes the SHA-256, checks the size and the type, stores the content once and answers the reference a
 * {@code SubmitEvidence} cites. A refused upload stores nothing.
 */
@RestController
@Tag(name = "Files")
class FileController {

    /** Who may upload: whoever may file evidence (README, "Identity and access"). */
    private static final List<Role> FILERS = List.of(Role.ADMIN, Role.ISO_SECRETARY, Role.UNIT_HEAD, Role.STAFF);

    private final FileStore store;
    private final CurrentActor actors;
    private final long maxSize;

    FileController(FileStore store, CurrentActor actors, @Value("${quality-ledger.files.max-size:20MB}") DataSize maxSize) {
        this.store = store;
        this.actors = actors;
        this.maxSize = maxSize.toBytes();
    }

    @PostMapping(path = "/api/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file to cite as evidence: pdf, doc, docx, xls, xlsx, odt, ods, jpg or png, at most the configured size (20 MB)")
    ResponseEntity<FileReference> upload(@RequestParam(name = "file", required = false) MultipartFile file) {
        Actor actor = actors.get().orElseThrow();
        if (!FILERS.stream().anyMatch(actor::has) || actor.organisation() == null) {
            throw new FileRefusal(403, "FILERS_ONLY", null, null,
                    "Only those who file evidence for an organisation (staff, unit heads, the ISO secretary, administrators) upload files");
        }
        if (file == null) {
            throw new FileRefusal(400, "INVALID_REQUEST", "file", "NotNull", "must be a file (multipart part 'file')");
        }
        if (file.getSize() > maxSize) {
            throw new FileRefusal(413, "FILE_TOO_LARGE", "file", "MaxSize",
                    "must be at most " + maxSize + " bytes; this file has " + file.getSize());
        }
        if (file.getSize() == 0) {
            throw new FileRefusal(400, "INVALID_REQUEST", "file", "NotEmpty", "must not be empty");
        }
        String name = name(file.getOriginalFilename());
        DocumentType type = DocumentTypes.byExtension(name).orElseThrow(() -> new FileRefusal(415, "UNSUPPORTED_FILE_TYPE", "file",
                "FileType", "must be one of these kinds of document: " + DocumentTypes.allowedList()));
        if (!DocumentTypes.agrees(type, file.getContentType())) {
            throw new FileRefusal(415, "UNSUPPORTED_FILE_TYPE", "file", "FileType",
                    "is declared as " + file.getContentType() + " but named as " + type.contentType());
        }
        if (!type.begins(head(file))) {
            throw new FileRefusal(415, "UNSUPPORTED_FILE_TYPE", "file", "FileContent",
                    "does not hold what its name says (" + type.contentType() + ")");
        }
        FileReference stored = store.store(file::getInputStream, file.getSize(), name, type.contentType(), actor.organisation(), actor.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(stored);
    }

    /** The name as the upload gave it, without any path, in NFC and trimmed; refused when it is empty or holds control characters. */
    static String name(String given) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        if (name.isEmpty()) {
            throw new FileRefusal(400, "INVALID_REQUEST", "file.name", "NotBlank", "the file must have a name");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F)) || name.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF)) {
            throw new FileRefusal(400, "INVALID_REQUEST", "file.name", "NoControlCharacters", "must not contain control characters");
        }
        if (name.length() > 255) {
            throw new FileRefusal(400, "INVALID_REQUEST", "file.name", "Size", "must be at most 255 characters");
        }
        return name;
    }

    private static byte[] head(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(DocumentTypes.HEAD_LENGTH);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ExceptionHandler(FileRefusal.class)
    ResponseEntity<ProblemDetail> refused(FileRefusal refusal) {
        ProblemDetail problem = Problems.detail(refusal.status(), refusal.code(), refusal.getMessage());
        if (refusal.field() != null) {
            problem.setProperty("field", refusal.field());
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", refusal.field());
            error.put("rule", refusal.rule());
            error.put("message", refusal.getMessage());
            problem.setProperty("errors", List.of(error));
        }
        return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
