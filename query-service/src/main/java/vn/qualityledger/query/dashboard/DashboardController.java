package vn.qualityledger.query.dashboard;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.web.NotFoundException;
import vn.qualityledger.query.web.PageResponse;
import vn.qualityledger.query.web.ReadAccess;

/** Objective dashboards and their roll-ups per organisation-year and per unit, as of any date (default: today). */
@RestController
@RequestMapping("/api")
@Tag(name = "Dashboards")
public class DashboardController {

    private final DashboardRepository dashboards;
    private final AsRecorded asRecorded;
    private final ReadAccess access;
    private final Clock clock;

    public DashboardController(DashboardRepository dashboards, AsRecorded asRecorded, ReadAccess access, Clock clock) {
        this.dashboards = dashboards;
        this.asRecorded = asRecorded;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/objectives/{objectiveId}/dashboard")
    @Operation(summary = "One objective: occurrence counts, completion and on-time rates, latest measurement and KPI status")
    public ObjectiveDashboard objective(@PathVariable String objectiveId,
                                        @Parameter(description = AS_OF) @RequestParam(required = false)
                                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                        @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        access.requireObjective(objectiveId);
        return asRecorded.orNow(knownAt, () -> List.of(objectiveId), () -> dashboards.findObjective(objectiveId, orToday(asOf, clock)))
                .orElseThrow(() -> new NotFoundException("No objective " + objectiveId + (knownAt == null ? "" : " recorded by " + knownAt)));
    }

    @GetMapping("/organisations/{organisationId}/years/{year}/summary")
    @Operation(summary = "All objectives of an organisation's year: counts and rates over all their occurrences, KPI statuses")
    public OrganisationSummary summary(@PathVariable String organisationId, @PathVariable @Min(1900) @Max(9999) int year,
                                       @Parameter(description = AS_OF) @RequestParam(required = false)
                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                       @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        access.requireOrganisation(organisationId);
        LocalDate date = orToday(asOf, clock);
        List<ObjectiveDashboard> objectives = asRecorded.orNow(knownAt, () -> asRecorded.objectivesOf(organisationId, year),
                () -> dashboards.findObjectives(organisationId, year, date, null, 0));
        return OrganisationSummary.of(organisationId, year, date, objectives);
    }

    @GetMapping("/organisations/{organisationId}/years/{year}/objectives")
    @Operation(summary = "The dashboards of an organisation's objectives for a year, a page at a time, ordered by code")
    public PageResponse<ObjectiveDashboard> objectives(@PathVariable String organisationId, @PathVariable @Min(1900) @Max(9999) int year,
                                                       @Parameter(description = AS_OF) @RequestParam(required = false)
                                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                                       @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt,
                                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        access.requireOrganisation(organisationId);
        return asRecorded.orNow(knownAt, () -> asRecorded.objectivesOf(organisationId, year), () -> PageResponse.of(
                dashboards.findObjectives(organisationId, year, orToday(asOf, clock), size, (long) page * size), page, size,
                dashboards.countObjectives(organisationId, year)));
    }

    @GetMapping("/organisations/{organisationId}/years/{year}/units")
    @Operation(summary = "Per unit the work is assigned to: assigned, due, on time, late, overdue, rates, evidence awaiting review")
    public UnitsReport units(@PathVariable String organisationId, @PathVariable @Min(1900) @Max(9999) int year,
                             @Parameter(description = AS_OF) @RequestParam(required = false)
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                             @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        access.requireOrganisation(organisationId);
        LocalDate date = orToday(asOf, clock);
        return new UnitsReport(organisationId, year, date, asRecorded.orNow(knownAt, () -> asRecorded.objectivesOf(organisationId, year),
                () -> dashboards.findUnits(organisationId, year, date, null)));
    }

    @GetMapping("/organisations/{organisationId}/years/{year}/units/{unit}")
    @Operation(summary = "The figures of one unit; 404 when no work of that organisation's year is assigned to it by the date")
    public UnitFigures unit(@PathVariable String organisationId, @PathVariable @Min(1900) @Max(9999) int year, @PathVariable String unit,
                            @Parameter(description = AS_OF) @RequestParam(required = false)
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                            @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        access.requireOrganisation(organisationId);
        return asRecorded.orNow(knownAt, () -> asRecorded.objectivesOf(organisationId, year),
                        () -> dashboards.findUnits(organisationId, year, orToday(asOf, clock), unit)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No work of " + organisationId + " in " + year + " is assigned to unit " + unit));
    }

}
