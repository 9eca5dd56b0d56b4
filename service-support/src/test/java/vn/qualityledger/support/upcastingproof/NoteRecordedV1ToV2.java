package vn.qualityledger.support.upcastingproof;

import tools.jackson.databind.node.ObjectNode;
import vn.qualityledger.support.upcasting.EventRevisionUpcast;

/** How revision 1 of {@link NoteRecordedEvent} reads as revision 2: {@code unitName} is now {@code unit}; the language was Vietnamese. */
public class NoteRecordedV1ToV2 extends EventRevisionUpcast {

    public NoteRecordedV1ToV2() {
        super(NoteRecordedEvent.class, "1");
    }

    @Override
    protected ObjectNode upcast(ObjectNode payload) {
        payload.set("unit", payload.remove("unitName"));
        payload.put("language", "vi");
        return payload;
    }
}
