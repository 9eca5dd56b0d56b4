package vn.qualityledger.query.report;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.api.report.ResultsReportIssuedEvent;
import vn.qualityledger.query.web.ReadAccess;

/**
 * "Is this file the report we issued?": the issued report's event is read from the event store, both files are
 * generated again from the parameters it recorded, and the uploaded bytes are compared with them and with the SHA-256
 * the event recorded.
 */
@RestController
@Tag(name = "Reports")
public class ReportVerificationController {

    // Named for the API document: springdoc names schemas by simple name, and another record is called the same.
    /**
     * @param uploadedSha256        the SHA-256 of the bytes uploaded
     * @param issuedAs              DOCX or XLSX when the upload is byte-identical to that file generated again, else null
     * @param verified              byte-identical to a file generated again, and that file's SHA-256 is the one recorded
     *                              when the report was issued
     * @param regeneratesAsIssued   generating again gives both files with the recorded SHA-256 (false after a change of
     *                              generator, or if the record's hashes were not those of the generated files)
     */
    @Schema(name = "ReportVerification")
    public record Verification(String reportId, String organisationId, int year, String number, String uploadedSha256,
                               String issuedAs, boolean verified, String recordedDocxSha256, String recordedXlsxSha256,
                               String regeneratedDocxSha256, String regeneratedXlsxSha256, boolean regeneratesAsIssued,
                               String recordedGenerator, String generator) {
    }

    private final IssuedReports issuedReports;
    private final ReadAccess access;

    ReportVerificationController(IssuedReports issuedReports, ReadAccess access) {
        this.issuedReports = issuedReports;
        this.access = access;
    }

    @PostMapping(path = "/api/reports/{reportId}/verification")
    @Operation(summary = "Whether the uploaded file (the request body, as application/octet-stream) is byte-identical to the issued report")
    public Verification verify(@PathVariable String reportId, @RequestBody byte[] file) {
        ResultsReportIssuedEvent issued = issuedReports.issued(reportId);
        access.requireOrganisation(issued.organisationId());
        ResultsReports.Files files = issuedReports.regenerate(issued);
        String docx = ResultsReportController.sha256(files.docx());
        String xlsx = ResultsReportController.sha256(files.xlsx());
        String uploaded = ResultsReportController.sha256(file);
        String issuedAs = Arrays.equals(file, files.docx()) ? "DOCX" : Arrays.equals(file, files.xlsx()) ? "XLSX" : null;
        boolean verified = "DOCX".equals(issuedAs) ? docx.equals(issued.docxSha256())
                : "XLSX".equals(issuedAs) && xlsx.equals(issued.xlsxSha256());
        return new Verification(reportId, issued.organisationId(), issued.year(), issued.number(), uploaded, issuedAs, verified,
                issued.docxSha256(), issued.xlsxSha256(), docx, xlsx,
                docx.equals(issued.docxSha256()) && xlsx.equals(issued.xlsxSha256()), issued.generator(), ResultsReports.GENERATOR);
    }
}
