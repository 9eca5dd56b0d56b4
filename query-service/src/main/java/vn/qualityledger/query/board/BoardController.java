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
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.web.InvalidParameterException;
import vn.qualityledger.query.web.ListScope;
import vn.qualityledger.query.web.PageResponse;
import vn.qualityledger.query.web.ReadAccess;

/** The work board: occurrences with their status as of a date, filtered and paged. */
@RestController
@Tag(name = "Work board")
public class BoardController {

    private final BoardRepository board;
    private final AsRecorded asRecorded;
    private final ReadAccess access;
    private final Clock clock;

    public BoardController(BoardRepository board, AsRecorded asRecorded, ReadAccess access, Clock clock) {
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
        organisationId = ListScope.organisation(access, objectiveId, organisationId);
        BoardFilter filter = new BoardFilter(organisationId, year, objectiveId, unit, status, dueFrom, dueTo,
                orToday(asOf, clock));
        if (knownAt != null && objectiveId == null && filter.organisationId() == null) {
            throw new InvalidParameterException("knownAt", "needs objectiveId or organisationId, to say which streams to replay");
        }
        return asRecorded.orNow(knownAt,
                () -> objectiveId != null ? List.of(objectiveId) : asRecorded.objectivesOf(filter.organisationId(), year),
                () -> PageResponse.of(board.find(filter, size, (long) page * size), page, size, board.count(filter)));
    }
}
