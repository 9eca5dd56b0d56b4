package vn.qualityledger.query.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.api.report.ResultsReportKind;
import vn.qualityledger.query.document.DocumentHeader;
import vn.qualityledger.query.document.IssuedCopy;
import vn.qualityledger.query.document.LedgerCheckpoints;
import vn.qualityledger.query.document.Letterheads;
import vn.qualityledger.query.document.Sha256;
import vn.qualityledger.query.web.InvalidParameterException;
import vn.qualityledger.query.web.NotFoundException;
import vn.qualityledger.query.web.ReadAccess;

/**
 * The objective results report of an organisation's year (Báo cáo kết quả thực hiện MTCL 6 tháng / năm), as Word and
 * as Excel, read as known at a cut-off instant. Generating it again with the same parameters, at any later time, gives
 * byte-identical files.
 */
@RestController
@RequestMapping("/api/organisations/{organisationId}/years/{year}/reports")
@Tag(name = "Reports")
public class ResultsReportController {

    static final MediaType DOCX = IssuedCopy.DOCX;
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final String CUT_OFF = "Instant (ISO-8601): the report counts only what had been recorded by then, as of its "
            + "local date in Asia/Ho_Chi_Minh, which is also the document's date; not in the future; default now";

    private static final String CHECKPOINT = "The size of the signed ledger checkpoint printed on the document's last page; "
            + "default the newest (none before the first is signed). Issuing records it, so the issued copy prints the same one";

    private final ResultsReports reports;
    private final Letterheads letterheads;
    private final ReadAccess access;
    private final LedgerCheckpoints checkpoints;

