package vn.qualityledger.command.objective;

import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.FileReference;
import vn.qualityledger.command.common.Refusal;

/**
 * The stored copy of a document and the document's own citation of a copy agree: a submission that cites both a
 * file and a document SHA-256 names the same content twice (an auditor checks the file against either).
 */
final class EvidenceFilePolicy {

    private EvidenceFilePolicy() {
    }

    static void requireSameCopy(DocumentReference document, FileReference file) {
        if (file != null && document.sha256() != null && !document.sha256().equalsIgnoreCase(file.sha256())) {
            throw Refusal.ruleBroken("FILE_HASH_MISMATCH", "document.sha256",
                    "The document's SHA-256 is not the one of the file filed with it (" + file.sha256() + ")");
        }
    }
}
