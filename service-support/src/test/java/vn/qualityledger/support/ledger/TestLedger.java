package vn.qualityledger.support.ledger;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A ledger in memory, built the way the service builds one, for tests of verification. */
public final class TestLedger {

    public final List<LedgerEvent> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();

    public TestLedger append(String stream, String json) {
        long sequence = sequences.merge(stream, 1L, Long::sum) - 1;
        events.add(new LedgerEvent(stream + "#" + sequence + "-" + events.size(), stream, sequence,
                "vn.qualityledger.api.objective.ObjectiveRevisedEvent", "1",
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(events.size()).toString(),
                json.getBytes(StandardCharsets.UTF_8), "{\"actorId\":\"thuky\"}".getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public MerkleTree tree() {
        return MerkleTree.of(events.stream().map(LedgerEvent::leafHash).toList());
    }

    public StreamHeads heads(long size) {
        Map<String, StreamHead> heads = new HashMap<>();
        for (int i = 0; i < size; i++) {
            LedgerEvent event = events.get(i);
            long leaf = i;
            heads.merge(event.stream(), new StreamHead(event.stream(), 1, leaf),
                    (a, b) -> new StreamHead(a.stream(), a.events() + 1, leaf));
        }
        return new StreamHeads(List.copyOf(heads.values()));
    }

    public Checkpoint checkpoint(KeyPair key, long size) {
        StreamHeads heads = heads(size);
        return Checkpoint.sign(key, "qualityledger.test", size, tree().rootHash(size), heads.size(), heads.root(),
                Instant.parse("2026-06-30T00:00:00Z").plusSeconds(size));
    }

    /** The export of the streams whose id starts with {@code organisation + "."}, as the service exports an organisation's. */
    public OrganisationExport organisationExport(String organisation, Checkpoint checkpoint, long... otherSizes) {
        List<StreamExport> streams = new ArrayList<>();
        events.stream().limit(checkpoint.treeSize()).map(LedgerEvent::stream).filter(s -> s.startsWith(organisation + "."))
                .distinct().sorted().forEach(stream -> streams.add(export(stream, checkpoint, otherSizes)));
        return new OrganisationExport(OrganisationExport.FORMAT, organisation, checkpoint, streams);
    }

    /** The export of a stream against {@code checkpoint}, with consistency proofs to {@code otherSizes}. */
    public StreamExport export(String stream, Checkpoint checkpoint, long... otherSizes) {
        MerkleTree tree = tree();
        long size = checkpoint.treeSize();
        StreamHeads.Indexed head = heads(size).find(stream).orElseThrow();
        List<StreamExport.Entry> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (events.get(i).stream().equals(stream)) {
                entries.add(new StreamExport.Entry(i, events.get(i), tree.inclusionProof(i, size)));
            }
        }
        List<StreamExport.Consistency> consistency = new ArrayList<>();
        for (long other : otherSizes) {
            long from = Math.min(other, size);
            long to = Math.max(other, size);
            consistency.add(new StreamExport.Consistency(from, to, tree.consistencyProof(from, to)));
        }
        return new StreamExport(StreamExport.FORMAT, stream, checkpoint, head.head(), head.index(), head.proof(), entries,
                consistency);
    }
}
