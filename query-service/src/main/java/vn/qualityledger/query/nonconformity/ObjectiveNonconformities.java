package vn.qualityledger.query.nonconformity;

import java.time.LocalDate;
import java.util.List;
import vn.qualityledger.api.audit.FindingKind;
import vn.qualityledger.query.tracking.NonconformityStatus;

/**
 * What audits found about an objective, and its nonconformities, as of a date.
 *
 * @param findings         findings recorded by the date that name the objective as related
 * @param nonconformities  raised by the date for the objective (not achieved, or naming it) or for one of those findings
 */
public record ObjectiveNonconformities(String objectiveId, LocalDate asOf, List<RelatedFinding> findings,
                                       List<NonconformityRow> nonconformities) {

    /** A finding with the nonconformity it raised (null for observations and opportunities, or before it is raised). */
    public record RelatedFinding(String auditId, String findingId, String unit, String clause, FindingKind kind,
                                 String description, String relatedMeasureId, LocalDate recordedOn, String nonconformityId,
                                 NonconformityStatus nonconformityStatus) {
    }
}
