package vn.qualityledger.command.common;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import org.axonframework.common.ExceptionUtils;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.Scope;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancelling an aggregate's pending deadlines when the work they watch is done. A deadline that db-scheduler is
 * running at this very moment cannot be cancelled; it is left to run: it waits for this command's lock, then finds the
 * work done and records nothing. Failing the command for it would answer a unit's finished work with a 500.
 *
 * <p>Axon's own managers do not cancel when asked: they defer the cancellation to the unit of work's prepare-commit,
 * where db-scheduler's refusal would escape any try around the call and roll the command back. So with such a manager
 * the cancellation is registered here, for the scope of the aggregate handling the command, and run at prepare-commit
 * with the unit of work set aside for the moment, so that the manager cancels at once, inside this class's guard.
 */
public final class PendingDeadlines {

    private static final Logger LOG = LoggerFactory.getLogger(PendingDeadlines.class);

    private PendingDeadlines() {
    }

    /** Cancels the scope's deadlines of this name, but one that is firing now. */
    public static void cancelAll(DeadlineManager deadlines, String name) {
        if (deadlines instanceof AbstractDeadlineManager && CurrentUnitOfWork.isStarted()) {
            ScopeDescriptor scope = Scope.describeCurrentScope();
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> outside(unitOfWork,
                    () -> tolerateFiring(name, () -> deadlines.cancelAllWithinScope(name, scope))));
        } else {
            tolerateFiring(name, () -> deadlines.cancelAllWithinScope(name));
        }
    }

    /** Runs the work with the unit of work not current, so that a deferring manager acts now. */
    private static void outside(UnitOfWork<?> unitOfWork, Runnable work) {
        CurrentUnitOfWork.clear(unitOfWork);
        try {
            work.run();
        } finally {
            CurrentUnitOfWork.set(unitOfWork);
        }
    }

    private static void tolerateFiring(String name, Runnable cancellation) {
        try {
            cancellation.run();
        } catch (RuntimeException failure) {
            if (!firing(failure)) {
                throw failure;
            }
            LOG.info("A {} deadline is firing now and stays: it will find its work done ({})", name, failure.getMessage());
        }
    }

    private static boolean firing(Throwable failure) {
        return ExceptionUtils.findException(failure, TaskInstanceCurrentlyExecutingException.class).isPresent();
    }
}
