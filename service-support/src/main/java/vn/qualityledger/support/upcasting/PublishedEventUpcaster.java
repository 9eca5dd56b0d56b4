package vn.qualityledger.support.upcasting;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one upcaster Axon is given (every {@code EventUpcaster} bean joins the chain Axon's event store applies when it
 * reads): it takes a stored event from its revision to the current one through every {@link EventRevisionUpcast} on the
 * way (1 → 2 → 3), whatever order the steps were declared in. Payloads are Jackson 3 {@link ObjectNode}s, the
 * intermediate form of Axon's {@code Jackson3Serializer}.
 */
public class PublishedEventUpcaster extends SingleEventUpcaster {

    private final Map<String, EventRevisionUpcast> steps = new HashMap<>();

    public PublishedEventUpcaster(Collection<? extends EventRevisionUpcast> steps) {
        for (EventRevisionUpcast step : steps) {
            EventRevisionUpcast clash = this.steps.put(key(step.eventType().getName(), step.fromRevision()), step);
            if (clash != null) {
                throw new IllegalStateException("two upcasters from the same revision: " + clash + " and " + step);
            }
        }
    }

    /** The steps, for the check that every published revision has one. */
    public List<EventRevisionUpcast> steps() {
        return List.copyOf(steps.values());
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return steps.containsKey(key(event.getType()));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        IntermediateEventRepresentation upcast = event;
        for (EventRevisionUpcast step = steps.get(key(event.getType())); step != null; step = steps.get(key(upcast.getType()))) {
            upcast = upcast.upcastPayload(new SimpleSerializedType(upcast.getType().getName(), step.toRevision()),
                    ObjectNode.class, step::upcast);
        }
        return upcast;
    }

    private static String key(SerializedType type) {
        return key(type.getName(), type.getRevision());
    }

    private static String key(String payloadType, String revision) {
        return payloadType + "#" + revision;
    }
}
