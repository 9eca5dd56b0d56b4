package vn.qualityledger.query.report;

import static vn.qualityledger.query.QueryServiceApplication.AGENCY_ZONE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.qualityledger.query.dashboard.DashboardRepository;
import vn.qualityledger.query.dashboard.MeasureFigures;
import vn.qualityledger.query.dashboard.ObjectiveDashboard;
import vn.qualityledger.query.dashboard.OrganisationSummary;
import vn.qualityledger.query.dashboard.UnitFigures;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.knownat.AsRecorded.Replay;
import vn.qualityledger.query.nonconformity.NonconformityFilter;
import vn.qualityledger.query.nonconformity.NonconformityRepository;
import vn.qualityledger.query.nonconformity.NonconformityRow;
import vn.qualityledger.query.nonconformity.NonconformitySummary;
import vn.qualityledger.query.report.ResultsReport.ObjectiveSection;

/**
 * Reads and renders the objective results report. Every figure comes from the repository the API reads it with
 * (dashboards, units, the nonconformity tracker), run against the streams replayed up to the cut-off
 * ({@link AsRecorded}) and as of the cut-off's local date: a report regenerated later reads exactly what was known then.
 */
@Service
public class ResultsReports {

    private final DashboardRepository dashboards;
    private final NonconformityRepository nonconformities;
    private final ReportRepository reports;
    private final AsRecorded asRecorded;

    public ResultsReports(DashboardRepository dashboards, NonconformityRepository nonconformities, ReportRepository reports,
                          AsRecorded asRecorded) {
        this.dashboards = dashboards;
        this.nonconformities = nonconformities;
        this.reports = reports;
        this.asRecorded = asRecorded;
    }

    /** The report as a Word document in the administrative form; the same parameters give the same bytes. */
    public byte[] docx(ResultsReport report) {
        return ResultsReportDocx.write(report);
    }

    /** The report's figures as a workbook of plain-value tables; the same parameters give the same bytes. */
    public byte[] xlsx(ResultsReport report) {
        return ResultsReportXlsx.write(report);
    }

    public ResultsReport read(ReportParameters parameters) {
        String organisationId = parameters.organisationId();
        int year = parameters.year();
        LocalDate asOf = LocalDate.ofInstant(parameters.cutOff(), AGENCY_ZONE);
        List<Replay> replays = List.of(Replay.objectives(asRecorded.objectivesOf(organisationId, year)),
                Replay.auditsAndNonconformities(asRecorded.auditsAndNonconformitiesOf(organisationId)));
        return asRecorded.replaying(parameters.cutOff(), replays, () -> {
            List<ObjectiveDashboard> objectives = dashboards.findObjectives(organisationId, year, asOf, null, 0);
            Map<String, List<MeasureFigures>> measures = new LinkedHashMap<>();
            for (MeasureFigures measure : dashboards.findMeasures(organisationId, year, asOf)) {
                measures.computeIfAbsent(measure.objectiveId(), id -> new ArrayList<>()).add(measure);
            }
            Map<String, List<AcceptedEvidence>> evidence = new LinkedHashMap<>();
            for (AcceptedEvidence accepted : reports.acceptedEvidence(organisationId, year, asOf)) {
                evidence.computeIfAbsent(accepted.objectiveId(), id -> new ArrayList<>()).add(accepted);
            }
            List<ObjectiveSection> sections = objectives.stream().map(objective -> new ObjectiveSection(objective,
                    measures.getOrDefault(objective.objectiveId(), List.of()).stream()
                            .sorted(Comparator.comparing(MeasureFigures::code, PlanOrder.CODES)).toList(),
                    evidence.getOrDefault(objective.objectiveId(), List.of()))).toList();
            List<UnitFigures> units = dashboards.findUnits(organisationId, year, asOf, null);
            NonconformitySummary summary = nonconformities.summary(organisationId, year, asOf);
            List<NonconformityRow> raised = nonconformities.list(organisationId,
                    new NonconformityFilter(year, null, null, null, null, null, null), asOf, Integer.MAX_VALUE, 0);
            return new ResultsReport(parameters, asOf, sections, OrganisationSummary.of(organisationId, year, asOf, objectives),
                    units, summary, raised);
        });
    }
}
