package vn.qualityledger.query.progress;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection applied by hand to events read from the event store, into a copy of its tables in another schema: the
 * one way a rebuild, a consistency check or a past view runs the projection's own code. Events the projection has no
 * handler for are ignored, so one replay may be fed several kinds of stream.
 */
public final class ProjectionReplay {

    private final AnnotationEventHandlerAdapter handlers;

    /** The objective-progress projection writing into {@code schema}. */
    public ProjectionReplay(JdbcTemplate jdbc, String schema) {
        this(ObjectiveProgressProjection.writingTo(jdbc, schema));
    }

    /** Any projection (an instance writing into the copy's schema). */
    public ProjectionReplay(Object projection) {
        this.handlers = new AnnotationEventHandlerAdapter(projection);
    }

    public void apply(EventMessage<?> event) {
        try {
            handlers.handle(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Replaying event " + event.getIdentifier() + " failed", e);
        }
    }
}
