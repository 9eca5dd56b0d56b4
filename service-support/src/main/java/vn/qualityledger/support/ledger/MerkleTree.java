package vn.qualityledger.support.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only Merkle tree (RFC 9162 §2.1) that keeps every complete, aligned subtree's hash, so that the root of
 * any earlier size, an inclusion proof (§2.1.3.1) and a consistency proof (§2.1.4.1) each cost O(log n) hashes, and an
 * append O(1) amortised. Memory: about two hashes per leaf, 64 bytes, kept in large flat arrays.
 *
 * <p>Thread-safe: appends and reads are synchronised.
 */
public final class MerkleTree {

    /** {@code levels.get(h).get(i)}: the hash of leaves {@code [i·2^h, (i+1)·2^h)}. */
    private final List<Hashes> levels = new ArrayList<>();

    public MerkleTree() {
        levels.add(new Hashes());
    }

    public static MerkleTree of(List<byte[]> leafHashes) {
        MerkleTree tree = new MerkleTree();
        leafHashes.forEach(tree::append);
        return tree;
    }

    public synchronized long size() {
        return levels.get(0).size();
    }

    /** Appends a leaf hash (not the data: see {@link Rfc9162#leafHash}). */
    public synchronized void append(byte[] leafHash) {
        if (leafHash.length != Rfc9162.HASH_SIZE) {
            throw new IllegalArgumentException("a leaf hash has " + Rfc9162.HASH_SIZE + " bytes");
        }
        levels.get(0).add(leafHash);
        for (int h = 0; levels.get(h).size() % 2 == 0; h++) {
            Hashes level = levels.get(h);
            if (levels.size() == h + 1) {
                levels.add(new Hashes());
            }
            levels.get(h + 1).add(Rfc9162.nodeHash(level.get(level.size() - 2), level.get(level.size() - 1)));
        }
    }

    public synchronized byte[] leafHash(long index) {
        checkIndex(index, size());
        return levels.get(0).get(index);
    }

    /** The root of the tree of the first {@code size} leaves. */
    public synchronized byte[] rootHash(long size) {
        checkSize(size);
        return size == 0 ? Rfc9162.emptyRoot() : hash(0, size);
    }

    /** PATH(index, D[0:size]) of RFC 9162 §2.1.3.1. */
    public synchronized List<byte[]> inclusionProof(long index, long size) {
        checkSize(size);
        checkIndex(index, size);
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    /** PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1; empty when {@code first} is 0 or equals {@code second}. */
    public synchronized List<byte[]> consistencyProof(long first, long second) {
        checkSize(second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void path(long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = Rfc9162.split(n);
        if (m - start < k) {
            path(m, start, start + k, out);
            out.add(hash(start + k, end));
        } else {
            path(m, start + k, end, out);
            out.add(hash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean complete, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                out.add(hash(start, end));
            }
            return;
        }
        long k = Rfc9162.split(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, out);
            out.add(hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(hash(start, start + k));
        }
    }

    /** MTH(D[start:end]), from the stored subtrees: every left part of the RFC's split is a complete, aligned one. */
    private byte[] hash(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return levels.get(Long.numberOfTrailingZeros(n)).get(start / n);
        }
        long k = Rfc9162.split(n);
        return Rfc9162.nodeHash(hash(start, start + k), hash(start + k, end));
    }

    private void checkSize(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("the tree has " + size() + " leaves, not " + size);
        }
    }

    private static void checkIndex(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of " + size);
        }
    }

    /**
     * A growable list of hashes in chunks of 8 Ki hashes (256 KiB: below G1's humongous-object threshold even with
     * 1 MiB regions, where a larger array would waste up to half its regions), without an object per hash; the first
     * chunk grows from 16 hashes, so that a small tree stays small.
     */
    private static final class Hashes {

        private static final int CHUNK = 1 << 13;
        private final List<byte[]> chunks = new ArrayList<>();
        private long size;

        long size() {
            return size;
        }

        void add(byte[] hash) {
            int offset = (int) (size % CHUNK);
            if (offset == 0) {
                chunks.add(new byte[(size == 0 ? 16 : CHUNK) * Rfc9162.HASH_SIZE]);
            }
            byte[] chunk = chunks.get(chunks.size() - 1);
            if ((offset + 1) * Rfc9162.HASH_SIZE > chunk.length) {
                chunk = Arrays.copyOf(chunk, Math.min(CHUNK * Rfc9162.HASH_SIZE, chunk.length * 2));
                chunks.set(chunks.size() - 1, chunk);
            }
            System.arraycopy(hash, 0, chunk, offset * Rfc9162.HASH_SIZE, Rfc9162.HASH_SIZE);
            size++;
        }

        byte[] get(long index) {
            byte[] chunk = chunks.get((int) (index / CHUNK));
            int from = (int) (index % CHUNK) * Rfc9162.HASH_SIZE;
            return Arrays.copyOfRange(chunk, from, from + Rfc9162.HASH_SIZE);
        }
    }
}
