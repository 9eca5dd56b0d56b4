package vn.qualityledger.support.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.Signature;
import org.junit.jupiter.api.Test;

class LedgerKeysTest {

    @Test
    void aConfiguredPrivateKeyYieldsItsOwnPublicKey() throws Exception {
        KeyPair generated = LedgerKeys.generate();
        KeyPair read = LedgerKeys.fromPkcs8(LedgerKeys.privateKeyBase64(generated));
        assertThat(read.getPublic().getEncoded()).isEqualTo(generated.getPublic().getEncoded());
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(read.getPrivate());
        signer.update(new byte[] {1, 2, 3});
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(generated.getPublic());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @Test
    void theDevelopmentKeyIsTheSameOnEveryStart() {
        assertThat(LedgerKeys.development().getPublic().getEncoded()).isEqualTo(LedgerKeys.development().getPublic().getEncoded());
        assertThat(LedgerKeys.keyId(LedgerKeys.development().getPublic())).hasSize(16);
    }

    @Test
    void aPublicKeyReadsBackFromBase64AndPem() {
        KeyPair pair = LedgerKeys.generate();
        assertThat(LedgerKeys.publicKey(LedgerKeys.publicKeyBase64(pair.getPublic())).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(LedgerKeys.publicKey(LedgerKeys.publicKeyPem(pair.getPublic())).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void cannotReadAKeyThatIsNotEd25519() {
        assertThatThrownBy(() -> LedgerKeys.fromPkcs8("bm90IGEga2V5")).isInstanceOf(IllegalArgumentException.class);
    }
}
