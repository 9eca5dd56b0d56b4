package vn.qualityledger.command.audit;

import vn.qualityledger.api.audit.RecordAuditFindingCommand;
import vn.qualityledger.command.common.Refusal;

/**
 * A finding (phát hiện) cites a clause of the standard, says what kind it is, what is wrong or could be better, and the
 * objective evidence the auditor saw; it may point at the objective (and its measure) it concerns.
 */
final class FindingPolicy {

    private FindingPolicy() {
    }

    static void requireValid(RecordAuditFindingCommand finding) {
        ClausePolicy.requireKnown(finding.clause(), "clause");
        if (finding.kind() == null) {
            throw Refusal.ruleBroken("KIND_REQUIRED", "kind", "A finding is a major or minor nonconformity, an observation or an opportunity for improvement");
        }
        if (AuditPlanPolicy.isBlank(finding.description())) {
            throw Refusal.ruleBroken("DESCRIPTION_REQUIRED", "description", "A finding says what was found");
        }
        if (AuditPlanPolicy.isBlank(finding.evidenceSeen())) {
            throw Refusal.ruleBroken("EVIDENCE_SEEN_REQUIRED", "evidenceSeen", "A finding rests on objective evidence the auditor saw");
        }
        if (finding.relatedMeasureId() != null && finding.relatedObjectiveId() == null) {
            throw Refusal.ruleBroken("MEASURE_WITHOUT_OBJECTIVE", "relatedMeasureId", "A related measure is named together with its objective");
        }
    }
}
