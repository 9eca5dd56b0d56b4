package vn.qualityledger.support.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The tree of stream heads a checkpoint signs: one leaf per stream, sorted by stream id (Java's String order). */
public final class StreamHeads {

    private final List<StreamHead> heads;
    private final MerkleTree tree;

    public StreamHeads(List<StreamHead> heads) {
        this.heads = new ArrayList<>(heads);
        this.heads.sort(Comparator.comparing(StreamHead::stream));
        this.tree = MerkleTree.of(this.heads.stream().map(StreamHead::leafHash).toList());
    }

    public long size() {
        return heads.size();
    }

    public byte[] root() {
        return tree.rootHash(tree.size());
    }

    /** The stream's head and its index in the tree, if the stream has events in it. */
    public Optional<Indexed> find(String stream) {
        int index = java.util.Collections.binarySearch(heads, new StreamHead(stream, 0, 0), Comparator.comparing(StreamHead::stream));
        return index < 0 ? Optional.empty()
                : Optional.of(new Indexed(heads.get(index), index, tree.inclusionProof(index, tree.size())));
    }

    public record Indexed(StreamHead head, long index, List<byte[]> proof) {
    }
}
