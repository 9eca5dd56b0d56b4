package vn.qualityledger.command.files;

import org.springframework.stereotype.Component;
import vn.qualityledger.api.common.FileReference;
import vn.qualityledger.command.common.Refusal;

/**
 * The rule on a file a command cites: the signed-in user's organisation uploaded that content under that name, type
 * and size. A file of another organisation is as unknown as one never uploaded.
 */
@Component
public class StoredFiles {

    private final FileStore store;

    StoredFiles(FileStore store) {
        this.store = store;
    }

    /** Passes for null (no file cited); else the organisation's upload of it, exactly as cited, must exist. */
    public void requireUploaded(String organisation, FileReference file, String field) {
        if (file == null) {
            return;
        }
        var uploads = organisation == null ? java.util.List.<FileReference>of() : store.uploadsOf(organisation, file.sha256());
        if (uploads.isEmpty()) {
            throw Refusal.notFound("FILE_NOT_FOUND", field + ".sha256", "No file " + file.sha256() + " was uploaded by your organisation");
        }
        if (!uploads.contains(file)) {
            throw Refusal.ruleBroken("FILE_MISMATCH", field + ".name",
                    "The file " + file.sha256() + " was uploaded with another name, size or type: cite it as the upload answered");
        }
    }
}
