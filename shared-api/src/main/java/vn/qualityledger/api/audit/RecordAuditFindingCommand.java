package vn.qualityledger.api.audit;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.ObjectiveId;

/**
 * Records a finding of the audit against a unit.
 *
 * @param clause             the ISO 9001:2015 clause, one of {@link Iso9001Clauses}
 * @param evidenceSeen       the objective evidence the auditor saw
 * @param relatedObjectiveId the quality objective the finding concerns, optional
 * @param relatedMeasureId   the measure of that objective, optional (only with an objective)
 */
public record RecordAuditFindingCommand(@TargetAggregateIdentifier AuditId auditId, FindingId findingId, String unit,
                                        String clause, FindingKind kind, String description, String evidenceSeen,
                                        ObjectiveId relatedObjectiveId, MeasureId relatedMeasureId, LocalDate recordedOn) {
}
