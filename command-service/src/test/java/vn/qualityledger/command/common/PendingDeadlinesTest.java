package vn.qualityledger.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.Scope;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Work done while its deadline fires is still done: only that one refusal of db-scheduler's is let pass. */
class PendingDeadlinesTest {

    private static final String NAME = "corrective-action-overdue";

    /** A manager that cancels at once, like the test fixtures' stub. */
    @Nested
    class ImmediateManager {

        private final DeadlineManager deadlines = mock(DeadlineManager.class);

        @Test
        void cancelsTheScopesDeadlinesOfTheName() {
            PendingDeadlines.cancelAll(deadlines, NAME);
            verify(deadlines).cancelAllWithinScope(NAME);
        }

        @Test
        void leavesADeadlineThatIsFiringNowToFindItsWorkDone() {
            doThrow(new IllegalStateException("wrapped", new TaskInstanceCurrentlyExecutingException("AxonDeadline", "id-1")))
                    .when(deadlines).cancelAllWithinScope(NAME);
            assertThatCode(() -> PendingDeadlines.cancelAll(deadlines, NAME)).doesNotThrowAnyException();
        }

        @Test
        void anyOtherFailureStillFailsTheCommand() {
            doThrow(new IllegalStateException("the database went away")).when(deadlines).cancelAllWithinScope(NAME);
            assertThatThrownBy(() -> PendingDeadlines.cancelAll(deadlines, NAME)).hasMessage("the database went away");
        }
    }

    /**
     * A manager that defers to prepare-commit, like Axon's DbSchedulerDeadlineManager: the refusal surfaced there and
     * rolled back a corrective action's implementation (a 500 in the late-entered audit round's end-to-end test).
     */
    @Nested
    class DeferringManager {

        private final ScopeDescriptor aggregate = () -> "Nonconformity nc-1";

        @Test
        void cancelsAtPrepareCommitWithinTheScopeOfTheCommand() {
            DeferringDeadlines deadlines = new DeferringDeadlines(null);
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            inScope(() -> PendingDeadlines.cancelAll(deadlines, NAME));
            assertThat(deadlines.cancelled).as("nothing cancelled before the command commits").isEmpty();

            unitOfWork.commit();

            assertThat(deadlines.cancelled).containsExactly(NAME + " in " + aggregate.scopeDescription());
        }

        @Test
        void aDeadlineFiringNowDoesNotRollTheCommandBack() {
            DeferringDeadlines deadlines = new DeferringDeadlines(
                    new TaskInstanceCurrentlyExecutingException("AxonDeadline", "id-1"));
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            List<String> committed = new ArrayList<>();
            unitOfWork.onCommit(done -> committed.add("events stored"));
            inScope(() -> PendingDeadlines.cancelAll(deadlines, NAME));

            assertThatCode(unitOfWork::commit).doesNotThrowAnyException();
            assertThat(committed).containsExactly("events stored");
        }

        @Test
        void anyOtherFailureStillRollsTheCommandBack() {
            DeferringDeadlines deadlines = new DeferringDeadlines(new IllegalStateException("the database went away"));
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            List<String> committed = new ArrayList<>();
            unitOfWork.onCommit(done -> committed.add("events stored"));
            inScope(() -> PendingDeadlines.cancelAll(deadlines, NAME));

            assertThatThrownBy(unitOfWork::commit).hasMessage("the database went away");
            assertThat(committed).isEmpty();
        }

        private void inScope(Runnable work) {
            new Scope() {
                @Override
                public ScopeDescriptor describeScope() {
                    return aggregate;
                }

                void run() {
                    startScope();
                    try {
                        work.run();
                    } finally {
                        endScope();
                    }
                }
            }.run();
        }
    }

    /** Defers cancellations as Axon's managers do, and refuses with the given failure when one runs. */
    private static final class DeferringDeadlines extends AbstractDeadlineManager {

        private final RuntimeException refusal;
        final List<String> cancelled = new ArrayList<>();

        DeferringDeadlines(RuntimeException refusal) {
            this.refusal = refusal;
        }

        @Override
        public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
            runOnPrepareCommitOrNow(() -> {
                if (refusal != null) {
                    throw refusal;
                }
                cancelled.add(deadlineName + " in " + scope.scopeDescription());
            });
        }

        @Override
        public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload, ScopeDescriptor scope) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancelSchedule(String deadlineName, String scheduleId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancelAll(String deadlineName) {
            throw new UnsupportedOperationException();
        }
    }
}
