package vn.qualityledger.api.objective;

import org.axonframework.serialization.Revision;
import vn.qualityledger.api.common.Decision;

/** An objective and its plan were published under a decision. */
@Revision("1")
public record ObjectivePublishedEvent(ObjectiveId objectiveId, Decision decision) {
}
