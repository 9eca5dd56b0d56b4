package vn.qualityledger.query.province;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.qualityledger.query.auditprogramme.AuditProgrammeRepository;
import vn.qualityledger.query.dashboard.DashboardRepository;
import vn.qualityledger.query.dashboard.KpiStatus;
import vn.qualityledger.query.dashboard.OrganisationSummary;
import vn.qualityledger.query.export.ExportColumn;
import vn.qualityledger.query.export.ExportFormat;
import vn.qualityledger.query.directory.DirectoryNames;
import vn.qualityledger.query.export.ExportTable;
import vn.qualityledger.query.export.Exports;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.knownat.AsRecorded.Replay;
import vn.qualityledger.query.nonconformity.NonconformityRepository;
import vn.qualityledger.query.nonconformity.NonconformitySummary;
import vn.qualityledger.query.review.ManagementReviewRepository;
import vn.qualityledger.query.web.ReadAccess;

/**
 * The province's roll-up for its ISO steering committee: every organisation with objectives or nonconformities in the
 * year, each with the figures its own dashboards give, in the order asked for, as recorded now or by {@code knownAt};
 * also as XLSX or CSV. The province's auditors read it, and so does an administrator (the "PROVINCE_AUDITOR,
 * ADMIN"): these are aggregate figures the province publishes to its steering committee, while the drill-down into
 * another organisation's dashboards stays refused to an administrator of one. Every other reader of one organisation
 * is refused rather than given a one-row province.
 */
@RestController
@Tag(name = "Dashboards")
class ProvinceController {

    private final DashboardRepository dashboards;
    private final NonconformityRepository nonconformities;
    private final AuditProgrammeRepository programmes;
    private final ManagementReviewRepository reviews;
    private final NamedParameterJdbcTemplate reads;
    private final JdbcTemplate jdbc;
    private final AsRecorded asRecorded;
    private final ReadAccess access;
    private final Clock clock;
    private final DirectoryNames names;

