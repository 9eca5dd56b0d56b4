package vn.qualityledger.query.evidence;

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
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.web.InvalidParameterException;
import vn.qualityledger.query.web.ListScope;
import vn.qualityledger.query.web.PageResponse;
import vn.qualityledger.query.web.ReadAccess;

/**
 * The evidence register (Minh chứng): every piece of evidence filed, with its status as of a date. With
 * {@code status=SUBMITTED} it is the review queue; with {@code monitor} a monitor's own queue.
 */
@RestController
@Tag(name = "Evidence")
public class EvidenceController {

    private final EvidenceRepository register;
    private final AsRecorded asRecorded;
    private final ReadAccess access;
    private final Clock clock;

    public EvidenceController(EvidenceRepository register, AsRecorded asRecorded, ReadAccess access, Clock clock) {
        this.register = register;
        this.asRecorded = asRecorded;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/evidence")
    @Operation(summary = "Evidence filed by the date, oldest first, with its status as of the date")
    public PageResponse<EvidenceRow> evidence(
            @RequestParam(required = false) String organisationId,
            @RequestParam(required = false) @Min(1900) @Max(9999) Integer year,
            @RequestParam(required = false) String objectiveId,
            @RequestParam(required = false) String occurrenceId,
            @Parameter(description = "A monitor the measure names (a unit or role code, e.g. QMR)") @RequestParam(required = false) String monitor,
            @Parameter(description = "The status as of asOf; SUBMITTED = awaiting review") @RequestParam(required = false) EvidenceStatus status,
            @Parameter(description = "Local date (Asia/Ho_Chi_Minh) the statuses are for; default today")
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
            @Parameter(description = "Instant: show only what had been recorded by then (needs objectiveId or organisationId)")
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        organisationId = ListScope.organisation(access, objectiveId, organisationId);
        if (occurrenceId != null && objectiveId == null) {
            throw new InvalidParameterException("occurrenceId", "needs objectiveId: occurrence ids are unique within an objective");
        }
        EvidenceFilter filter = new EvidenceFilter(organisationId, year, objectiveId, occurrenceId, monitor, status, orToday(asOf, clock));
        if (knownAt != null && objectiveId == null && filter.organisationId() == null) {
            throw new InvalidParameterException("knownAt", "needs objectiveId or organisationId, to say which streams to replay");
        }
        return asRecorded.orNow(knownAt,
                () -> objectiveId != null ? List.of(objectiveId) : asRecorded.objectivesOf(filter.organisationId(), year),
                () -> PageResponse.of(register.find(filter, size, (long) page * size), page, size, register.count(filter)));
    }
}
