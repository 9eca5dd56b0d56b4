package vn.qualityledger.query.history;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.web.PageResponse;
import vn.qualityledger.query.web.ReadAccess;
import vn.qualityledger.support.integrity.EventChainVerifier;

/** The auditor's view of an objective: its whole event stream, in order, paged, and whether it is intact. */
@RestController
class HistoryController {

    private final ObjectiveHistory history;
    private final EventChainVerifier verifier;
    private final ReadAccess access;

    HistoryController(ObjectiveHistory history, EventChainVerifier verifier, ReadAccess access) {
        this.history = history;
        this.verifier = verifier;
        this.access = access;
    }

    /** Recomputes the objective's event chain; names the first stored event that was altered, deleted, inserted or moved. */
    @GetMapping("/api/objectives/{objectiveId}/integrity")
    EventChainVerifier.Verification integrity(@PathVariable String objectiveId) {
        access.requireObjective(objectiveId);
        history.requireExists(objectiveId);
        return verifier.verify(objectiveId);
    }

    @GetMapping("/api/objectives/{objectiveId}/history")
    PageResponse<HistoryEntry> history(@PathVariable String objectiveId,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        access.requireObjective(objectiveId);
        return history.page(objectiveId, page, size);
    }
}
