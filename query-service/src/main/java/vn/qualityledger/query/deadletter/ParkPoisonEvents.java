package vn.qualityledger.query.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import vn.qualityledger.query.progress.TransientFailure;
import vn.qualityledger.support.ProjectionFailures;

/**
 * What a projection does with an event it failed on.
 * <ul>
 * <li>A transient failure (database unreachable or restarting, deadlock, timeout) is not the event's fault: the policy
 * throws it on, so the processor rolls the batch back and retries it with its back-off, exactly as before the queue
 * existed, and {@link ProjectionFailures} turns readiness DOWN while it lasts. Parking it would leave a healthy
 * stream waiting for a human after every database restart.</li>
 * <li>Any other failure comes back on every retry (a NUL character PostgreSQL refuses, a constraint the event breaks,
 * a bug in the handler): the event is parked, with PostgreSQL's own message (no stack trace), and its stream's later
 * events queue behind it, while every other stream goes on. It stays parked, also when a retry fails again, until a
 * retry succeeds (an upcaster or a fixed handler).</li>
 * </ul>
 * During a retry from the admin API the same holds: a transient failure fails the retry request and leaves the letter.
 */
final class ParkPoisonEvents implements EnqueuePolicy<EventMessage<?>> {

    private final String processingGroup;
    private final ProjectionFailures failures;

    ParkPoisonEvents(String processingGroup, ProjectionFailures failures) {
        this.processingGroup = processingGroup;
        this.failures = failures;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (TransientFailure.isTransient(cause)) {
            failures.record(processingGroup, letter.message(), cause);
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
        }
        return Decisions.enqueue(ThrowableCause.truncated(TransientFailure.rootOf(cause)));
    }
}
