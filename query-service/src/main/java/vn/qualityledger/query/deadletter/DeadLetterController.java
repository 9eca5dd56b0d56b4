package vn.qualityledger.query.deadletter;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.progress.JdbcProjections;
import vn.qualityledger.query.web.NotFoundException;

/**
 * The streams a projection parked on an event it cannot apply, and retrying them. Administrators only
 * ({@code /api/admin/**} needs ADMIN).
 */
@RestController
@RequestMapping("/api/admin/projections/{projection}/dead-letters")
class DeadLetterController {

    private final ProjectionDeadLetters deadLetters;
    private final JdbcProjections projections;

    DeadLetterController(ProjectionDeadLetters deadLetters, JdbcProjections projections) {
        this.deadLetters = deadLetters;
        this.projections = projections;
    }

    /** Each parked stream with its first parked event, the cause, and how many of its events wait. */
    @GetMapping
    List<ProjectionDeadLetters.ParkedStream> parked(@PathVariable String projection) {
        requireKnown(projection);
        return deadLetters.parked(projection);
    }

    /** Handles every parked stream again; those that now go through leave the queue. */
    @PostMapping("/retry")
    ProjectionDeadLetters.RetryReport retry(@PathVariable String projection) {
        requireKnown(projection);
        return deadLetters.retry(projection);
    }

    private void requireKnown(String projection) {
        if (!projections.knows(projection)) {
            throw new NotFoundException("No projection " + projection + "; there are " + String.join(", ", projections.processingGroups()));
        }
    }
}
