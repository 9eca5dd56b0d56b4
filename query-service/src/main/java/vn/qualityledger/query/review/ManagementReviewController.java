package vn.qualityledger.query.review;

import static vn.qualityledger.query.web.ReadParameters.AS_OF;
import static vn.qualityledger.query.web.ReadParameters.orToday;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.web.NotFoundException;
import vn.qualityledger.query.web.ReadAccess;

/** Management reviews (ISO 9001:2015 9.3, plan measure I.4): the year's reviews and whether one is due, one review, the decisions. */
@RestController
@Tag(name = "Management review")
public class ManagementReviewController {

    /** The reviews of a year and the I.4 rule's state on asOf. */
    public record ReviewList(String organisationId, int year, ReviewDue due, List<ManagementReviewRepository.ReviewRow> reviews) {
    }

    private final ManagementReviewRepository reviews;
    private final ReadAccess access;
    private final Clock clock;

    public ManagementReviewController(ManagementReviewRepository reviews, ReadAccess access, Clock clock) {
        this.reviews = reviews;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/organisations/{organisationId}/reviews")
    @Operation(summary = "The reviews whose period ends in the year, and whether a review is due (every 6 months or after an internal audit)")
    public ReviewList reviews(@PathVariable String organisationId, @RequestParam @Min(2000) @Max(2100) int year,
                              @Parameter(description = AS_OF)
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        access.requireOrganisation(organisationId);
        LocalDate date = orToday(asOf, clock);
        return new ReviewList(organisationId, year, reviews.due(organisationId, date), reviews.reviews(organisationId, year, date));
    }

    @GetMapping("/api/reviews/{reviewId}")
    @Operation(summary = "One review: plan, notes, meeting, conclusion, decisions with their status on asOf, minutes issued")
    public ManagementReviewRepository.Detail review(@PathVariable String reviewId,
                                                    @Parameter(description = AS_OF)
                                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        access.requireStream(reviewId);
        return reviews.review(reviewId, orToday(asOf, clock))
                .orElseThrow(() -> new NotFoundException("No management review " + reviewId));
    }

    @GetMapping("/api/organisations/{organisationId}/review-decisions")
    @Operation(summary = "The decisions of the organisation's reviews, tracked like corrective actions: OPEN, OVERDUE, DONE on asOf")
    public List<ManagementReviewRepository.Decision> decisions(@PathVariable String organisationId,
                                                               @RequestParam(required = false) @Pattern(regexp = "OPEN|OVERDUE|DONE") String status,
                                                               @Parameter(description = AS_OF)
                                                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        access.requireOrganisation(organisationId);
        return reviews.decisions(organisationId, status, orToday(asOf, clock));
    }
}
