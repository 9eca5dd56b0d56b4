package vn.qualityledger.query.report;

import java.time.LocalDate;
import java.util.List;
import vn.qualityledger.query.dashboard.MeasureFigures;
import vn.qualityledger.query.dashboard.ObjectiveDashboard;
import vn.qualityledger.query.dashboard.OrganisationSummary;
import vn.qualityledger.query.dashboard.UnitFigures;
import vn.qualityledger.query.nonconformity.NonconformityRow;
import vn.qualityledger.query.nonconformity.NonconformitySummary;

/**
 * The figures of one results report, each read by the same repository as the API's read of it, as known at the
 * cut-off and as of its local date.
 *
 * @param asOf            the cut-off's local date (Asia/Ho_Chi_Minh)
 * @param nonconformities those raised in the year by the date, in order of raising
 */
public record ResultsReport(ReportParameters parameters, LocalDate asOf, List<ObjectiveSection> objectives,
                            OrganisationSummary summary, List<UnitFigures> units, NonconformitySummary nonconformitySummary,
                            List<NonconformityRow> nonconformities) {

    /** One objective with its measures (in plan order, sub-measures after their measure) and the evidence accepted. */
    public record ObjectiveSection(ObjectiveDashboard figures, List<MeasureFigures> measures, List<AcceptedEvidence> evidence) {
    }
}
