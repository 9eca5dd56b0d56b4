package vn.qualityledger.query.province;

import static vn.qualityledger.query.web.ReadParameters.AS_OF;
import static vn.qualityledger.query.web.ReadParameters.orToday;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.qualityledger.query.dashboard.DashboardRepository;
import vn.qualityledger.query.dashboard.OrganisationSummary;
import vn.qualityledger.query.nonconformity.NonconformityRepository;
import vn.qualityledger.query.nonconformity.NonconformitySummary;
import vn.qualityledger.query.web.ReadAccess;

/**
 * The province's roll-up for its ISO steering committee: every organisation with objectives or nonconformities in the
 * year, each with the figures its own dashboards give. Only a reader of every organisation may ask (PROVINCE_AUDITOR);
 * a reader of one organisation — its administrator too — is refused rather than given a one-row province.
 */
@RestController
@Tag(name = "Dashboards")
class ProvinceController {

    private final DashboardRepository dashboards;
    private final NonconformityRepository nonconformities;
    private final JdbcTemplate jdbc;
    private final ReadAccess access;
    private final Clock clock;

    ProvinceController(DashboardRepository dashboards, NonconformityRepository nonconformities, JdbcTemplate jdbc, ReadAccess access,
                       Clock clock) {
        this.dashboards = dashboards;
        this.nonconformities = nonconformities;
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/province/years/{year}/summary")
    @Operation(summary = "Every organisation's figures for a year as of a date (PROVINCE_AUDITOR only): objectives and nonconformities")
    ProvinceSummary summary(@PathVariable @Min(1900) @Max(9999) int year,
                            @Parameter(description = AS_OF) @RequestParam(required = false)
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        if (access.organisationScope() != null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only a reader of every organisation (PROVINCE_AUDITOR) reads the province");
        }
        LocalDate date = orToday(asOf, clock);
        // The live read model, as GET /api/organisations reads it: an organisation is listed once its year has an objective.
        List<String> organisations = jdbc.queryForList("""
                SELECT organisation_id FROM query.objective WHERE year = ?
                UNION SELECT organisation_id FROM query.nonconformity WHERE extract(YEAR FROM raised_on) = ? AND raised_on <= ?
                ORDER BY 1
                """, String.class, year, year, date);
        return new ProvinceSummary(year, date, organisations.stream().map(organisation -> {
            NonconformitySummary raised = nonconformities.summary(organisation, year, date);
            return new ProvinceSummary.Organisation(organisation,
                    OrganisationSummary.of(organisation, year, date, dashboards.findObjectives(organisation, year, date, null, 0)),
                    new ProvinceSummary.Nonconformities(raised.total(), raised.open(), raised.overdue()));
        }).toList());
    }
}
