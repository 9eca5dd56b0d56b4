package vn.qualityledger.command.reportweb;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.api.common.Ids;
import vn.qualityledger.api.report.IssueResultsReportCommand;
import vn.qualityledger.api.report.ResultsReportId;
import vn.qualityledger.api.report.ResultsReportKind;
import vn.qualityledger.command.web.CommandAccepted;
import vn.qualityledger.command.reads.ReadLocations;

/**
 * Issues an objective results report: the body is what query-service's {@code GET
 * /api/organisations/{org}/years/{year}/reports/results} answers for the report (its parameters, the SHA-256 of both
 * files and the generator), with an optional {@code reportId}. 201 with the report's id once the event is stored;
 * query-service's {@code POST /api/reports/{id}/verification} then tells whether a file is that report.
 */
@RestController
class ReportController {

    /** The request; every text as query-service resolved it, since the files are regenerated from exactly these. */
    record IssueResultsReport(@Pattern(regexp = Ids.PATTERN) String reportId,
                              @NotBlank @Size(max = 128) String organisationId,
                              @Min(1900) @Max(9999) int year,
                              @NotNull ResultsReportKind kind,
                              @NotNull Instant cutOff,
                              @NotBlank @Size(max = 100) String number,
                              @NotBlank @Size(max = 300) String organisationName,
                              @NotNull @Size(max = 300) String parentName,
                              @NotBlank @Size(max = 100) String place,
                              @NotNull @Size(max = 200) String signerAuthority,
                              @NotBlank @Size(max = 200) String signerTitle,
                              @NotNull @Size(max = 200) String signerName,
                              @NotNull @Size(max = 30) List<@NotBlank @Size(max = 300) String> recipients,
                              @NotNull @Pattern(regexp = "[0-9a-f]{64}") String docxSha256,
                              @NotNull @Pattern(regexp = "[0-9a-f]{64}") String xlsxSha256,
                              @NotBlank @Size(max = 200) String generator,
                              @PositiveOrZero Long checkpointTreeSize) {
    }

    private final CommandGateway commands;
    private final ReadLocations reads;
    private final Clock clock;

    ReportController(CommandGateway commands, Clock clock, ReadLocations reads) {
        this.commands = commands;
        this.reads = reads;
        this.clock = clock;
    }

    @PostMapping("/api/reports/results")
    ResponseEntity<CommandAccepted> issue(@Valid @RequestBody IssueResultsReport request) {
        ResultsReportId id = new ResultsReportId(request.reportId() != null ? request.reportId() : UUID.randomUUID().toString());
        commands.sendAndWait(new IssueResultsReportCommand(id, request.organisationId(), request.year(), request.kind(),
                request.cutOff(), request.number(), request.organisationName(), request.parentName(), request.place(),
                request.signerAuthority(), request.signerTitle(), request.signerName(), request.recipients(),
                request.docxSha256(), request.xlsxSha256(), request.generator(), request.checkpointTreeSize(),
                LocalDate.now(clock)));
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("interrupted while the report was being issued: its outcome is unknown");
        }
        return ResponseEntity.created(reads.resultsReport(id)).body(new CommandAccepted(id.value()));
    }
}
