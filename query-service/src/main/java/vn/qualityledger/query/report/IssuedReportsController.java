package vn.qualityledger.query.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.api.report.ResultsReportIssuedEvent;
import vn.qualityledger.query.document.IssuedCopy;
import vn.qualityledger.query.web.ReadAccess;

/**
 * The reports an organisation issued on a year, and each issued report's files: generated again from what was
 * recorded when it was issued, and served only when they are byte for byte the files whose SHA-256 was recorded.
 */
@RestController
@Tag(name = "Reports")
class IssuedReportsController {

    record IssuedReportList(String organisationId, int year, List<IssuedReports.IssuedReport> content) {
    }

    private final IssuedReports issuedReports;
    private final ReadAccess access;

    IssuedReportsController(IssuedReports issuedReports, ReadAccess access) {
        this.issuedReports = issuedReports;
        this.access = access;
    }

    @GetMapping("/api/organisations/{organisationId}/years/{year}/reports/issued")
    @Operation(summary = "The results reports issued on the organisation's year, the latest first")
    IssuedReportList issued(@PathVariable String organisationId, @PathVariable @Min(1900) @Max(9999) int year) {
        access.requireOrganisation(organisationId);
        return new IssuedReportList(organisationId, year, issuedReports.of(organisationId, year));
    }

    @GetMapping("/api/reports/{reportId}/results.docx")
    @Operation(summary = "The issued report's Word document, generated again and checked against the SHA-256 recorded at issue")
    ResponseEntity<?> docx(@PathVariable String reportId) {
        ResultsReportIssuedEvent issued = readable(reportId);
        return file(issued, issuedReports.regenerate(issued).docx(), issued.docxSha256(), ResultsReportController.DOCX, "docx");
    }

    @GetMapping("/api/reports/{reportId}/results.xlsx")
    @Operation(summary = "The issued report's workbook, generated again and checked against the SHA-256 recorded at issue")
    ResponseEntity<?> xlsx(@PathVariable String reportId) {
        ResultsReportIssuedEvent issued = readable(reportId);
        return file(issued, issuedReports.regenerate(issued).xlsx(), issued.xlsxSha256(), ResultsReportController.XLSX, "xlsx");
    }

    private ResultsReportIssuedEvent readable(String reportId) {
        ResultsReportIssuedEvent issued = issuedReports.issued(reportId);
        access.requireOrganisation(issued.organisationId());
        return issued;
    }

    /** The file, or 409 when generating it again no longer gives the bytes issued ({@link IssuedCopy}). */
    private static ResponseEntity<?> file(ResultsReportIssuedEvent issued, byte[] content, String recordedSha256, MediaType type,
                                          String extension) {
        String name = "bao-cao-ket-qua-mtcl-" + issued.organisationId() + "-" + issued.year() + "-"
                + issued.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + issued.reportId() + "." + extension;
        return IssuedCopy.serve(content, recordedSha256, type, name, issued.cutOff(), "Report " + issued.reportId(),
                issued.generator(), ResultsReports.GENERATOR);
    }
}
