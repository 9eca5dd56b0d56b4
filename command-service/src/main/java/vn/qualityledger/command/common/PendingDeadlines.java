package vn.qualityledger.command.common;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import org.axonframework.deadline.DeadlineManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancelling an aggregate's pending deadlines when the work they watch is done. A deadline that db-scheduler is
 * running at this very moment cannot be cancelled; it is left to run: it waits for this command's lock, then finds the
 * work done and records nothing. Failing the command for it would answer a unit's finished work with a 500.
 */
public final class PendingDeadlines {

    private static final Logger LOG = LoggerFactory.getLogger(PendingDeadlines.class);

    private PendingDeadlines() {
    }

    /** Cancels the scope's deadlines of this name, but one that is firing now. */
    public static void cancelAll(DeadlineManager deadlines, String name) {
        try {
            deadlines.cancelAllWithinScope(name);
        } catch (RuntimeException failure) {
            if (!firing(failure)) {
                throw failure;
            }
            LOG.info("A {} deadline is firing now and stays: it will find its work done ({})", name, failure.getMessage());
        }
    }

    private static boolean firing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TaskInstanceCurrentlyExecutingException) {
                return true;
            }
        }
        return false;
    }
}
