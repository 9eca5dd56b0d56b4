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
        latest.put(handler.getTargetType().getSimpleName(),
                new Failure(Instant.now(), event.getPayloadType().getName(), String.valueOf(exception.getMessage())));
        throw exception;
    }

    /** The handlers that failed within the memory window, with their latest failure. */
    public Map<String, Failure> current() {
        Instant since = Instant.now().minus(memory);
        return latest.entrySet().stream().filter(e -> e.getValue().at().isAfter(since))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
