package vn.qualityledger.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/** Only a sequence conflict is sent again, and only once; a refusal or a fault is answered at once. */
class RetryOnceAfterSequenceConflictTest {

    private final List<Runnable> dispatched = new ArrayList<>();
    private final RetryOnceAfterSequenceConflict retries = new RetryOnceAfterSequenceConflict(dispatched::add);
    private final Runnable dispatch = () -> { };

    @Test
    void sendsACommandOnceMoreAfterItsFirstSequenceConflict() {
        assertThat(retries.scheduleRetry(GenericCommandMessage.asCommandMessage("revise"),
                new ConcurrencyException("An event for aggregate [o] at sequence [2] was already inserted"), failures(1), dispatch)).isTrue();
        assertThat(dispatched).containsExactly(dispatch);
    }

    @Test
    void answersASecondConflictWithoutAnotherTry() {
        assertThat(retries.scheduleRetry(GenericCommandMessage.asCommandMessage("revise"),
                new ConcurrencyException("again"), failures(2), dispatch)).isFalse();
        assertThat(dispatched).isEmpty();
    }

    @Test
    void neverSendsARefusalOrAFaultAgain() {
        assertThat(retries.scheduleRetry(GenericCommandMessage.asCommandMessage("revise"),
                new CommandExecutionException("The objective's year is closed", null), failures(1), dispatch)).isFalse();
        assertThat(retries.scheduleRetry(GenericCommandMessage.asCommandMessage("revise"),
                new IllegalStateException("a fault"), failures(1), dispatch)).isFalse();
        assertThat(dispatched).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }
}