    ProvinceController(DashboardRepository dashboards, NonconformityRepository nonconformities, AuditProgrammeRepository programmes,
                       ManagementReviewRepository reviews, NamedParameterJdbcTemplate reads, JdbcTemplate jdbc, AsRecorded asRecorded,
                       ReadAccess access, Clock clock, DirectoryNames names) {
        this.names = names;
        this.dashboards = dashboards;
        this.nonconformities = nonconformities;
        this.programmes = programmes;
        this.reviews = reviews;
        this.reads = reads;
        this.jdbc = jdbc;
        this.asRecorded = asRecorded;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/province/years/{year}/summary")
    @Operation(summary = "Every organisation's figures for a year as of a date (PROVINCE_AUDITOR, ADMIN): objectives, nonconformities, audits held, the last management review")
    ProvinceSummary summary(@PathVariable @Min(1900) @Max(9999) int year,
                            @Parameter(description = AS_OF) @RequestParam(required = false)
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                            @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt,
                            @Parameter(description = ProvinceOrder.DESCRIPTION) @RequestParam(defaultValue = ProvinceOrder.DEFAULT) String sort) {
        if (!access.readsProvince()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the province's auditors and administrators (PROVINCE_AUDITOR, ADMIN) read the province");
        }
        Comparator<ProvinceSummary.Organisation> order = ProvinceOrder.parse(sort);
        LocalDate date = orToday(asOf, clock);
        List<ProvinceSummary.Organisation> figures = asRecorded.orNowReplaying(knownAt, () -> replays(year), () -> organisations(year, date));
        // Names from the live directory, outside any replay: the names known now (README, "Organisation directory").
        Map<String, String> named = names.organisationNames(figures.stream().map(ProvinceSummary.Organisation::organisationId).toList());
        List<ProvinceSummary.Organisation> organisations = new ArrayList<>(figures.stream()
                .map(o -> o.named(named.get(o.organisationId()))).toList());
        organisations.sort(order);
        return new ProvinceSummary(year, date, knownAt, sort, List.copyOf(organisations));
    }

    @GetMapping("/api/province/years/{year}/summary.{format:" + ExportFormat.EXTENSIONS + "}")
    @Operation(summary = "The province's roll-up, in the same order, as XLSX or CSV")
    ResponseEntity<byte[]> export(@PathVariable @Min(1900) @Max(9999) int year, @PathVariable String format,
                                  @Parameter(description = AS_OF) @RequestParam(required = false)
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                  @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt,
                                  @Parameter(description = ProvinceOrder.DESCRIPTION) @RequestParam(defaultValue = ProvinceOrder.DEFAULT) String sort) {
        ProvinceSummary summary = summary(year, asOf, knownAt, sort);
        return Exports.file(ExportFormat.of(format), "Tổng hợp toàn tỉnh năm " + year + " đến ngày " + summary.asOf(),
                table(summary.organisations()));
    }

    /** The roll-up's columns, in Vietnamese. */
    static ExportTable<ProvinceSummary.Organisation> table(List<ProvinceSummary.Organisation> rows) {
        List<ExportColumn<ProvinceSummary.Organisation>> columns = new ArrayList<>(List.of(
                ExportColumn.text("Tổ chức", ProvinceSummary.Organisation::organisationId),
                ExportColumn.text("Tên tổ chức", ProvinceSummary.Organisation::organisationName),
                ExportColumn.integer("Số mục tiêu", o -> o.summary().objectiveCount()),
                ExportColumn.integer("Tổng số công việc", o -> o.summary().occurrences().total()),
                ExportColumn.integer("Đến hạn", o -> o.summary().occurrences().due()),
                ExportColumn.integer("Đúng hạn", o -> o.summary().occurrences().onTime()),
                ExportColumn.integer("Trễ hạn", o -> o.summary().occurrences().late()),
                ExportColumn.integer("Quá hạn", o -> o.summary().occurrences().overdue()),
                ExportColumn.percent("Tỷ lệ hoàn thành (%)", o -> o.summary().completionRate()),
                ExportColumn.percent("Tỷ lệ đúng hạn (%)", o -> o.summary().onTimeRate())));
        for (KpiStatus status : KpiStatus.values()) {
            columns.add(ExportColumn.integer("Số mục tiêu: " + status.vietnamese(), o -> o.summary().kpiStatusCounts().get(status)));
        }
        columns.addAll(List.of(
                ExportColumn.integer("Sự không phù hợp trong năm", o -> o.nonconformities().total()),
                ExportColumn.integer("Sự không phù hợp còn mở", o -> o.nonconformities().open()),
                ExportColumn.integer("Sự không phù hợp quá hạn", o -> o.nonconformities().overdue()),
                ExportColumn.integer("Cuộc đánh giá nội bộ đã thực hiện", ProvinceSummary.Organisation::auditsHeld),
                ExportColumn.date("Xem xét của lãnh đạo gần nhất", o -> o.review().lastHeldOn()),
                ExportColumn.text("Xem xét của lãnh đạo (I.4)", o -> o.review().status())));
        return new ExportTable<>("Toàn tỉnh", List.copyOf(columns), rows);
    }

    /** Every organisation's figures, from whichever tables the read runs against (live, or replayed to knownAt). */
    private List<ProvinceSummary.Organisation> organisations(int year, LocalDate date) {
        // An organisation is listed once its year has an objective or a nonconformity raised in it by the date.
        List<String> organisations = reads.queryForList("""
                SELECT organisation_id FROM objective WHERE year = :year
                UNION SELECT organisation_id FROM nonconformity WHERE extract(YEAR FROM raised_on) = :year AND raised_on <= :date
                ORDER BY 1
                """, Map.of("year", year, "date", date), String.class);
        return organisations.stream().map(organisation -> {
            NonconformitySummary raised = nonconformities.summary(organisation, year, date);
            long auditsHeld = programmes.programme(organisation, year, date).audits().stream()
                    .filter(audit -> audit.unitsHeld() > 0).count();
            return new ProvinceSummary.Organisation(organisation,
                    OrganisationSummary.of(organisation, year, date, dashboards.findObjectives(organisation, year, date, null, 0)),
                    new ProvinceSummary.Nonconformities(raised.total(), raised.open(), raised.overdue()), auditsHeld,
                    reviews.due(organisation, date), null);
        }).toList();
    }

    /** Every stream the province's figures come from, as the live read model knows them, to replay up to knownAt. */
    private List<Replay> replays(int year) {
        return List.of(
                Replay.objectives(jdbc.queryForList("SELECT id FROM query.objective WHERE year = ?", String.class, year)),
                Replay.auditsAndNonconformities(jdbc.queryForList(
                        "SELECT id FROM query.audit UNION ALL SELECT id FROM query.nonconformity", String.class)),
                Replay.reviews(jdbc.queryForList("SELECT id FROM query.management_review", String.class)));
    }
}
