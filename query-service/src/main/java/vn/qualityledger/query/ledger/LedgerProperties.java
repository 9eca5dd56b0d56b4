package vn.qualityledger.query.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the verifiable ledger ({@code quality-ledger.ledger.*}).
 *
 * @param signingKey the checkpoints' Ed25519 private key, PKCS#8 DER in base64; blank: the public development key
 * @param origin     the first line of every checkpoint: names the log, so that one service's checkpoints are never
 *                   taken for another's
 * @param interval   how often a checkpoint is signed (when the ledger grew); zero or absent: only on demand
 * @param directory  where each checkpoint is also written as a JSON file; blank: nowhere
 */
@ConfigurationProperties("quality-ledger.ledger")
public record LedgerProperties(String signingKey, String origin, Duration interval, String directory) {

    public LedgerProperties {
        origin = origin == null || origin.isBlank() ? "qualityledger.vn/ledger" : origin;
        interval = interval == null ? Duration.ZERO : interval;
    }
}
