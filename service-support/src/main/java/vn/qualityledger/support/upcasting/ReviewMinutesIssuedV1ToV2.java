package vn.qualityledger.support.upcasting;

import tools.jackson.databind.node.ObjectNode;
import vn.qualityledger.api.review.ReviewMinutesIssuedEvent;

/** How revision 1 of {@link ReviewMinutesIssuedEvent} reads as revision 2: minutes issued before checkpoints were printed print none. */
public class ReviewMinutesIssuedV1ToV2 extends EventRevisionUpcast {

    public ReviewMinutesIssuedV1ToV2() {
        super(ReviewMinutesIssuedEvent.class, "1");
    }

    @Override
    protected ObjectNode upcast(ObjectNode payload) {
        payload.putNull("checkpointTreeSize");
        return payload;
    }
}
