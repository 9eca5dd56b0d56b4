package vn.qualityledger.support.ledger;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an auditor checks with nothing but public keys: the signatures of the checkpoints they hold, that no two of them
 * fork (same size, different roots), that each is consistent with the export's checkpoint, and that the exported
 * stream is complete and unaltered in it. The first failure is named; nothing later is looked at.
 *
 * <p>What each kind of tampering after a checkpoint shows as:
 * <ul>
 *   <li>an altered event (any stored column) — its inclusion proof fails;</li>
 *   <li>a deleted event — a sequence number is missing, or the count differs from the signed stream head;</li>
 *   <li>an inserted event — it has no inclusion proof that holds, or repeats a sequence number;</li>
 *   <li>reordered events — the sequence numbers or leaf indexes are out of order, or the proofs fail;</li>
 *   <li>a stream cut short (with or without its leaves) — fewer events than the signed stream head;</li>
 *   <li>the log cut short or rewritten — no consistency proof holds between the checkpoints;</li>
 *   <li>a rewritten checkpoint — its signature fails; a fork — two signed checkpoints of one size that differ.</li>
 * </ul>
 */
public final class LedgerVerification {

    private LedgerVerification() {
    }

    /** The answer: verified with a summary, or the first failure. */
    public record Outcome(boolean verified, String message) {

        static Outcome failed(String message) {
            return new Outcome(false, message);
        }
    }

    /** Checks the saved checkpoints alone (signatures and forks). */
    public static Outcome verifyCheckpoints(Collection<PublicKey> keys, List<Checkpoint> saved) {
        return checkpoints(keys, saved).orElseGet(() ->
                new Outcome(true, "verified: " + saved.size() + " checkpoint(s), signatures hold and no two fork"));
    }

    /** Checks the saved checkpoints, the export's checkpoint and the exported stream. */
    public static Outcome verify(Collection<PublicKey> keys, List<Checkpoint> saved, StreamExport export) {
        if (!StreamExport.FORMAT.equals(export.format())) {
            return Outcome.failed("the export is not in format " + StreamExport.FORMAT + " but " + export.format());
        }
        Checkpoint checkpoint = export.checkpoint();
        List<Checkpoint> all = new ArrayList<>(saved);
        all.add(checkpoint);
        Optional<Outcome> failure = checkpoints(keys, all);
        if (failure.isPresent()) {
            return failure.get();
        }
        for (Checkpoint other : saved) {
            if (other.treeSize() == checkpoint.treeSize()) {
                continue;
            }
            Checkpoint first = other.treeSize() < checkpoint.treeSize() ? other : checkpoint;
            Checkpoint second = first == other ? checkpoint : other;
            Optional<StreamExport.Consistency> proof = export.consistency().stream()
                    .filter(c -> c.fromSize() == first.treeSize() && c.toSize() == second.treeSize()).findFirst();
            if (proof.isEmpty()) {
                return Outcome.failed(other.describe() + ": the export carries no consistency proof between sizes "
                        + first.treeSize() + " and " + second.treeSize());
            }
            if (!Rfc9162.verifyConsistency(first.treeSize(), second.treeSize(), first.rootHash(), second.rootHash(),
                    proof.get().proof())) {
                return Outcome.failed(first.describe() + " is not a prefix of " + second.describe()
                        + ": the log was rewritten or cut short between them");
            }
        }
        return stream(export);
    }

    /**
     * Checks an organisation's export: every stream in it as {@link #verify(Collection, List, StreamExport)} does,
     * each against the export's one checkpoint. With {@code previous}, an export of the same organisation the auditor
     * held before (the heads its streams had then), every stream of it must still be there with at least as many events:
     * a stream removed from the organisation — even with its leaves, which would also break the heads tree's root — is
     * named. Without it, a stream left out of the file cannot be told from one that never existed.
     */
    public static Outcome verify(Collection<PublicKey> keys, List<Checkpoint> saved, OrganisationExport export,
                                 OrganisationExport previous) {
        if (!OrganisationExport.FORMAT.equals(export.format())) {
            return Outcome.failed("the export is not in format " + OrganisationExport.FORMAT + " but " + export.format());
        }
        // The earlier export's checkpoint is one more the auditor holds: this export must prove it extends it.
        List<Checkpoint> held = new ArrayList<>(saved);
        if (previous != null) {
            held.add(previous.checkpoint());
        }
        List<Checkpoint> all = new ArrayList<>(held);
        all.add(export.checkpoint());
        Optional<Outcome> failure = checkpoints(keys, all);
        if (failure.isPresent()) {
            return failure.get();
        }
        Map<String, StreamHead> heads = new HashMap<>();
        long events = 0;
        for (StreamExport stream : export.streams()) {
            if (!stream.checkpoint().signedText().equals(export.checkpoint().signedText())) {
                return Outcome.failed("stream " + stream.stream() + ": proved against " + stream.checkpoint().describe()
                        + ", not the export's " + export.checkpoint().describe());
            }
            if (heads.put(stream.stream(), stream.head()) != null) {
                return Outcome.failed("stream " + stream.stream() + ": exported twice");
            }
            Outcome outcome = verify(keys, held, stream);
            if (!outcome.verified()) {
                return outcome;
            }
            events += stream.events().size();
        }
        if (previous != null) {
            if (!previous.organisation().equals(export.organisation())) {
                return Outcome.failed("the earlier export is of organisation " + previous.organisation() + ", not " + export.organisation());
            }
            Outcome earlier = verify(keys, List.of(), previous, null);
            if (!earlier.verified()) {
                return Outcome.failed("the earlier export: " + earlier.message());
            }
            for (StreamExport before : previous.streams()) {
                StreamHead now = heads.get(before.stream());
                if (now == null) {
                    return Outcome.failed("stream " + before.stream() + ": in the earlier export at " + previous.checkpoint().describe()
                            + " with " + before.head().events() + " events, missing from this one (removed?)");
                }
                if (now.events() < before.head().events()) {
                    return Outcome.failed("stream " + before.stream() + ": " + before.head().events() + " events at "
                            + previous.checkpoint().describe() + ", only " + now.events() + " now (truncated)");
                }
            }
        }
        Checkpoint checkpoint = export.checkpoint();
        return new Outcome(true, "verified: " + export.streams().size() + " streams (" + events + " events) of organisation "
                + export.organisation() + " against " + checkpoint.describe() + ", signed by key " + checkpoint.keyId()
                + (previous == null ? "" : "; every stream of the earlier export at " + previous.checkpoint().describe() + " is there"));
    }

