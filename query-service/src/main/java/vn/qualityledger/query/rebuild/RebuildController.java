package vn.qualityledger.query.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.web.NotFoundException;
import vn.qualityledger.query.web.ProblemDetailsAdvice;

/**
 * Operating the read model: rebuild it from the event store while reads go on, follow the rebuild, and check the live
 * read model against a fresh rebuild. Administrators only (`/api/admin/**` needs ADMIN; see SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/admin/projections/{projection}")
class RebuildController {

    private final ProjectionRebuilds rebuilds;

    RebuildController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** Starts a rebuild; 202 with its progress, to follow at GET. */
    @PostMapping("/rebuild")
    ResponseEntity<ProjectionRebuilds.Progress> rebuild(@PathVariable String projection) {
        requireKnown(projection);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.startRebuild(projection));
    }

    /** Events processed, total, rate and time left of the latest rebuild or check. */
    @GetMapping
    ProjectionRebuilds.Progress progress(@PathVariable String projection) {
        requireKnown(projection);
        return rebuilds.progress(projection);
    }

    /** Rebuilds into a shadow copy and lists every row in which the live read model differs from it. */
    @GetMapping("/consistency")
    ProjectionRebuilds.ConsistencyReport consistency(@PathVariable String projection) {
        requireKnown(projection);
        return rebuilds.check(projection);
    }

    @ExceptionHandler(ProjectionRebuilds.AlreadyRunning.class)
    ProblemDetail alreadyRunning(ProjectionRebuilds.AlreadyRunning e) {
        return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "ALREADY_RUNNING", e.getMessage());
    }

    private void requireKnown(String projection) {
        if (!rebuilds.knows(projection)) {
            throw new NotFoundException("No projection " + projection + "; there are " + String.join(", ", rebuilds.projections()));
        }
    }
}
