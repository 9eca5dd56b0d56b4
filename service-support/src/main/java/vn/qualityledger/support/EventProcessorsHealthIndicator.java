package vn.qualityledger.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness of the event processors: DOWN when one is stopped or in error, or when a projection failed on an event
 * recently (it is then retrying that event and its figures are not moving), so that a load balancer stops sending
 * reads to this replica.
 */
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProjectionFailures failures;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing, ProjectionFailures failures) {
        this.processing = processing;
        this.failures = failures;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean healthy = true;
        for (EventProcessor processor : processing.eventProcessors().values()) {
            boolean running = processor.isRunning();
            boolean error = processor.isError();
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("running", running);
            state.put("error", error);
            if (processor instanceof StreamingEventProcessor streaming) {
                state.put("claimedSegments", streaming.processingStatus().size());
            }
            details.put(processor.getName(), state);
            healthy &= running && !error;
        }
        Map<String, ProjectionFailures.Failure> failing = failures.current();
        if (!failing.isEmpty()) {
            details.put("failingHandlers", failing);
            healthy = false;
        }
        (healthy ? builder.up() : builder.down()).withDetails(details);
    }
}
