package vn.qualityledger.command.plan;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Imports a whole year's objectives and plan in one request; importing the same document twice changes nothing. */
@RestController
class PlanImportController {

    private final PlanImport planImport;

    PlanImportController(PlanImport planImport) {
        this.planImport = planImport;
    }

    @PostMapping("/api/plans")
    @ResponseStatus(HttpStatus.CREATED)
    PlanImport.Result importPlan(@Valid @RequestBody PlanDocument document) {
        return planImport.importPlan(document);
    }
}
