package vn.qualityledger.support.ledger;

import java.util.List;

/**
 * One stream's events with what proves them against a checkpoint, as the service exports them and the offline verifier
 * reads them ({@link LedgerVerification}).
 *
 * @param format      {@value #FORMAT}
 * @param checkpoint  the checkpoint the proofs are against
 * @param head        the stream's head in that checkpoint's tree of stream heads
 * @param headIndex   the head's leaf index in that tree
 * @param headProof   the head's inclusion proof in that tree (of {@code checkpoint.streamCount()} leaves)
 * @param events      the stream's events in the checkpoint's tree, in sequence order, each with its inclusion proof
 * @param consistency consistency proofs between the checkpoint and other tree sizes the auditor asked for
 */
public record StreamExport(String format, String stream, Checkpoint checkpoint, StreamHead head, long headIndex,
                           List<byte[]> headProof, List<Entry> events, List<Consistency> consistency) {

    public static final String FORMAT = "quality-ledger/stream-export/v1";

    public StreamExport {
        headProof = headProof == null ? List.of() : List.copyOf(headProof);
        events = events == null ? List.of() : List.copyOf(events);
        consistency = consistency == null ? List.of() : List.copyOf(consistency);
    }

    /** An event and its inclusion proof in the checkpoint's tree. */
    public record Entry(long leafIndex, LedgerEvent event, List<byte[]> proof) {

        public Entry {
            proof = proof == null ? List.of() : List.copyOf(proof);
        }
    }

    /** PROOF(fromSize, D[0:toSize]) of RFC 9162 §2.1.4.1, one of the two sizes being the checkpoint's. */
    public record Consistency(long fromSize, long toSize, List<byte[]> proof) {

        public Consistency {
            proof = proof == null ? List.of() : List.copyOf(proof);
        }
    }
}
