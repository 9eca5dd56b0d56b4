package vn.qualityledger.command.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.support.web.Problems;

/**
 * Imports a whole year's objectives and plan in one request; importing the same document twice changes nothing.
 * {@code /api/plans/preview} checks the same document the same way and answers what the import would store, storing
 * nothing. Either way a document with errors is a 400 {@code INVALID_PLAN} listing every error with its path.
 * (The document is checked in {@link PlanImport}, not by {@code @Valid}, so that the shape errors and the rules'
 * errors come in one answer.)
 */
@RestController
class PlanImportController {

    private final PlanImport planImport;

    PlanImportController(PlanImport planImport) {
        this.planImport = planImport;
    }

    @PostMapping("/api/plans")
    @ResponseStatus(HttpStatus.CREATED)
    PlanImport.Result importPlan(@RequestBody PlanDocument document) {
        return planImport.importPlan(document);
    }

    @PostMapping("/api/plans/preview")
    PlanImport.Preview preview(@RequestBody PlanDocument document) {
        return planImport.preview(document);
    }

    @ExceptionHandler(PlanImport.PlanRefused.class)
    ResponseEntity<ProblemDetail> refused(PlanImport.PlanRefused refused) {
        List<Map<String, String>> errors = refused.errors().stream().map(error -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("field", error.field());
            entry.put("rule", error.rule());
            entry.put("message", error.message());
            return entry;
        }).toList();
        ProblemDetail problem = Problems.detail(400, "INVALID_PLAN",
                "The plan document has " + errors.size() + " error(s); nothing was stored");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
