package vn.qualityledger.query.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import vn.qualityledger.api.report.ResultsReportIssuedEvent;
import vn.qualityledger.api.report.ResultsReportKind;
import vn.qualityledger.query.document.LedgerCheckpoints;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.qualityledger.query.web.NotFoundException;

/**
 * The results reports that were issued: the list of an organisation's (read model {@code issued_report}) and,
 * for one, its record in the event store — the parameters its files are generated again from.
 */
@Component
class IssuedReports {

    /** One issued report as its list shows it. */
    record IssuedReport(String reportId, String organisationId, int year, ResultsReportKind kind, Instant cutOff, String number,
                        String signerAuthority, String signerTitle, String signerName, String docxSha256, String xlsxSha256,
                        String generator, LocalDate issuedOn, String issuedBy, String issuedByName) {
    }

    private final EventStore eventStore;
    private final ResultsReports reports;
    private final NamedParameterJdbcTemplate jdbc;
    private final LedgerCheckpoints checkpoints;

    IssuedReports(EventStore eventStore, ResultsReports reports, NamedParameterJdbcTemplate jdbc, LedgerCheckpoints checkpoints) {
        this.eventStore = eventStore;
        this.reports = reports;
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
    }

    /** The organisation's reports on a year, the latest issued first. */
    List<IssuedReport> of(String organisationId, int year) {
        return jdbc.query("""
                SELECT * FROM issued_report WHERE organisation_id = :organisation AND year = :year
                ORDER BY issued_on DESC, report_id
                """, Map.of("organisation", organisationId, "year", year), (rs, row) -> new IssuedReport(
                rs.getString("report_id"), rs.getString("organisation_id"), rs.getInt("year"),
                ResultsReportKind.valueOf(rs.getString("kind")), Instant.parse(rs.getString("cut_off")), rs.getString("number"),
                rs.getString("signer_authority"), rs.getString("signer_title"), rs.getString("signer_name"),
                rs.getString("docx_sha256").trim(), rs.getString("xlsx_sha256").trim(), rs.getString("generator"),
                rs.getObject("issued_on", LocalDate.class), rs.getString("issued_by"), rs.getString("issued_by_name")));
    }

    /** The report's record, from the event store (its stream's first event); 404 when there is no such report. */
    ResultsReportIssuedEvent issued(String reportId) {
        if (eventStore.lastSequenceNumberFor(reportId).isPresent()) {
            DomainEventStream stream = eventStore.readEvents(reportId, 0);
            if (stream.hasNext() && stream.next().getPayload() instanceof ResultsReportIssuedEvent issued) {
                return issued;
            }
        }
        throw new NotFoundException("No issued report " + reportId);
    }

    /** Both files generated again from what was recorded when it was issued, with the checkpoint it printed. */
    ResultsReports.Files regenerate(ResultsReportIssuedEvent issued) {
        return reports.files(new ReportParameters(issued.organisationId(), issued.year(), issued.kind(), issued.cutOff(),
                issued.number(), issued.organisationName(), issued.parentName(), issued.place(), issued.signerAuthority(),
                issued.signerTitle(), issued.signerName(), issued.recipients(),
                checkpoints.forIssued(issued.checkpointTreeSize())));
    }
}
