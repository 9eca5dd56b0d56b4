package vn.qualityledger.query.history;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.web.PageResponse;
import vn.qualityledger.query.web.ProblemDetailsAdvice;
import vn.qualityledger.query.web.ReadAccess;
import vn.qualityledger.support.integrity.EventChainVerifier;

/**
 * The auditor's view of an objective, an audit or a nonconformity: its whole event stream, in order, paged, and whether
 * it is intact.
 */
@RestController
class HistoryController {

    private final StreamHistory history;
    /** Absent in Axon Server mode, where the server keeps the events and the chain is not written. */
    private final EventChainVerifier verifier;
    private final ReadAccess access;

    HistoryController(StreamHistory history, ObjectProvider<EventChainVerifier> verifier, ReadAccess access) {
        this.history = history;
        this.verifier = verifier.getIfAvailable();
        this.access = access;
    }

    /**
     * Recomputes the objective's event chain; names the first stored event that was altered, deleted, inserted or moved.
     * Where there is no chain to check, says so (501), never "verified" over nothing.
     */
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

    @GetMapping({"/api/objectives/{streamId}/history", "/api/audits/{streamId}/history", "/api/nonconformities/{streamId}/history"})
    PageResponse<HistoryEntry> history(HttpServletRequest request, @PathVariable String streamId,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        access.requireStream(streamId);
        return history.page(kindOf(request), streamId, page, size);
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
