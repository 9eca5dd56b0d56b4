package vn.qualityledger.api.objective;

import org.axonframework.serialization.Revision;

/** An objective's statement or target changed. */
@Revision("1")
public record ObjectiveRevisedEvent(ObjectiveId objectiveId, String statement, Target target) {
}
