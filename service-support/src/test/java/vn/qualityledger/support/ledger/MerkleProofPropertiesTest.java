package vn.qualityledger.support.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every proof of every tree of 1 to 64 leaves (all of them, not a sample): each verifies, and each wrong leaf, wrong
 * index, doubled or halved size (a size one larger can share a root: the RFC's proofs say nothing about that), altered, shortened, lengthened or reordered path fails.
 */
class MerkleProofPropertiesTest {

    private static final int MAX = 64;
    private static final List<byte[]> LEAVES = IntStream.range(0, MAX)
            .mapToObj(i -> Rfc9162.leafHash(ByteBuffer.allocate(4).putInt(i * 7919).array())).toList();
    private final MerkleTree tree = MerkleTree.of(LEAVES);

    @Test
    void theIncrementalTreeHasTheRootsOfTheDefinition() {
        for (int n = 0; n <= MAX; n++) {
            assertThat(tree.rootHash(n)).as("size %d", n).isEqualTo(Rfc9162.rootOf(LEAVES.subList(0, n)));
        }
    }

    @Test
    void everyInclusionProofVerifiesAndNoWrongOneDoes() {
        for (int n = 1; n <= MAX; n++) {
            byte[] root = tree.rootHash(n);
            for (int i = 0; i < n; i++) {
                List<byte[]> path = tree.inclusionProof(i, n);
                String at = "leaf " + i + " of " + n;
                assertThat(Rfc9162.verifyInclusion(LEAVES.get(i), i, n, path, root)).as(at).isTrue();
                assertThat(Rfc9162.verifyInclusion(LEAVES.get((i + 1) % MAX), i, n, path, root)).as("wrong leaf, " + at).isFalse();
                if (n > 1) {
                    assertThat(Rfc9162.verifyInclusion(LEAVES.get(i), (i + 1) % n, n, path, root)).as("wrong index, " + at).isFalse();
                    assertThat(Rfc9162.verifyInclusion(LEAVES.get(i), i, 2L * n, path, root)).as("doubled size, " + at).isFalse();
                    if (i < n / 2) {
                        assertThat(Rfc9162.verifyInclusion(LEAVES.get(i), i, n / 2, path, root)).as("halved size, " + at).isFalse();
                    }
                    for (int p = 0; p < path.size(); p++) {
                        List<byte[]> altered = new ArrayList<>(path);
                        byte[] hash = altered.get(p).clone();
                        hash[p % hash.length] ^= 1;
                        altered.set(p, hash);
                        assertThat(Rfc9162.verifyInclusion(LEAVES.get(i), i, n, altered, root)).as("altered path, " + at).isFalse();
                    }
                    assertThat(Rfc9162.verifyInclusion(LEAVES.get(i), i, n, path.subList(0, path.size() - 1), root))
                            .as("short path, " + at).isFalse();
                    if (path.size() > 1) {
                        List<byte[]> swapped = new ArrayList<>(path);
                        Collections.swap(swapped, 0, 1);
                        assertThat(Rfc9162.verifyInclusion(LEAVES.get(i), i, n, swapped, root)).as("swapped path, " + at).isFalse();
                    }
                }
                List<byte[]> longer = new ArrayList<>(path);
                longer.add(root);
                assertThat(Rfc9162.verifyInclusion(LEAVES.get(i), i, n, longer, root)).as("long path, " + at).isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndNoWrongOneDoes() {
        for (int n = 1; n <= MAX; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = tree.consistencyProof(m, n);
                byte[] first = tree.rootHash(m);
                byte[] second = tree.rootHash(n);
                String at = m + " to " + n;
                assertThat(Rfc9162.verifyConsistency(m, n, first, second, proof)).as(at).isTrue();
                if (m == n) {
                    continue;
                }
                assertThat(Rfc9162.verifyConsistency(m, n, tree.rootHash(m - 1), second, proof)).as("wrong first root, " + at).isFalse();
                assertThat(Rfc9162.verifyConsistency(m, n, first, tree.rootHash(n - 1), proof)).as("wrong second root, " + at).isFalse();
                assertThat(Rfc9162.verifyConsistency(m, 2L * n, first, second, proof)).as("doubled size, " + at).isFalse();
                for (int p = 0; p < proof.size(); p++) {
                    List<byte[]> altered = new ArrayList<>(proof);
                    byte[] hash = altered.get(p).clone();
                    hash[0] ^= 16;
                    altered.set(p, hash);
                    assertThat(Rfc9162.verifyConsistency(m, n, first, second, altered)).as("altered proof, " + at).isFalse();
                }
                assertThat(Rfc9162.verifyConsistency(m, n, first, second, proof.subList(0, proof.size() - 1)))
                        .as("short proof, " + at).isFalse();
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(second);
                assertThat(Rfc9162.verifyConsistency(m, n, first, second, longer)).as("long proof, " + at).isFalse();
            }
        }
    }

    @Test
    void aTreeAcrossManyStorageChunksHasTheRootsAndProofsOfTheDefinition() {
        List<byte[]> leaves = IntStream.range(0, 20_000)
                .mapToObj(i -> Rfc9162.leafHash(ByteBuffer.allocate(4).putInt(i).array())).toList();
        MerkleTree large = MerkleTree.of(leaves);
        for (int n : new int[] {8191, 8192, 8193, 16_384, 16_385, 20_000}) {
            byte[] root = Rfc9162.rootOf(leaves.subList(0, n));
            assertThat(large.rootHash(n)).as("size %d", n).isEqualTo(root);
            for (int i : new int[] {0, 8191, 8192, n - 1}) {
                if (i < n) {
                    assertThat(Rfc9162.verifyInclusion(leaves.get(i), i, n, large.inclusionProof(i, n), root)).as("leaf %d of %d", i, n).isTrue();
                }
            }
            int first = Math.min(8192, n - 1);
            assertThat(Rfc9162.verifyConsistency(first, n, large.rootHash(first), root, large.consistencyProof(first, n))).isTrue();
        }
    }

    @Test
    void aForkedTreeIsNotConsistentWithTheOriginal() {
        List<byte[]> forked = new ArrayList<>(LEAVES.subList(0, 40));
        forked.set(17, Rfc9162.leafHash(new byte[] {42}));
        MerkleTree other = MerkleTree.of(forked);
        for (int m = 18; m <= 40; m++) {
            assertThat(Rfc9162.verifyConsistency(m, 40, tree.rootHash(m), other.rootHash(40), other.consistencyProof(m, 40)))
                    .as("size %d", m).isFalse();
        }
    }
}
