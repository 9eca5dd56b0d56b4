package vn.qualityledger.support.upcasting;

import tools.jackson.databind.node.ObjectNode;
import vn.qualityledger.api.objective.EvidenceSubmittedEvent;

/** How revision 1 of {@link EvidenceSubmittedEvent} reads as revision 2: evidence filed before files were stored has no file. */
public class EvidenceSubmittedV1ToV2 extends EventRevisionUpcast {

    public EvidenceSubmittedV1ToV2() {
        super(EvidenceSubmittedEvent.class, "1");
    }

    @Override
    protected ObjectNode upcast(ObjectNode payload) {
        payload.putNull("file");
        return payload;
    }
}
