package vn.qualityledger.query.progress;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

/**
 * A projection applied by hand to events read from the event store, into a copy of its tables in another schema: the
 * one way a rebuild, a consistency check or a past view runs the projection's own code. Events the projection has no
 * handler for are ignored, so one replay may be fed several kinds of stream.
 */
public final class ProjectionReplay {

    private final AnnotationEventHandlerAdapter handlers;

    /** @param projection a projection instance writing into the copy's schema ({@link ProjectionTables#replayInto}) */
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
