package vn.qualityledger.command.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregates stay in memory between commands ({@code @Aggregate(cache = "aggregateCache")}): a command on a cached
 * objective reads neither its snapshot nor its events, only the stream's last sequence number, to check that no other
 * replica appended since ({@link StreamCheckedCache}). Axon's {@link WeakReferenceCache} holds each aggregate as long
 * as the heap can spare it and needs no further library.
 *
 * <p>Between that check and the append another replica may still append. The copy can then never store anything: its
 * next event takes a sequence number the stream already has, the unique key refuses it, the transaction rolls back and
 * Axon drops the entry. The gateway sends the same command once more ({@link #AFTER_CONFLICT_RETRIES}), now against
 * the stored stream, so the user gets the answer the stored stream gives instead of a 409. A real race between two
 * commands gets the same single retry; a second conflict is answered 409 as before.
 */
@Configuration
class AggregateCacheConfiguration {

    /** Retries after a sequence conflict: one, against the stream as stored. */
    static final int AFTER_CONFLICT_RETRIES = 1;

    @Bean
    Cache aggregateCache(ObjectProvider<EventStore> eventStore) {
        return new StreamCheckedCache(new WeakReferenceCache(), eventStore::getObject);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService conflictRetryExecutor() {
        // a thread per retry in flight: at most one per request thread, each waiting for its command only
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "command-conflict-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Axon's gateway, with the one retry above ({@link RetryOnceAfterSequenceConflict}). */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ExecutorService conflictRetryExecutor) {
        RetryScheduler retryScheduler = new RetryOnceAfterSequenceConflict(conflictRetryExecutor);
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retryScheduler).build();
    }
}
