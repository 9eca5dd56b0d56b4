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
import vn.qualityledger.query.web.ReadAccess;

/**
 * The year's trend: the dashboard figures at every month's end up to a date, in one request. Each point is read by
 * the same repository query as the dashboard for that date (one query per month end, at most 13, inside one
 * request and, with {@code knownAt}, over one replay), so the chart and the dashboards can never disagree.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Dashboards")
public class TrendController {

    private final DashboardRepository dashboards;
    private final AsRecorded asRecorded;
    private final ReadAccess access;
    private final Clock clock;

    public TrendController(DashboardRepository dashboards, AsRecorded asRecorded, ReadAccess access, Clock clock) {
        this.dashboards = dashboards;
        this.asRecorded = asRecorded;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/organisations/{organisationId}/years/{year}/trend")
    @Operation(summary = "An organisation's year at every month's end up to asOf: occurrence counts, completion and on-time rates")
    public Trend organisation(@PathVariable String organisationId, @PathVariable @Min(1900) @Max(9999) int year,
                              @Parameter(description = AS_OF) @RequestParam(required = false)
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                              @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        access.requireOrganisation(organisationId);
        LocalDate date = orToday(asOf, clock);
        List<Trend.Point> points = asRecorded.orNow(knownAt, () -> asRecorded.objectivesOf(organisationId, year),
                () -> Trend.dates(year, date).stream().map(day -> Trend.Point.of(day,
                        OrganisationSummary.of(organisationId, year, day, dashboards.findObjectives(organisationId, year, day, null, 0))
                                .occurrences())).toList());
        return new Trend(organisationId, null, year, date, points);
    }

    @GetMapping("/objectives/{objectiveId}/trend")
    @Operation(summary = "One objective's year at every month's end up to asOf: occurrence counts, completion and on-time rates")
    public Trend objective(@PathVariable String objectiveId,
                           @Parameter(description = AS_OF) @RequestParam(required = false)
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                           @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        access.requireObjective(objectiveId);
        LocalDate date = orToday(asOf, clock);
        return asRecorded.orNow(knownAt, () -> List.of(objectiveId), () -> {
            ObjectiveDashboard objective = dashboards.findObjective(objectiveId, date)
                    .orElseThrow(() -> new NotFoundException("No objective " + objectiveId + (knownAt == null ? "" : " recorded by " + knownAt)));
            List<Trend.Point> points = Trend.dates(objective.year(), date).stream()
                    .map(day -> Trend.Point.of(day, day.equals(date) ? objective.occurrences()
                            : dashboards.findObjective(objectiveId, day).orElseThrow().occurrences()))
                    .toList();
            return new Trend(objective.organisationId(), objectiveId, objective.year(), date, points);
        });
    }
}