    private static Optional<Outcome> checkpoints(Collection<PublicKey> keys, List<Checkpoint> checkpoints) {
        Map<String, PublicKey> byId = new HashMap<>();
        keys.forEach(key -> byId.put(LedgerKeys.keyId(key), key));
        Map<Long, Checkpoint> bySize = new HashMap<>();
        for (Checkpoint checkpoint : checkpoints) {
            PublicKey key = byId.get(checkpoint.keyId());
            if (key == null) {
                return Optional.of(Outcome.failed(checkpoint.describe() + ": signed by key " + checkpoint.keyId()
                        + ", which is not among the public keys given"));
            }
            if (!checkpoint.isSignedBy(key)) {
                return Optional.of(Outcome.failed(checkpoint.describe()
                        + ": the signature does not hold (the checkpoint was altered or not signed by key " + checkpoint.keyId() + ")"));
            }
            Checkpoint same = bySize.putIfAbsent(checkpoint.treeSize(), checkpoint);
            if (same != null && !(MessageDigest.isEqual(same.rootHash(), checkpoint.rootHash())
                    && MessageDigest.isEqual(same.streamsRoot(), checkpoint.streamsRoot()))) {
                return Optional.of(Outcome.failed("fork: " + same.describe() + " and " + checkpoint.describe()
                        + " are both signed for size " + checkpoint.treeSize() + " with different roots"));
            }
        }
        return Optional.empty();
    }

    private static Outcome stream(StreamExport export) {
        Checkpoint checkpoint = export.checkpoint();
        String stream = export.stream();
        StreamHead head = export.head();
        if (head == null || !head.stream().equals(stream)
                || !Rfc9162.verifyInclusion(head.leafHash(), export.headIndex(), checkpoint.streamCount(), export.headProof(),
                checkpoint.streamsRoot())) {
            return Outcome.failed("stream " + stream + ": its head (event count and last leaf) is not the one "
                    + checkpoint.describe() + " signed");
        }
        long expected = 0;
        long previousLeaf = -1;
        for (StreamExport.Entry entry : export.events()) {
            LedgerEvent event = entry.event();
            String name = "event " + event.eventId() + " (stream " + event.stream() + ", sequence " + event.sequence()
                    + ", leaf " + entry.leafIndex() + ")";
            if (!event.stream().equals(stream)) {
                return Outcome.failed(name + ": not of stream " + stream);
            }
            if (!Rfc9162.verifyInclusion(event.leafHash(), entry.leafIndex(), checkpoint.treeSize(), entry.proof(),
                    checkpoint.rootHash())) {
                return Outcome.failed(name + ": does not match the ledger at " + checkpoint.describe()
                        + " (altered, moved, or not in the ledger)");
            }
            if (event.sequence() > expected) {
                return Outcome.failed("stream " + stream + ": the event of sequence " + expected + " is missing (deleted?); "
                        + name + " follows sequence " + (expected - 1));
            }
            if (event.sequence() < expected || entry.leafIndex() <= previousLeaf) {
                return Outcome.failed(name + ": out of order or repeated (after sequence " + (expected - 1) + ", leaf "
                        + previousLeaf + ")");
            }
            expected++;
            previousLeaf = entry.leafIndex();
        }
        if (expected != head.events() || previousLeaf != head.lastLeafIndex()) {
            return Outcome.failed("stream " + stream + ": " + checkpoint.describe() + " holds " + head.events()
                    + " events of it, the last at leaf " + head.lastLeafIndex() + ", but the export has " + expected
                    + (expected < head.events() ? ": the events from sequence " + expected + " on are missing (truncated)" : ""));
        }
        return new Outcome(true, "verified: " + expected + " events of stream " + stream + " against "
                + checkpoint.describe() + ", signed by key " + checkpoint.keyId());
    }
}
