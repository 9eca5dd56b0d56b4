package vn.qualityledger.support.upcasting;

import tools.jackson.databind.node.ObjectNode;
import vn.qualityledger.api.contract.EventContract;

/**
 * One step in the life of a published event type: turns the stored JSON of one revision into the JSON of the next, so
 * that events stored before a revision was published still read as the current record. Every revision of an event type
 * after the first comes with one (a test in service-support checks that no step is missing).
 *
 * <p>Write a step as a concrete subclass in this package: {@link UpcastingConfiguration} makes every such class a bean
 * of both services, and {@link PublishedEventUpcaster} applies the steps in the order of their revisions.
 */
public abstract class EventRevisionUpcast {

    private final Class<?> eventType;
    private final int fromRevision;

    /**
     * @param eventType    the event's record, as {@link EventContract#EVENTS} lists it (its class name is the stored payload type)
     * @param fromRevision the revision this step reads; it writes the next one
     */
    protected EventRevisionUpcast(Class<?> eventType, String fromRevision) {
        if (!fromRevision.matches("[1-9][0-9]*")) {
            throw new IllegalArgumentException("revisions are 1, 2, 3…, not '" + fromRevision + "'");
        }
        this.eventType = eventType;
        this.fromRevision = Integer.parseInt(fromRevision);
    }

    public Class<?> eventType() {
        return eventType;
    }

    public String fromRevision() {
        return Integer.toString(fromRevision);
    }

    public String toRevision() {
        return Integer.toString(fromRevision + 1);
    }

    /** The payload as revision {@link #toRevision()} writes it, from the stored payload of {@link #fromRevision()} (which may be changed in place). */
    protected abstract ObjectNode upcast(ObjectNode payload);

    @Override
    public String toString() {
        return EventContract.typeName(eventType) + " " + fromRevision() + " → " + toRevision();
    }
}
