package vn.qualityledger.api.nonconformity;

import vn.qualityledger.api.audit.AuditId;
import vn.qualityledger.api.audit.FindingId;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.ObjectiveId;

/**
 * Where a nonconformity came from, so that it links back: the audit and finding, the objective (and measure) it
 * concerns, or the complaint it answers. Fields that do not apply are null.
 *
 * @param complaintReference the complaint's reference (number, channel), for {@link NonconformitySource#COMPLAINT}
 */
public record NonconformityOrigin(NonconformitySource source, AuditId auditId, FindingId findingId, ObjectiveId objectiveId,
                                  MeasureId measureId, String complaintReference) {
}
