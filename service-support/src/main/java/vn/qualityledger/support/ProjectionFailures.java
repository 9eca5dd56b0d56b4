package vn.qualityledger.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;

/**
 * Propagates every projection failure (so the processor stops and retries the event instead of skipping it) and
 * remembers the latest one per handler. A pooled processor answers such a failure by releasing the segment for a
 * while, which its {@code isError()} does not show; readiness needs this record to see a projection that is stuck.
 */
public class ProjectionFailures implements ListenerInvocationErrorHandler {

    /** A failure of a handler on an event. */
    public record Failure(Instant at, String eventType, String error) {
    }

    private final Duration memory;
    private final Map<String, Failure> latest = new ConcurrentHashMap<>();

    /** @param memory how long a failure counts as current; longer than the processor's longest retry back-off */
    public ProjectionFailures(Duration memory) {
        this.memory = memory;
    }

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
        record(handler.getTargetType().getSimpleName(), event, exception);
        throw exception;
    }

    /**
     * Records a failure that stops {@code component} on {@code event} until a retry succeeds. A processing group with
     * a dead-letter queue reports here only the failures it retries (transient ones); those it parks are not stuck.
     */
    public void record(String component, EventMessage<?> event, Throwable failure) {
        latest.put(component, new Failure(Instant.now(), event.getPayloadType().getName(), String.valueOf(failure.getMessage())));
    }

    /** The handlers that failed within the memory window, with their latest failure. */
    public Map<String, Failure> current() {
        Instant since = Instant.now().minus(memory);
        return latest.entrySet().stream().filter(e -> e.getValue().at().isAfter(since))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