    public ResultsReportController(ResultsReports reports, Letterheads letterheads, ReadAccess access, LedgerCheckpoints checkpoints) {
        this.reports = reports;
        this.letterheads = letterheads;
        this.access = access;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/results.docx")
    @Operation(summary = "The results report as a Word document in the administrative form of Nghị định 30/2020/NĐ-CP")
    public ResponseEntity<byte[]> docx(@PathVariable String organisationId, @PathVariable @Min(1900) @Max(9999) int year,
                                       @Parameter(description = "SIX_MONTH, ANNUAL or CUT_OFF (the title differs)")
                                       @RequestParam(defaultValue = "CUT_OFF") ResultsReportKind kind,
                                       @Parameter(description = CUT_OFF) @RequestParam(required = false) Instant cutOff,
                                       @Parameter(description = "Number and symbol printed after \"Số:\", e.g. 512/BC-SLĐTBXH; default /BC-<abbreviation>, printed with room for the clerk to write the number")
                                       @RequestParam(required = false) @Size(max = 100) String number,
                                       @RequestParam(required = false) @Size(max = 200) String signerName,
                                       @Parameter(description = "When signing for the head: KT. GIÁM ĐỐC, TL. GIÁM ĐỐC …, printed above the title")
                                       @RequestParam(required = false) @Size(max = 200) String signerAuthority,
                                       @Parameter(description = "The signer's position; default GIÁM ĐỐC")
                                       @RequestParam(required = false) @Size(max = 200) String signerTitle,
                                       @Parameter(description = "Written before the date; default the organisation's (configured), else Hải Dương")
                                       @RequestParam(required = false) @Size(max = 100) String place,
                                       @Parameter(description = "Default the organisation's configured name")
                                       @RequestParam(required = false) @Size(max = 300) String organisationName,
                                       @Parameter(description = "The parent body printed above it; default the configured one")
                                       @RequestParam(required = false) @Size(max = 300) String parentName,
                                       @Parameter(description = CHECKPOINT)
                                       @RequestParam(required = false) Long checkpointTreeSize) {
        ReportParameters parameters = parameters(organisationId, year, kind, cutOff, number, signerName, signerAuthority, signerTitle,
                place, organisationName, parentName, checkpointTreeSize);
        return file(reports.docx(read(parameters)), DOCX, parameters, "docx");
    }

    @GetMapping("/results.xlsx")
    @Operation(summary = "The results report's figures as an Excel workbook of plain-value tables (no formulas)")
    public ResponseEntity<byte[]> xlsx(@PathVariable String organisationId, @PathVariable @Min(1900) @Max(9999) int year,
                                       @RequestParam(defaultValue = "CUT_OFF") ResultsReportKind kind,
                                       @Parameter(description = CUT_OFF) @RequestParam(required = false) Instant cutOff,
                                       @RequestParam(required = false) @Size(max = 100) String number,
                                       @RequestParam(required = false) @Size(max = 200) String signerName,
                                       @RequestParam(required = false) @Size(max = 200) String signerAuthority,
                                       @RequestParam(required = false) @Size(max = 200) String signerTitle,
                                       @RequestParam(required = false) @Size(max = 100) String place,
                                       @RequestParam(required = false) @Size(max = 300) String organisationName,
                                       @RequestParam(required = false) @Size(max = 300) String parentName,
                                       @Parameter(description = CHECKPOINT)
                                       @RequestParam(required = false) Long checkpointTreeSize) {
        ReportParameters parameters = parameters(organisationId, year, kind, cutOff, number, signerName, signerAuthority, signerTitle,
                place, organisationName, parentName, checkpointTreeSize);
        return file(reports.xlsx(read(parameters)), XLSX, parameters, "xlsx");
    }

    /** What issuing this report records (command-service's {@code POST /api/reports/results} takes it as its body). */
    public record ReportIssue(String organisationId, int year, ResultsReportKind kind, Instant cutOff, String number,
                              String organisationName, String parentName, String place, String signerAuthority,
                              String signerTitle, String signerName, List<String> recipients, String docxSha256,
                              String xlsxSha256, String generator, Long checkpointTreeSize) {
    }

    @GetMapping("/results")
    @Operation(summary = "The parameters of the report as resolved (defaults filled in), the SHA-256 of both files and the generator: the body that issues it")
    public ReportIssue issue(@PathVariable String organisationId, @PathVariable @Min(1900) @Max(9999) int year,
                             @RequestParam(defaultValue = "CUT_OFF") ResultsReportKind kind,
                             @Parameter(description = CUT_OFF) @RequestParam(required = false) Instant cutOff,
                             @RequestParam(required = false) @Size(max = 100) String number,
                             @RequestParam(required = false) @Size(max = 200) String signerName,
                             @RequestParam(required = false) @Size(max = 200) String signerAuthority,
                             @RequestParam(required = false) @Size(max = 200) String signerTitle,
                             @RequestParam(required = false) @Size(max = 100) String place,
                             @RequestParam(required = false) @Size(max = 300) String organisationName,
                             @RequestParam(required = false) @Size(max = 300) String parentName,
                             @Parameter(description = CHECKPOINT)
                             @RequestParam(required = false) Long checkpointTreeSize) {
        ReportParameters p = parameters(organisationId, year, kind, cutOff, number, signerName, signerAuthority, signerTitle,
                place, organisationName, parentName, checkpointTreeSize);
        ResultsReports.Files files = reports.files(p);
        requireSomethingRecorded(files.report());
        return new ReportIssue(p.organisationId(), p.year(), p.kind(), p.cutOff(), p.number(), p.organisationName(),
                p.parentName(), p.place(), p.signerAuthority(), p.signerTitle(), p.signerName(), p.recipients(),
                sha256(files.docx()), sha256(files.xlsx()), ResultsReports.GENERATOR,
                p.checkpoint() == null ? null : p.checkpoint().treeSize());
    }

    private ReportParameters parameters(String organisationId, int year, ResultsReportKind kind, Instant cutOff, String number,
                                        String signerName, String signerAuthority, String signerTitle, String place,
                                        String organisationName, String parentName, Long checkpointTreeSize) {
        access.requireOrganisation(organisationId);
        // Events are stamped by Axon's clock: a cut-off is "now" on that clock, and never later, since a report of a
        // moment still to come would change as more is recorded.
        Instant now = GenericEventMessage.clock.instant();
        if (cutOff != null && cutOff.isAfter(now)) {
            throw new InvalidParameterException("cutOff", "must not be in the future");
        }
        DocumentHeader header = DocumentHeader.resolve(letterheads.of(organisationId), "BC", number, organisationName,
                parentName, place, signerAuthority, signerTitle, signerName);
        return new ReportParameters(organisationId, year, kind, cutOff == null ? now : cutOff, header.number(),
                header.organisationName(), header.parentName(), header.place(), header.signerAuthority(), header.signerTitle(),
                header.signerName(), header.recipients(), checkpoints.forDraft(checkpointTreeSize));
    }

    private ResultsReport read(ReportParameters parameters) {
        return requireSomethingRecorded(reports.read(parameters));
    }

    private static ResultsReport requireSomethingRecorded(ResultsReport report) {
        ReportParameters parameters = report.parameters();
        if (report.objectives().isEmpty()) {
            throw new NotFoundException("No objective of " + parameters.organisationId() + " in " + parameters.year()
                    + " was recorded by " + parameters.cutOff());
        }
        return report;
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, ReportParameters parameters, String extension) {
        String name = "bao-cao-ket-qua-mtcl-" + parameters.organisationId() + "-" + parameters.year() + "-"
                + parameters.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + extension;
        return IssuedCopy.file(content, type, name, parameters.cutOff());
    }

    static String sha256(byte[] content) {
        return Sha256.hex(content);
    }
}
