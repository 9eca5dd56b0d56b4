package vn.qualityledger.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.query.export.ExportColumn;
import vn.qualityledger.query.export.ExportFormat;
import vn.qualityledger.query.export.ExportTable;
import vn.qualityledger.query.export.Exports;
import vn.qualityledger.query.web.PageResponse;
import vn.qualityledger.query.web.ProblemDetailsAdvice;
import vn.qualityledger.query.web.ReadAccess;
import vn.qualityledger.support.integrity.EventChainVerifier;
import vn.qualityledger.support.web.Problems;

/**
 * The auditor's view of an objective, an audit or a nonconformity: its whole event stream, in order, paged, and whether
 * it is intact; the stream also as XLSX or CSV, a row per event.
 */
@RestController
class HistoryController {

    private final StreamHistory history;
    /** Absent in Axon Server mode, where the server keeps the events and the chain is not written. */
    private final EventChainVerifier verifier;
    private final ReadAccess access;
    /** The mapper Spring MVC writes every other response with, so that the streamed page reads the same. */
    private final JsonMapper json;

    HistoryController(StreamHistory history, ObjectProvider<EventChainVerifier> verifier, ReadAccess access, JsonMapper json) {
        this.history = history;
        this.verifier = verifier.getIfAvailable();
        this.access = access;
        this.json = json;
    }

    /**
     * Recomputes the objective's event chain; names the first stored event that was altered, deleted, inserted or moved.
     * Where there is no chain to check, says so (501), never "verified" over nothing.
     */
    @ApiResponse(responseCode = "200", description = "The chain recomputed: verified, or the first event that failed",
            content = @Content(schema = @Schema(implementation = EventChainVerifier.Verification.class)))
    @ApiResponse(responseCode = "501", description = "No chain to check in this event-store mode (INTEGRITY_NOT_VERIFIABLE)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping({"/api/objectives/{streamId}/integrity", "/api/audits/{streamId}/integrity", "/api/nonconformities/{streamId}/integrity"})
    ResponseEntity<?> integrity(HttpServletRequest request, @PathVariable String streamId) {
        access.requireStream(streamId);
        history.requireExists(kindOf(request), streamId);
        if (verifier == null) {
            return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).body(ProblemDetailsAdvice.problem(HttpStatus.NOT_IMPLEMENTED,
                    "INTEGRITY_NOT_VERIFIABLE", "The event chain is not verifiable in this event-store mode (Axon Server)"));
        }
        return ResponseEntity.ok(verifier.verify(streamId));
    }

    /**
     * A page of the stream as a {@link PageResponse}, written while the events are read rather than after the page is
     * built. What is refused (no access, no such stream, a bad page) is refused before the first byte, as problem
     * details; so is a failure while reading, as long as nothing has been sent yet. A failure later breaks the
     * connection mid-document, never a well-formed page that lacks events.
     */
    @GetMapping({"/api/objectives/{streamId}/history", "/api/audits/{streamId}/history", "/api/nonconformities/{streamId}/history"})
    @Operation(summary = "The stream's events in order, a page at a time, each with who did it, its cause and a summary",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PageResponse.class))))
    void history(HttpServletRequest request, HttpServletResponse response, @PathVariable String streamId,
                 @RequestParam(defaultValue = "0") @Min(0) int page,
                 @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) throws IOException {
        access.requireStream(streamId);
        StreamHistory.Page found = history.find(kindOf(request), streamId, page, size);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Not closed on a failure: closing would flush the partial page and end the document as if it were whole.
        JsonGenerator out = json.createGenerator(response.getOutputStream());
        try {
            out.writeStartObject();
            out.writeName("content");
            out.writeStartArray();
            history.writeEntries(found, out);
            out.writeEndArray();
            out.writeNumberProperty("page", page);
            out.writeNumberProperty("size", size);
            out.writeNumberProperty("totalElements", found.totalElements());
            out.writeNumberProperty("totalPages", PageResponse.pageCount(found.totalElements(), size));
            out.writeEndObject();
        } catch (RuntimeException e) {
            if (!response.isCommitted()) {
                response.resetBuffer(); // nothing sent: the problem details take the partial page's place
            }
            throw e;
        }
        out.close();
    }

    @GetMapping({"/api/objectives/{streamId}/history.{format:" + ExportFormat.EXTENSIONS + "}",
            "/api/audits/{streamId}/history.{format:" + ExportFormat.EXTENSIONS + "}",
            "/api/nonconformities/{streamId}/history.{format:" + ExportFormat.EXTENSIONS + "}"})
    ResponseEntity<byte[]> export(HttpServletRequest request, @PathVariable String streamId, @PathVariable String format) {
        access.requireStream(streamId);
        StreamHistory.Kind kind = kindOf(request);
        PageResponse<HistoryEntry> all = history.page(kind, streamId, 0, Exports.MAX_ROWS);
        Exports.requireAtMostMaxRows(all.totalElements());
        return Exports.file(ExportFormat.of(format), "Lịch sử " + streamId, table(all.content()));
    }

    /** The history's columns for people: the payload and metadata stay in the JSON, which an auditor's tools read. */
    static ExportTable<HistoryEntry> table(List<HistoryEntry> rows) {
        return ExportTable.of("Lịch sử", rows,
                ExportColumn.integer("Số thứ tự", HistoryEntry::sequenceNumber),
                ExportColumn.dateTime("Thời điểm ghi nhận (giờ Việt Nam)", HistoryEntry::recordedAtLocal),
                ExportColumn.text("Nội dung", entry -> entry.summary() == null ? null : entry.summary().vi()),
                ExportColumn.text("Người thực hiện", entry -> entry.actor() instanceof Actor actor ? actor.name() : null),
                ExportColumn.text("Tài khoản", entry -> entry.actor() instanceof Actor actor ? actor.id() : null),
                ExportColumn.text("Loại sự kiện", HistoryEntry::eventType),
                ExportColumn.text("Phiên bản", HistoryEntry::revision),
                ExportColumn.text("Mã sự kiện", HistoryEntry::eventId));
    }

    /** The first segment of the path says which kind of stream the id must name. */
    private static StreamHistory.Kind kindOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/audits/")) {
            return StreamHistory.Kind.AUDIT;
        }
        return path.startsWith("/api/nonconformities/") ? StreamHistory.Kind.NONCONFORMITY : StreamHistory.Kind.OBJECTIVE;
    }
}
