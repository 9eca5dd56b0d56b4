package vn.qualityledger.api.audit;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.ObjectiveId;

/**
 * A finding was recorded. A major or minor nonconformity finding raises a nonconformity
 * ({@link vn.qualityledger.api.nonconformity.NonconformityId#forFinding}).
 */
@Revision("1")
public record AuditFindingRecordedEvent(AuditId auditId, String organisationId, int year, FindingId findingId, String unit,
                                        String clause, FindingKind kind, String description, String evidenceSeen,
                                        ObjectiveId relatedObjectiveId, MeasureId relatedMeasureId, LocalDate recordedOn) {
}
