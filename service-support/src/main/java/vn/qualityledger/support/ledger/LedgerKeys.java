package vn.qualityledger.support.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys of the checkpoints, with the JDK's provider only. A private key is configured as PKCS#8 (DER, base64);
 * a public key is published as X.509 SubjectPublicKeyInfo (DER, base64, or PEM). A key's id is the first 8 bytes of the
 * SHA-256 of its SubjectPublicKeyInfo, in hex: each checkpoint names the key that signed it, so that after a rotation
 * the verifier picks the right one of the public keys it holds.
 */
public final class LedgerKeys {

    /** The seed of the development key: public, so that checkpoints signed with it prove nothing to anyone. */
    private static final byte[] DEVELOPMENT_SEED = Rfc9162.sha256(
            "quality-ledger development checkpoint key: NOT SECRET, never use in production".getBytes(StandardCharsets.UTF_8));

    private LedgerKeys() {
    }

    /** The key pair of a PKCS#8 Ed25519 private key (base64 DER); its public half is derived from the private seed. */
    public static KeyPair fromPkcs8(String base64) {
        try {
            var key = (EdECPrivateKey) KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64.strip())));
            return fromSeed(key.getBytes().orElseThrow(() -> new IllegalArgumentException("the private key has no seed")));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key", e);
        }
    }

    /** The deterministic development key pair (the same on every start and every machine, and not secret). */
    public static KeyPair development() {
        return fromSeed(DEVELOPMENT_SEED);
    }

    /** A new random key pair, e.g. for a rotation. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has Ed25519 since Java 15", e);
        }
    }

    /**
     * RFC 8032's key pair of a 32-byte seed. The JDK has no API that derives an Ed25519 public key from a private one,
     * but its generator draws exactly the seed from the random source it is given.
     */
    static KeyPair fromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has Ed25519 since Java 15", e);
        }
    }

    public static String privateKeyBase64(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    public static String publicKeyBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String publicKeyPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** A public key from base64 DER or PEM text. */
    public static PublicKey publicKey(String text) {
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509 SubjectPublicKeyInfo, base64 or PEM)", e);
        }
    }

    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(Rfc9162.sha256(key.getEncoded()), 0, 8);
    }
}
