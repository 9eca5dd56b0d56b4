package vn.qualityledger.api.objective;

import org.axonframework.serialization.Revision;

/** An objective was defined. */
@Revision("1")
public record ObjectiveDefinedEvent(ObjectiveId objectiveId, String organisationId, int year, String code, String statement, Target target) {
}
