package vn.qualityledger.query.board;

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
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.directory.DirectoryNames;
import vn.qualityledger.query.export.ExportColumn;
import vn.qualityledger.query.export.ExportFormat;
import vn.qualityledger.query.export.ExportTable;
import vn.qualityledger.query.export.Exports;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.web.InvalidParameterException;
import vn.qualityledger.query.web.ListScope;
import vn.qualityledger.query.web.PageResponse;
import vn.qualityledger.query.web.ReadAccess;

/** The work board: occurrences with their status as of a date, filtered and paged, or all of them as XLSX or CSV. */
@RestController
@Tag(name = "Work board")
public class BoardController {

    private final BoardRepository board;
    private final AsRecorded asRecorded;
    private final ReadAccess access;
    private final Clock clock;
    private final DirectoryNames names;

    public BoardController(BoardRepository board, AsRecorded asRecorded, ReadAccess access, Clock clock, DirectoryNames names) {
        this.names = names;
        this.board = board;
        this.asRecorded = asRecorded;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/occurrences")
    @Operation(summary = "Occurrences ordered by due date, objective code, measure code and occurrence id")
    public PageResponse<BoardRow> occurrences(
            @RequestParam(required = false) String organisationId,
            @RequestParam(required = false) @Min(1900) @Max(9999) Integer year,
            @RequestParam(required = false) String objectiveId,
            @Parameter(description = "The unit assigned as of asOf") @RequestParam(required = false) String unit,
            @Parameter(description = "The status as of asOf") @RequestParam(required = false) OccurrenceStatus status,
            @Parameter(description = "Earliest due date, inclusive") @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate dueFrom,
            @Parameter(description = "Latest due date, inclusive") @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate dueTo,
            @Parameter(description = "Local date (Asia/Ho_Chi_Minh) the statuses are for; default today")
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
            @Parameter(description = "Instant: show only what had been recorded by then (needs objectiveId or organisationId)")
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        BoardFilter filter = filter(organisationId, year, objectiveId, unit, status, dueFrom, dueTo, asOf, knownAt);
        return asRecorded.orNow(knownAt, () -> streams(filter),
                () -> PageResponse.of(board.find(filter, size, (long) page * size), page, size, board.count(filter)));
    }

    @GetMapping("/api/occurrences.{format:" + ExportFormat.EXTENSIONS + "}")
    @Operation(summary = "The same occurrences, every one the filters match (at most " + Exports.MAX_ROWS + "), as XLSX or CSV")
    public ResponseEntity<byte[]> export(
            @PathVariable String format,
            @RequestParam(required = false) String organisationId,
            @RequestParam(required = false) @Min(1900) @Max(9999) Integer year,
            @RequestParam(required = false) String objectiveId,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) OccurrenceStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate dueFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate dueTo,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Instant knownAt) {
        BoardFilter filter = filter(organisationId, year, objectiveId, unit, status, dueFrom, dueTo, asOf, knownAt);
        List<BoardRow> rows = asRecorded.orNow(knownAt, () -> streams(filter), () -> {
            Exports.requireAtMostMaxRows(board.count(filter));
            return board.find(filter, Exports.MAX_ROWS, 0);
        });
        String scope = filter.organisationId() == null ? "" : " " + filter.organisationId();
        return Exports.file(ExportFormat.of(format), "Bảng công việc" + scope + " đến ngày " + filter.asOf(),
                table(rows, names.unitNamesByObjective(rows.stream().map(BoardRow::objectiveId).distinct().toList())));
    }

    /**
     * The board's columns, in Vietnamese; the same values as the JSON rows, and beside the unit its name as the
     * directory of the objective's organisation records it ({@code unitNames}: objective id to unit code to name).
     */
    static ExportTable<BoardRow> table(List<BoardRow> rows, Map<String, Map<String, String>> unitNames) {
        return ExportTable.of("Bảng công việc", rows,
                ExportColumn.text("Mã mục tiêu", BoardRow::objectiveCode),
                ExportColumn.text("Mã biện pháp", BoardRow::measureCode),
                ExportColumn.text("Biện pháp", BoardRow::measureTitle),
                ExportColumn.text("Mã công việc", BoardRow::occurrenceId),
                ExportColumn.date("Hạn hoàn thành", BoardRow::dueDate),
                ExportColumn.text("Đơn vị thực hiện", BoardRow::unit),
                ExportColumn.text("Tên đơn vị thực hiện", r -> r.unit() == null ? null : unitNames.getOrDefault(r.objectiveId(), Map.of()).get(r.unit())),
                ExportColumn.text("Người thực hiện", BoardRow::person),
                ExportColumn.code("Tình trạng", BoardRow::status),
                ExportColumn.date("Ngày hoàn thành", BoardRow::completedOn),
                ExportColumn.integer("Minh chứng chờ xem xét", BoardRow::evidenceAwaitingReview),
                ExportColumn.text("Mã định danh mục tiêu", BoardRow::objectiveId),
                ExportColumn.text("Mã định danh biện pháp", BoardRow::measureId));
    }

    /** The JSON read's and the export's filter, after the reader's access to what it names is checked. */
    private BoardFilter filter(String organisationId, Integer year, String objectiveId, String unit, OccurrenceStatus status,
                               LocalDate dueFrom, LocalDate dueTo, LocalDate asOf, Instant knownAt) {
        String organisation = ListScope.organisation(access, objectiveId, organisationId);
        BoardFilter filter = new BoardFilter(organisation, year, objectiveId, unit, status, dueFrom, dueTo, orToday(asOf, clock));
        if (knownAt != null && objectiveId == null && filter.organisationId() == null) {
            throw new InvalidParameterException("knownAt", "needs objectiveId or organisationId, to say which streams to replay");
        }
        return filter;
    }

    private List<String> streams(BoardFilter filter) {
        return filter.objectiveId() != null ? List.of(filter.objectiveId()) : asRecorded.objectivesOf(filter.organisationId(), filter.year());
    }
}
