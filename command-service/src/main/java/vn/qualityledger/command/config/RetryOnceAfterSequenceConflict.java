package vn.qualityledger.command.config;

import java.util.List;
import java.util.concurrent.Executor;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.qualityledger.command.web.FailureKind;

/**
 * Sends a command once more when its append met a sequence conflict (see {@link AggregateCacheConfiguration}); every
 * other failure — a refusal, an outage, a fault — is answered at once, and without a word in the log: Axon's own
 * retry schedulers log a warning for each of them, refusals too.
 */
final class RetryOnceAfterSequenceConflict implements RetryScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(RetryOnceAfterSequenceConflict.class);

    private final Executor executor;

    RetryOnceAfterSequenceConflict(Executor executor) {
        this.executor = executor;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        // failures holds every failure so far, the last one included
        if (failures.size() > AggregateCacheConfiguration.AFTER_CONFLICT_RETRIES || FailureKind.of(lastFailure) != FailureKind.SEQUENCE_CONFLICT) {
            return false;
        }
        LOG.info("{} met a sequence conflict; sent once more against the stored stream", commandMessage.getCommandName());
        executor.execute(dispatchTask);
        return true;
    }
}
