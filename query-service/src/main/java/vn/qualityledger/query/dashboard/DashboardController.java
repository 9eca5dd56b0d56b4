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
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.directory.DirectoryNames;
import vn.qualityledger.query.export.ExportColumn;
import vn.qualityledger.query.export.ExportFormat;
import vn.qualityledger.query.export.ExportTable;
import vn.qualityledger.query.export.Exports;
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
    private final DirectoryNames names;

    public DashboardController(DashboardRepository dashboards, AsRecorded asRecorded, ReadAccess access, Clock clock, DirectoryNames names) {
        this.names = names;
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

    @GetMapping("/organisations/{organisationId}/years/{year}/objectives.{format:" + ExportFormat.EXTENSIONS + "}")
    @Operation(summary = "Every objective dashboard of the year (at most " + Exports.MAX_ROWS + "), as XLSX or CSV")
    public ResponseEntity<byte[]> exportObjectives(@PathVariable String organisationId, @PathVariable @Min(1900) @Max(9999) int year,
                                                   @PathVariable String format,
                                                   @Parameter(description = AS_OF) @RequestParam(required = false)
                                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                                   @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        access.requireOrganisation(organisationId);
        LocalDate date = orToday(asOf, clock);
        List<ObjectiveDashboard> rows = asRecorded.orNow(knownAt, () -> asRecorded.objectivesOf(organisationId, year), () -> {
            Exports.requireAtMostMaxRows(dashboards.countObjectives(organisationId, year));
            return dashboards.findObjectives(organisationId, year, date, Exports.MAX_ROWS, 0);
        });
        return Exports.file(ExportFormat.of(format), "Mục tiêu chất lượng " + organisationId + " năm " + year + " đến ngày " + date,
                objectiveTable(rows));
    }

    /** The objectives' columns, in Vietnamese; the same values as the JSON dashboards. */
    static ExportTable<ObjectiveDashboard> objectiveTable(List<ObjectiveDashboard> rows) {
        return ExportTable.of("Mục tiêu", rows,
                ExportColumn.text("Mã mục tiêu", ObjectiveDashboard::code),
                ExportColumn.text("Mục tiêu", ObjectiveDashboard::statement),
                ExportColumn.text("Chỉ tiêu", o -> o.target() == null ? null : o.target().indicator()),
                ExportColumn.text("So sánh", o -> o.target() == null ? null : o.target().comparator()),
                ExportColumn.decimal("Giá trị chỉ tiêu", o -> o.target() == null ? null : o.target().value()),
                ExportColumn.text("Đơn vị tính", o -> o.target() == null ? null : o.target().unit()),
                ExportColumn.decimal("Kết quả đo gần nhất", o -> o.latestMeasurement() == null ? null : o.latestMeasurement().value()),
                ExportColumn.date("Kỳ đo từ", o -> o.latestMeasurement() == null ? null : o.latestMeasurement().period().from()),
                ExportColumn.date("Kỳ đo đến", o -> o.latestMeasurement() == null ? null : o.latestMeasurement().period().to()),
                ExportColumn.code("Tình trạng chỉ tiêu", ObjectiveDashboard::kpiStatus),
                ExportColumn.integer("Tổng số công việc", o -> o.occurrences().total()),
                ExportColumn.integer("Đến hạn", o -> o.occurrences().due()),
                ExportColumn.integer("Đúng hạn", o -> o.occurrences().onTime()),
                ExportColumn.integer("Trễ hạn", o -> o.occurrences().late()),
                ExportColumn.integer("Quá hạn", o -> o.occurrences().overdue()),
                ExportColumn.integer("Chưa đến hạn", o -> o.occurrences().upcoming()),
                ExportColumn.percent("Tỷ lệ hoàn thành (%)", ObjectiveDashboard::completionRate),
                ExportColumn.percent("Tỷ lệ đúng hạn (%)", ObjectiveDashboard::onTimeRate),
                ExportColumn.text("Quyết định ban hành", o -> o.decision() == null ? null : o.decision().number()),
                ExportColumn.date("Ngày quyết định", o -> o.decision() == null ? null : o.decision().date()),
                ExportColumn.yesNo("Đạt (đánh giá cuối năm)", o -> o.assessment() == null ? null : o.assessment().achieved()),
                ExportColumn.date("Ngày đóng năm", ObjectiveDashboard::closedOn),
                ExportColumn.text("Mã định danh mục tiêu", ObjectiveDashboard::objectiveId));
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

    @GetMapping("/organisations/{organisationId}/years/{year}/units.{format:" + ExportFormat.EXTENSIONS + "}")
    @Operation(summary = "The units' figures, as XLSX or CSV")
    public ResponseEntity<byte[]> exportUnits(@PathVariable String organisationId, @PathVariable @Min(1900) @Max(9999) int year,
                                              @PathVariable String format,
                                              @Parameter(description = AS_OF) @RequestParam(required = false)
                                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                              @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        UnitsReport report = units(organisationId, year, asOf, knownAt);
        return Exports.file(ExportFormat.of(format), "Kết quả theo đơn vị " + organisationId + " năm " + year + " đến ngày "
                + report.asOf(), unitTable(report.units(), names.unitNames(organisationId)));
    }

    /** The units' columns; beside each unit's code its name as the organisation's directory records it ({@code unitNames}). */
    static ExportTable<UnitFigures> unitTable(List<UnitFigures> rows, Map<String, String> unitNames) {
        return ExportTable.of("Đơn vị", rows,
                ExportColumn.text("Đơn vị", UnitFigures::unit),
                ExportColumn.text("Tên đơn vị", u -> unitNames.get(u.unit())),
                ExportColumn.integer("Được giao", UnitFigures::assigned),
                ExportColumn.integer("Đến hạn", UnitFigures::due),
                ExportColumn.integer("Đúng hạn", UnitFigures::onTime),
                ExportColumn.integer("Trễ hạn", UnitFigures::late),
                ExportColumn.integer("Quá hạn", UnitFigures::overdue),
                ExportColumn.percent("Tỷ lệ hoàn thành (%)", UnitFigures::completionRate),
                ExportColumn.percent("Tỷ lệ đúng hạn (%)", UnitFigures::onTimeRate),
                ExportColumn.integer("Minh chứng chờ xem xét", UnitFigures::evidenceAwaitingReview));
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
