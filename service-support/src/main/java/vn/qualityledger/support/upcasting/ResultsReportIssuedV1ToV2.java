package vn.qualityledger.support.upcasting;

import tools.jackson.databind.node.ObjectNode;
import vn.qualityledger.api.report.ResultsReportIssuedEvent;

/** How revision 1 of {@link ResultsReportIssuedEvent} reads as revision 2: a report issued before checkpoints were printed prints none. */
public class ResultsReportIssuedV1ToV2 extends EventRevisionUpcast {

    public ResultsReportIssuedV1ToV2() {
        super(ResultsReportIssuedEvent.class, "1");
    }

    @Override
    protected ObjectNode upcast(ObjectNode payload) {
        payload.putNull("checkpointTreeSize");
        return payload;
    }
}
