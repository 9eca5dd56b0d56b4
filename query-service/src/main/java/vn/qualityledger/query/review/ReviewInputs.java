package vn.qualityledger.query.review;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.qualityledger.query.auditprogramme.AuditProgramme.AuditStatus;
import vn.qualityledger.query.dashboard.ObjectiveDashboard;
import vn.qualityledger.query.dashboard.OrganisationSummary;
import vn.qualityledger.query.dashboard.UnitFigures;
import vn.qualityledger.query.nonconformity.NonconformityRow;

/**
 * The inputs of a management review (ISO 9001:2015 9.3.2 a–f) as known at its cut-off: every figure read by the
 * repository the API reads it with, over the streams replayed up to {@code knownAt} and as of {@code asOf}, so the
 * same review gives the same inputs whenever they are read, whatever was corrected afterwards.
 *
 * @param knownAt            the review's cut-off once held; for a review not held (yet), the instant of the read
 * @param asOf               knownAt's local date in Asia/Ho_Chi_Minh: the date every status is computed for
 * @param provisional        the review is not held: the inputs are as known now and will change
 * @param year               the year of the period's last day: the year whose objectives are reviewed
 * @param previousDecisions  9.3.2 a: the decisions of the organisation's other reviews, with their status on asOf
 * @param objectives         9.3.2 c 2: each objective of the year, as its dashboard gives it
 * @param objectiveSummary   the year's objectives together, as the organisation's summary gives them
 * @param nonconformities    9.3.2 c 4: the nonconformities and corrective actions of the period and those still open
 * @param monitoring         9.3.2 c 3 and 5: the work of each unit and the audit programme's coverage
 * @param audits             9.3.2 c 6: the internal audits closed in the period, with their findings by kind
 * @param notes              9.3.2 b, c 1, c 7, d, e, f: the secretary's notes (the latest set, recorded before the meeting)
 */
public record ReviewInputs(String reviewId, String organisationId, LocalDate periodFrom, LocalDate periodTo, int year,
                           Instant knownAt, LocalDate asOf, boolean provisional, PreviousDecisions previousDecisions,
                           List<ObjectiveDashboard> objectives, OrganisationSummary objectiveSummary,
                           Nonconformities nonconformities, Monitoring monitoring, List<AuditStatus> audits,
                           ManagementReviewRepository.Notes notes) {

    /** The decisions of earlier reviews, status OPEN, OVERDUE or DONE on asOf, by due date. */
    public record PreviousDecisions(long total, long open, long overdue, long done, List<ManagementReviewRepository.Decision> decisions) {
    }

    // Named for the API document: springdoc names schemas by simple name, and another record is called the same.
    /**
     * @param raisedInPeriod those raised within the period
     * @param closedInPeriod those whose closing (as of asOf) lies within the period
     * @param open           every open one on asOf, whenever raised (the tracker's summary)
     * @param overdue        of those, with an overdue corrective action
     * @param overdueActions corrective actions overdue on asOf
     * @param rows           those raised in the period or open on asOf, in order of raising
     */
    @Schema(name = "ReviewNonconformities")
    public record Nonconformities(long raisedInPeriod, long closedInPeriod, long open, long overdue, long overdueActions,
                                  List<NonconformityRow> rows) {
    }

    /**
     * @param units        the work of each unit in the year, as the units read gives it
     * @param auditUnits   the units the year's audit programme knows
     * @param auditedUnits of those, audited in the year by asOf
     * @param auditedRate  auditedUnits / auditUnits in percent, null when none is known
     */
    public record Monitoring(List<UnitFigures> units, int auditUnits, int auditedUnits, BigDecimal auditedRate) {
    }
}
