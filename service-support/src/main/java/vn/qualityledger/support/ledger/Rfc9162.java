package vn.qualityledger.support.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The hashing and proof verification of RFC 9162 (Certificate Transparency 2.0, §2.1), which are RFC 6962's: a leaf
 * hash is {@code SHA-256(0x00 || data)}, an interior node {@code SHA-256(0x01 || left || right)}, a tree of {@code n}
 * leaves splits at the largest power of two smaller than {@code n}, and the empty tree's hash is {@code SHA-256()}.
 *
 * <p>Only the JDK: the offline verifier runs this same code.
 */
public final class Rfc9162 {

    public static final int HASH_SIZE = 32;

    private Rfc9162() {
    }

    public static byte[] sha256(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest digest = newDigest();
        digest.update((byte) 0x00);
        digest.update(data);
        return digest.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = newDigest();
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    public static byte[] emptyRoot() {
        return sha256();
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2): the RFC's split point. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * RFC 9162 §2.1.3.2: whether {@code path} proves that the leaf with hash {@code leafHash} is at {@code index} in the
     * tree of {@code size} leaves whose root is {@code root}.
     */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size || !wellFormed(leafHash) || !wellFormed(root) || !wellFormed(path)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 §2.1.4.2: whether {@code proof} proves that the tree of {@code first} leaves with root {@code firstRoot}
     * is a prefix of the tree of {@code second} leaves with root {@code secondRoot}. Equal sizes are consistent exactly
     * when the roots are equal and the proof is empty; the empty tree is a prefix of every tree.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || second < first || !wellFormed(firstRoot) || !wellFormed(secondRoot) || !wellFormed(proof)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, emptyRoot());
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = proof;
        if (Long.bitCount(first) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(firstRoot);
            path.addAll(proof);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /** The root of a tree of the given leaf hashes, computed directly from the definition (§2.1.1). */
    public static byte[] rootOf(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int k = (int) split(leafHashes.size());
        return nodeHash(rootOf(leafHashes.subList(0, k)), rootOf(leafHashes.subList(k, leafHashes.size())));
    }

    private static boolean wellFormed(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    private static boolean wellFormed(List<byte[]> hashes) {
        return hashes != null && hashes.stream().allMatch(Rfc9162::wellFormed);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
