package vn.qualityledger.query.config;

import java.time.Duration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The event store as Axon's auto-configuration builds it, but polling the database for new events every
 * {@code quality-ledger.event-poll-interval} (100 ms) instead of Axon's 1 s. Command-service appends in another JVM, so
 * nothing wakes this one's stream: it finds new events only by polling, and with the 1 s default a command took
 * 0.5-1.4 s to show in the dashboards (bin/bench.sh, figure 5; README, "Performance"). An idle poll is one indexed
 * query.
 *
 * <p>It also sets the storage engine's gap handling, which the feed's outbox relies on (FeedReader): a gap in the global
 * index older than {@code quality-ledger.feed.gap-timeout} is taken for a rolled-back transaction, and Axon looks for
 * such gaps whenever a token has one (its default waits for 250 gaps, which could hold the feed back for good).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!axonserver")
class EventStoreConfiguration {

    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${quality-ledger.event-poll-interval:PT0.1S}") Duration pollInterval,
                                  @Value("${quality-ledger.feed.gap-timeout:PT10S}") Duration gapTimeout) {
        if (storageEngine instanceof JpaEventStorageEngine jpa) {
            jpa.setGapTimeout(Math.toIntExact(gapTimeout.toMillis()));
            jpa.setGapCleaningThreshold(0);
        }
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(pollInterval.toMillis())
                .build();
    }
}
