package vn.qualityledger.command.plan;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.qualityledger.command.reads.ReadLocations;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.support.web.Problems;

/**
 * Imports a whole year's objectives and plan in one request; importing the same document twice changes nothing.
 * {@code /api/plans/preview} checks the same document the same way and answers what the import would store, storing
 * nothing. Either way a document with errors is a 400 {@code INVALID_PLAN} listing every error with its path.
 * (The document is checked in {@link PlanImport}, not by {@code @Valid}, so that the shape errors and the rules'
 * errors come in one answer.) The same two endpoints take the plan as an XLSX workbook
 * ({@code Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}), whose errors name their
 * cells instead of paths; {@code /api/plans/template.xlsx} is the workbook to fill in.
 */
@RestController
class PlanImportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PlanImport planImport;
    private final PlanWorkbookImport workbookImport;
    private final ReadLocations reads;

    PlanImportController(PlanImport planImport, PlanWorkbookImport workbookImport, ReadLocations reads) {
        this.planImport = planImport;
        this.workbookImport = workbookImport;
        this.reads = reads;
    }

    @PostMapping("/api/plans")
    ResponseEntity<PlanImport.Result> importPlan(@RequestBody PlanDocument document) {
        return created(planImport.importPlan(document));
    }

    @PostMapping("/api/plans/preview")
    PlanImport.Preview preview(@RequestBody PlanDocument document) {
        return planImport.preview(document);
    }

    /** The same plan as an XLSX workbook (README, "Plan workbooks"); its errors name their cells. */
    @PostMapping(path = "/api/plans", consumes = XLSX)
    ResponseEntity<PlanImport.Result> importWorkbook(@RequestBody byte[] workbook) {
        return created(workbookImport.importPlan(workbook));
    }

    /** A plan is the objectives of an organisation's year: its Location is their dashboards. */
    private ResponseEntity<PlanImport.Result> created(PlanImport.Result imported) {
        return ResponseEntity.created(reads.objectivesOf(imported.organisationId(), imported.year())).body(imported);
    }

    @PostMapping(path = "/api/plans/preview", consumes = XLSX)
    PlanImport.Preview previewWorkbook(@RequestBody byte[] workbook) {
        return workbookImport.preview(workbook);
    }

    /** The workbook to fill in, with an example row and the schedule phrases read; the same bytes every time. */
    @GetMapping("/api/plans/template.xlsx")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("ke-hoach-mtcl-mau.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(PlanWorkbookTemplate.bytes());
    }

    @ExceptionHandler(PlanImport.PlanRefused.class)
    ResponseEntity<ProblemDetail> refused(PlanImport.PlanRefused refused) {
        List<Map<String, String>> errors = refused.errors().stream().map(error -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("field", error.field());
            entry.put("rule", error.rule());
            entry.put("message", error.message());
            if (error.objective() != null) {
                entry.put("objective", error.objective());
            }
            if (error.measure() != null) {
                entry.put("measure", error.measure());
            }
            return entry;
        }).toList();
        ProblemDetail problem = Problems.detail(400, "INVALID_PLAN",
                "The plan document has " + errors.size() + " error(s); nothing was stored");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
