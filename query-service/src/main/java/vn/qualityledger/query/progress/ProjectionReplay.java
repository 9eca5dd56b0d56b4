package vn.qualityledger.query.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * A projection applied by hand to events read from the event store, into a copy of its tables in another schema: the
 * one way a rebuild, a consistency check or a past view runs the projection's own code. Events the projection has no
 * handler for are ignored, so one replay may be fed several kinds of stream.
 *
 * <p>An event the projection cannot apply (a poison event: its content is refused, or the handler has a bug) stops its
 * stream in the replay, exactly as the live processor's dead-letter queue parks that stream from that event on: the
 * replay skips the event and every later one of the stream, reports the stream in {@link #skippedStreams()}, and goes
 * on with the others. So a rebuild does not fail on one bad stream, and a check compares like with like. The handlers
 * run each event in a savepoint ({@link EventSavepoint}), which keeps the replay's transaction usable after a refusal.
 * A transient failure (the database going away) still fails the replay: it says nothing about the event.
 */
public final class ProjectionReplay {

    /** A stream the replay stopped at an event it could not apply. */
    public record SkippedStream(String streamId, String eventId, String eventType, String cause) {
    }

    private final AnnotationEventHandlerAdapter handlers;
    private final Map<String, SkippedStream> skipped = new LinkedHashMap<>();

    /** @param projection a projection instance writing into the copy's schema ({@link ProjectionTables#replayInto}) */
    public ProjectionReplay(Object projection) {
        this.handlers = new AnnotationEventHandlerAdapter(projection);
    }

    public void apply(EventMessage<?> event) {
        String stream = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        if (stream != null && skipped.containsKey(stream)) {
            return;
        }
        try {
            handlers.handle(event);
        } catch (Exception e) {
            if (stream == null || TransientFailure.isTransient(e)) {
                throw e instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Replaying event " + event.getIdentifier() + " failed", e);
            }
            skipped.put(stream, new SkippedStream(stream, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                    String.valueOf(TransientFailure.rootOf(e).getMessage())));
        }
    }

    /** The streams stopped so far, in the order they were stopped. */
    public List<SkippedStream> skippedStreams() {
        return List.copyOf(skipped.values());
    }
}
