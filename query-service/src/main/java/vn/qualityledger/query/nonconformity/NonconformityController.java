package vn.qualityledger.query.nonconformity;

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
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.query.directory.DirectoryNames;
import vn.qualityledger.query.export.ExportColumn;
import vn.qualityledger.query.export.ExportFormat;
import vn.qualityledger.query.export.ExportTable;
import vn.qualityledger.query.export.Exports;
import vn.qualityledger.query.knownat.AsRecorded.Replay;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.tracking.NonconformityStatus;
import vn.qualityledger.query.web.NotFoundException;
import vn.qualityledger.query.web.PageResponse;
import vn.qualityledger.query.web.ReadAccess;

/** The nonconformity tracker: figures and lists of an organisation's nonconformities, one in detail, and an objective's. */
@RestController
@RequestMapping("/api")
@Tag(name = "Nonconformities")
public class NonconformityController {

    private static final String YEAR = "Only nonconformities raised in this calendar year; default: every year";

    private final NonconformityRepository nonconformities;
    private final AsRecorded asRecorded;
    private final ReadAccess access;
    private final Clock clock;
    private final DirectoryNames names;

    public NonconformityController(NonconformityRepository nonconformities, AsRecorded asRecorded, ReadAccess access, Clock clock,
                                   DirectoryNames names) {
        this.names = names;
        this.nonconformities = nonconformities;
        this.asRecorded = asRecorded;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/organisations/{organisationId}/nonconformities/summary")
    @Operation(summary = "Counts by status, source, severity, unit and clause; overdue; days to close; first-time effectiveness; repeat clauses")
    public NonconformitySummary summary(@PathVariable String organisationId,
                                        @Parameter(description = YEAR) @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
                                        @Parameter(description = AS_OF) @RequestParam(required = false)
                                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                        @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        access.requireOrganisation(organisationId);
        LocalDate date = orToday(asOf, clock);
        return asRecorded.orNowReplaying(knownAt, () -> replays(organisationId), () -> nonconformities.summary(organisationId, year, date));
    }

    @GetMapping("/organisations/{organisationId}/nonconformities")
    @Operation(summary = "An organisation's nonconformities as of a date, filtered, in order of raising, a page at a time")
    public PageResponse<NonconformityRow> list(@PathVariable String organisationId,
                                               @Parameter(description = YEAR) @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
                                               @RequestParam(required = false) NonconformityStatus status,
                                               @RequestParam(required = false) NonconformitySource source,
                                               @RequestParam(required = false) String unit,
                                               @RequestParam(required = false) String clause,
                                               @RequestParam(required = false) Severity severity,
                                               @Parameter(description = "true: only overdue ones (an action past its due date, not implemented); false: only the others")
                                               @RequestParam(required = false) Boolean overdue,
                                               @Parameter(description = AS_OF) @RequestParam(required = false)
                                               @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                               @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt,
                                               @RequestParam(defaultValue = "0") @Min(0) int page,
                                               @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        access.requireOrganisation(organisationId);
        LocalDate date = orToday(asOf, clock);
        NonconformityFilter filter = new NonconformityFilter(year, status, source, unit, clause, severity, overdue);
        return asRecorded.orNowReplaying(knownAt, () -> replays(organisationId), () -> PageResponse.of(
                nonconformities.list(organisationId, filter, date, size, (long) page * size), page, size,
                nonconformities.count(organisationId, filter, date)));
    }

    @GetMapping("/organisations/{organisationId}/nonconformities.{format:" + ExportFormat.EXTENSIONS + "}")
    @Operation(summary = "The same nonconformities, every one the filters match (at most " + Exports.MAX_ROWS + "), as XLSX or CSV")
    public ResponseEntity<byte[]> export(@PathVariable String organisationId, @PathVariable String format,
                                         @Parameter(description = YEAR) @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
                                         @RequestParam(required = false) NonconformityStatus status,
                                         @RequestParam(required = false) NonconformitySource source,
                                         @RequestParam(required = false) String unit,
                                         @RequestParam(required = false) String clause,
                                         @RequestParam(required = false) Severity severity,
                                         @RequestParam(required = false) Boolean overdue,
                                         @Parameter(description = AS_OF) @RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                         @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        access.requireOrganisation(organisationId);
        LocalDate date = orToday(asOf, clock);
        NonconformityFilter filter = new NonconformityFilter(year, status, source, unit, clause, severity, overdue);
        List<NonconformityRow> rows = asRecorded.orNowReplaying(knownAt, () -> replays(organisationId), () -> {
            Exports.requireAtMostMaxRows(nonconformities.count(organisationId, filter, date));
            return nonconformities.list(organisationId, filter, date, Exports.MAX_ROWS, 0);
        });
        return Exports.file(ExportFormat.of(format), "Sự không phù hợp " + organisationId + (year == null ? "" : " năm " + year)
                + " đến ngày " + date, table(rows, names.unitNames(organisationId)));
    }

    /** The list's columns, in Vietnamese; the same values as the JSON rows. */
    /** Beside each unit's code its name as the organisation's directory records it ({@code unitNames}). */
    static ExportTable<NonconformityRow> table(List<NonconformityRow> rows, Map<String, String> unitNames) {
        return ExportTable.of("Sự không phù hợp", rows,
                ExportColumn.text("Mã sự không phù hợp", NonconformityRow::nonconformityId),
                ExportColumn.code("Nguồn", NonconformityRow::source),
                ExportColumn.code("Mức độ", NonconformityRow::severity),
                ExportColumn.text("Đơn vị", NonconformityRow::unit),
                ExportColumn.text("Tên đơn vị", n -> n.unit() == null ? null : unitNames.get(n.unit())),
                ExportColumn.text("Điều khoản", NonconformityRow::clause),
                ExportColumn.text("Mô tả", NonconformityRow::description),
                ExportColumn.date("Ngày phát hiện", NonconformityRow::raisedOn),
                ExportColumn.code("Tình trạng", NonconformityRow::status),
                ExportColumn.date("Ngày đóng", NonconformityRow::closedOn),
                ExportColumn.integer("Số ngày", NonconformityRow::ageDays),
                ExportColumn.yesNo("Quá hạn", NonconformityRow::overdue),
                ExportColumn.integer("Hành động quá hạn", NonconformityRow::overdueActions),
                ExportColumn.integer("Hành động đã lập", NonconformityRow::actionsPlanned),
                ExportColumn.text("Cuộc đánh giá", NonconformityRow::originAuditId),
                ExportColumn.text("Phát hiện", NonconformityRow::originFindingId),
                ExportColumn.text("Mục tiêu", NonconformityRow::originObjectiveId));
    }

    @GetMapping("/nonconformities/{nonconformityId}")
    @Operation(summary = "One nonconformity as of a date: its status, age, where it came from, its actions and their verifications")
    public NonconformityDetail detail(@PathVariable String nonconformityId,
                                      @Parameter(description = AS_OF) @RequestParam(required = false)
                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        access.requireStream(nonconformityId);
        return nonconformities.detail(nonconformityId, orToday(asOf, clock))
                .orElseThrow(() -> new NotFoundException("No nonconformity " + nonconformityId + (asOf == null ? "" : " raised by " + asOf)));
    }

    @GetMapping("/objectives/{objectiveId}/nonconformities")
    @Operation(summary = "The findings that name an objective and the nonconformities raised for it, as of a date")
    public ObjectiveNonconformities forObjective(@PathVariable String objectiveId,
                                                 @Parameter(description = AS_OF) @RequestParam(required = false)
                                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        access.requireObjective(objectiveId);
        if (!nonconformities.objectiveExists(objectiveId)) {
            throw new NotFoundException("No objective " + objectiveId);
        }
        return nonconformities.forObjective(objectiveId, orToday(asOf, clock));
    }

    private List<Replay> replays(String organisationId) {
        return List.of(Replay.auditsAndNonconformities(asRecorded.auditsAndNonconformitiesOf(organisationId)));
    }

}
