package vn.qualityledger.support.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Certificate Transparency reference vectors (RFC 6962's 8-leaf tree, as in the CT and transparency-dev test suites):
 * an independent implementation's answers, so a drift in the prefixes, the split or the proof order fails here.
 */
class Rfc9162TestVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final List<byte[]> LEAVES = Stream.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f").map(HEX::parseHex).map(Rfc9162::leafHash).toList();

    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private final MerkleTree tree = MerkleTree.of(LEAVES);

    @Test
    void everyRootOfTheReferenceTreeIsTheOneCertificateTransparencyPublishes() {
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.rootHash(size))).as("size %d", size).isEqualTo(ROOTS.get(size));
            assertThat(HEX.formatHex(Rfc9162.rootOf(LEAVES.subList(0, size)))).isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    void inclusionProofsAreTheReferenceOnesAndVerify() {
        inclusion(0, 1);
        inclusion(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        inclusion(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        inclusion(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        inclusion(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void consistencyProofsAreTheReferenceOnesAndVerify() {
        consistency(1, 1);
        consistency(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        consistency(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        consistency(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void theDegenerateConsistencyCasesAreTheRfcs() {
        byte[] root4 = tree.rootHash(4);
        assertThat(Rfc9162.verifyConsistency(4, 4, root4, root4, List.of())).isTrue();
        assertThat(Rfc9162.verifyConsistency(4, 4, root4, tree.rootHash(5), List.of())).isFalse();
        assertThat(Rfc9162.verifyConsistency(4, 4, root4, root4, List.of(root4))).isFalse();
        assertThat(Rfc9162.verifyConsistency(0, 8, Rfc9162.emptyRoot(), tree.rootHash(8), List.of())).isTrue();
        assertThat(Rfc9162.verifyConsistency(0, 8, tree.rootHash(1), tree.rootHash(8), List.of())).isFalse();
        assertThat(Rfc9162.verifyConsistency(6, 8, tree.rootHash(6), tree.rootHash(8), List.of())).isFalse();
        assertThat(Rfc9162.verifyConsistency(8, 6, tree.rootHash(8), tree.rootHash(6), tree.consistencyProof(6, 8))).isFalse();
    }

    private void inclusion(int index, int size, String... expected) {
        List<byte[]> proof = tree.inclusionProof(index, size);
        assertThat(proof).map(HEX::formatHex).containsExactly(expected);
        assertThat(Rfc9162.verifyInclusion(LEAVES.get(index), index, size, proof, HEX.parseHex(ROOTS.get(size)))).isTrue();
    }

    private void consistency(int first, int second, String... expected) {
        List<byte[]> proof = tree.consistencyProof(first, second);
        assertThat(proof).map(HEX::formatHex).containsExactly(expected);
        assertThat(Rfc9162.verifyConsistency(first, second, HEX.parseHex(ROOTS.get(first)), HEX.parseHex(ROOTS.get(second)),
                proof)).isTrue();
    }
}
