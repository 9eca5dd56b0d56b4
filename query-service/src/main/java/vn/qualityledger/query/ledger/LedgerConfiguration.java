package vn.qualityledger.query.ledger;

import java.security.KeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.qualityledger.support.ledger.LedgerKeys;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerConfiguration.class);

    /**
     * The configured key, or the development key: deterministic (the same seed everywhere, so checkpoints signed before
     * a restart still verify with the one published development public key) and public, so a warning says that its
     * checkpoints prove nothing.
     */
    @Bean
    KeyPair ledgerSigningKey(LedgerProperties properties) {
        if (properties.signingKey() == null || properties.signingKey().isBlank()) {
            KeyPair development = LedgerKeys.development();
            LOG.warn("quality-ledger.ledger.signing-key (LEDGER_SIGNING_KEY) is blank: ledger checkpoints are signed with the "
                    + "public development key {}, and prove nothing to anyone", LedgerKeys.keyId(development.getPublic()));
            return development;
        }
        return LedgerKeys.fromPkcs8(properties.signingKey());
    }
}
