package vn.qualityledger.query.auditprogramme;

import static vn.qualityledger.query.web.ReadParameters.AS_OF;
import static vn.qualityledger.query.web.ReadParameters.KNOWN_AT;
import static vn.qualityledger.query.web.ReadParameters.orToday;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.knownat.AsRecorded.Replay;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.web.ReadAccess;

/** Which units were audited in a year and which are still due; findings by unit and clause; open findings per audit. */
@RestController
@Tag(name = "Audit programme")
public class AuditProgrammeController {

    private final AuditProgrammeRepository programmes;
    private final AsRecorded asRecorded;
    private final ReadAccess access;
    private final Clock clock;

    public AuditProgrammeController(AuditProgrammeRepository programmes, AsRecorded asRecorded, ReadAccess access, Clock clock) {
        this.programmes = programmes;
        this.asRecorded = asRecorded;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/organisations/{organisationId}/audit-programme")
    @Operation(summary = "The year's internal audit programme as of a date: units audited and still due, findings, open findings per audit")
    public AuditProgramme programme(@PathVariable String organisationId,
                                    @RequestParam @Min(2000) @Max(2100) int year,
                                    @Parameter(description = AS_OF)
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                    @Parameter(description = KNOWN_AT)
                                    @RequestParam(required = false) Instant knownAt) {
        access.requireOrganisation(organisationId);
        LocalDate date = orToday(asOf, clock);
        // The known units come from the plan too, so the year's objectives are replayed along with the audits.
        return asRecorded.orNowReplaying(knownAt, () -> List.of(
                        Replay.objectives(asRecorded.objectivesOf(organisationId, year)),
                        Replay.auditsAndNonconformities(asRecorded.auditsAndNonconformitiesOf(organisationId))),
                () -> programmes.programme(organisationId, year, date));
    }
}
