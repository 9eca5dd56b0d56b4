package vn.qualityledger.query.history;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.web.PageResponse;

/** The auditor's view of an objective: its whole event stream, in order, paged. */
@RestController
class HistoryController {

    private final ObjectiveHistory history;

    HistoryController(ObjectiveHistory history) {
        this.history = history;
    }

    @GetMapping("/api/objectives/{objectiveId}/history")
    PageResponse<HistoryEntry> history(@PathVariable String objectiveId,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return history.page(objectiveId, page, size);
    }
}
