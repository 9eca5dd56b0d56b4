package vn.qualityledger.command.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import org.axonframework.deadline.DeadlineManager;
import org.junit.jupiter.api.Test;

/** Work done while its deadline fires is still done: only that one refusal of db-scheduler's is let pass. */
class PendingDeadlinesTest {

    private final DeadlineManager deadlines = mock(DeadlineManager.class);

    @Test
    void cancelsTheScopesDeadlinesOfTheName() {
        PendingDeadlines.cancelAll(deadlines, "corrective-action-overdue");
        verify(deadlines).cancelAllWithinScope("corrective-action-overdue");
    }

    @Test
    void leavesADeadlineThatIsFiringNowToFindItsWorkDone() {
        doThrow(new IllegalStateException("wrapped", new TaskInstanceCurrentlyExecutingException("AxonDeadline", "id-1")))
                .when(deadlines).cancelAllWithinScope("corrective-action-overdue");
        assertThatCode(() -> PendingDeadlines.cancelAll(deadlines, "corrective-action-overdue")).doesNotThrowAnyException();
    }

    @Test
    void anyOtherFailureStillFailsTheCommand() {
        doThrow(new IllegalStateException("the database went away")).when(deadlines).cancelAllWithinScope("corrective-action-overdue");
        assertThatThrownBy(() -> PendingDeadlines.cancelAll(deadlines, "corrective-action-overdue"))
                .hasMessage("the database went away");
    }
}
