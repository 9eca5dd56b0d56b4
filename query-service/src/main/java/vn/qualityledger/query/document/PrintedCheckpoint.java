package vn.qualityledger.query.document;

/**
 * A signed ledger checkpoint as an issued document prints it on its last page, so that an auditor holding the paper
 * holds the tree head it was issued at (README "Verifiable ledger").
 *
 * @param treeSize the number of events the checkpoint covers
 * @param rootHash the tree's root hash, base64 (as in the signed text)
 * @param keyId    the id of the key that signed it
 * @param signedAt the signed time stamp, as signed (ISO-8601)
 */
public record PrintedCheckpoint(long treeSize, String rootHash, String keyId, String signedAt) {

    /** The line printed: "Điểm kiểm tra sổ cái: kích thước …, gốc …, khóa …, thời điểm …". */
    public String line() {
        return "Điểm kiểm tra sổ cái: kích thước " + treeSize + ", gốc " + rootHash + ", khóa " + keyId + ", thời điểm " + signedAt;
    }
}
