package vn.qualityledger.support.integrity;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Tamper evidence for the JPA event store: the storage engine that chains every appended event, and the verifier.
 * Runs before Axon's own JPA event-store configuration, which then backs off. (With Axon Server the server keeps the
 * events; this chain is not written there.)
 */
@AutoConfiguration(before = JpaEventStoreAutoConfiguration.class)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class TamperEvidenceConfiguration {

    static final String DEVELOPMENT_KEY = "quality-ledger-development-key-change-me";
    private static final Logger LOG = LoggerFactory.getLogger(TamperEvidenceConfiguration.class);

    @Bean
    EventChain eventChain(@Value("${quality-ledger.integrity.key:}") String key) {
        if (key.isBlank()) {
            LOG.warn("The event chain uses the development key: set INTEGRITY_KEY to a secret of your own in production");
            return new EventChain(DEVELOPMENT_KEY);
        }
        return new EventChain(key);
    }

    /** Without the chain-writing engine there is nothing to verify: /integrity then says so (501). */
    @Bean
    @ConditionalOnProperty(name = "quality-ledger.integrity.enabled", havingValue = "true", matchIfMissing = true)
    EventChainVerifier eventChainVerifier(TamperEvidentEventStorageEngine storage, JdbcTemplate jdbc,
                                          PlatformTransactionManager transactions, EventChain chain) {
        return new EventChainVerifier(storage, jdbc, transactions, chain);
    }

    /** The last committed link per stream, at most {@code quality-ledger.integrity.link-cache-size} streams (0: none). */
    @Bean
    ChainHeads chainHeads(@Value("${quality-ledger.integrity.link-cache-size:5000}") long maximumStreams) {
        return new ChainHeads(maximumStreams);
    }

    @Bean
    @ConditionalOnProperty(name = "quality-ledger.integrity.enabled", havingValue = "true", matchIfMissing = true)
    TamperEvidentEventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider, TransactionManager transactionManager,
                                          EventChain chain, ChainHeads heads) {
        return new TamperEvidentEventStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager), chain, heads);
    }
}
