package vn.qualityledger.query.progress;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The objective-progress projection applied by hand to events read from the event store, into a copy of its tables in
 * another schema: the one way a rebuild, a consistency check or a past view runs the projection's own code.
 */
public final class ProjectionReplay {

    private final AnnotationEventHandlerAdapter handlers;

    public ProjectionReplay(JdbcTemplate jdbc, String schema) {
        this.handlers = new AnnotationEventHandlerAdapter(ObjectiveProgressProjection.writingTo(jdbc, schema));
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
