package vn.qualityledger.query.document;

import java.util.Optional;
import vn.qualityledger.query.web.InvalidParameterException;

/**
 * The signed checkpoints an issued document can print, as the ledger provides them (the ledger implements this; no
 * feature depends on the ledger itself). Of several checkpoints signed at one size (after a key rotation, say) a
 * document always prints the first, so that what a document is generated from — a size — gives the same bytes forever.
 */
public interface LedgerCheckpoints {

    /** The newest checkpoint's size; empty before the first is signed. */
    Optional<Long> newestSize();

    /** The first checkpoint signed at this size. */
    Optional<PrintedCheckpoint> firstOfSize(long treeSize);

    /**
     * What a draft prints: the first checkpoint of {@code treeSize} when named (400 {@code INVALID_PARAMETER} naming
     * {@code checkpointTreeSize} when no checkpoint has that size), else the newest; null when none was ever signed.
     */
    default PrintedCheckpoint forDraft(Long treeSize) {
        if (treeSize != null) {
            return firstOfSize(treeSize).orElseThrow(() ->
                    new InvalidParameterException("checkpointTreeSize", "no ledger checkpoint was signed at size " + treeSize));
        }
        return newestSize().flatMap(this::firstOfSize).orElse(null);
    }

    /**
     * What an issued copy prints: the checkpoint its issue recorded, null for none. A recorded size whose checkpoint is
     * gone prints nothing, so the copy regenerates differently and is refused as such.
     */
    default PrintedCheckpoint forIssued(Long treeSize) {
        return treeSize == null ? null : firstOfSize(treeSize).orElse(null);
    }
}
