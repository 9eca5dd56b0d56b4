package vn.qualityledger.command.config;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Without snapshots every command re-reads the objective's whole stream; a busy objective has thousands of events.
 *
 * <p>Snapshots are written on a thread of their own, not on the command's. Axon's default writes a due snapshot on the
 * command's thread after its commit, while the command still holds the objective's lock, and needs a pooled connection
 * again for it: when every other pooled connection belonged to a command waiting for that lock, nothing moved for
 * Hikari's 30 s (the request-thread cap below the pool size only kept that from happening). Written apart, the command
 * releases its lock and its connection at once, and the writer holds one connection and no lock. A snapshot is only a
 * shortcut for reading: when the writer is behind by more than its queue, a due snapshot is dropped and the next
 * command past the threshold asks again.
 */
@org.springframework.context.annotation.Configuration
class SnapshotConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotConfiguration.class);

    @Bean
    SnapshotTriggerDefinition objectiveSnapshotTrigger(Snapshotter snapshotter,
                                                       @Value("${quality-ledger.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** One writer; its queue bounds what waits (a due snapshot per busy objective is plenty). */
    @Bean(destroyMethod = "shutdown")
    ExecutorService snapshotWriter(@Value("${quality-ledger.snapshot-queue:256}") int queue) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue), runnable -> {
            Thread thread = new Thread(runnable, "snapshot-writer");
            thread.setDaemon(true);
            return thread;
        }, (dropped, executor) -> LOG.debug("Snapshot writer busy: a due snapshot is dropped, the next command asks again"));
    }

    /** Axon's auto-configured snapshotter (AxonAutoConfiguration#aggregateSnapshotter), but for the executor. */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration, HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory, EventStore eventStore,
                                                    TransactionManager transactionManager, SnapshotterSpanFactory spanFactory,
                                                    @Qualifier("snapshotWriter") ExecutorService snapshotWriter) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotWriter)
                .build();
    }
}
