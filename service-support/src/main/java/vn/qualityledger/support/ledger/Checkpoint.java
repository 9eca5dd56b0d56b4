package vn.qualityledger.support.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A signed statement that the ledger held {@code treeSize} events with root {@code rootHash}, and that the heads of
 * its {@code streamCount} streams form the tree with root {@code streamsRoot} (see {@link StreamHead}), at
 * {@code timestamp}.
 *
 * <p>What is signed ({@link #signedText()}) is a text in the shape of a C2SP {@code tlog-checkpoint} body, readable
 * when printed in a report:
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size, decimal&gt;
 * &lt;root hash, base64&gt;
 * streams &lt;stream count, decimal&gt; &lt;streams root, base64&gt;
 * time &lt;timestamp, ISO-8601 UTC&gt;
 * </pre>
 * each line ending in a newline (0x0A), signed with Ed25519 by the key whose id ({@link LedgerKeys#keyId}) is
 * {@code keyId}.
 *
 * @param timestamp ISO-8601 instant, kept as text so that what was signed is what is read back
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, long streamCount, byte[] streamsRoot,
                         String timestamp, String keyId, byte[] signature) {

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(streamsRoot, "streamsRoot");
        Objects.requireNonNull(timestamp, "timestamp");
        if (origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("an origin is one non-blank line");
        }
        Instant.parse(timestamp);
    }

    public static Checkpoint sign(KeyPair key, String origin, long treeSize, byte[] rootHash, long streamCount,
                                  byte[] streamsRoot, Instant timestamp) {
        Checkpoint unsigned = new Checkpoint(origin, treeSize, rootHash, streamCount, streamsRoot, timestamp.toString(),
                LedgerKeys.keyId(key.getPublic()), new byte[0]);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(origin, treeSize, rootHash, streamCount, streamsRoot, unsigned.timestamp(),
                    unsigned.keyId(), signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the checkpoint", e);
        }
    }

    public String signedText() {
        Base64.Encoder base64 = Base64.getEncoder();
        return origin + "\n" + treeSize + "\n" + base64.encodeToString(rootHash) + "\n"
                + "streams " + streamCount + " " + base64.encodeToString(streamsRoot) + "\n"
                + "time " + timestamp + "\n";
    }

    /** Whether {@code key} is the key this checkpoint names and its signature over {@link #signedText()} holds. */
    public boolean isSignedBy(PublicKey key) {
        if (signature == null || !LedgerKeys.keyId(key).equals(keyId)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A short name for messages: size, root (hex prefix) and time. */
    public String describe() {
        return "checkpoint of size " + treeSize + " (root " + java.util.HexFormat.of().formatHex(rootHash, 0,
                Math.min(8, rootHash.length)) + "…, " + timestamp + ")";
    }
}
