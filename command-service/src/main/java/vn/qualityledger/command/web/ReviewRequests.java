package vn.qualityledger.command.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.Ids;
import vn.qualityledger.api.review.QmsConclusion;
import vn.qualityledger.api.review.ReviewDecisionKind;
import vn.qualityledger.api.review.ReviewPerson;
import vn.qualityledger.api.review.ReviewTrigger;

/**
 * Request bodies of the management review endpoints, checked for shape before any command is sent (how the dates
 * relate to each other is the aggregate's, answered with 422). Ids are optional where a client may choose them. The
 * day a thing was done ({@code plannedOn}, {@code heldOn}, {@code recordedOn}...) may be stated, for a review entered
 * after the fact; it defaults to today in Asia/Ho_Chi_Minh and is never after today (see {@link AppliedDates}).
 */
final class ReviewRequests {

    private ReviewRequests() {
    }

    record PlanManagementReview(@Pattern(regexp = Ids.PATTERN) String reviewId,
                                @NotBlank @Size(max = 50) String organisationId,
                                @NotBlank @Size(max = 500) String title,
                                @NotNull ReviewTrigger trigger,
                                @Pattern(regexp = Ids.PATTERN) String auditId,
                                @NotNull LocalDate periodFrom,
                                @NotNull LocalDate periodTo,
                                @NotNull LocalDate scheduledOn,
                                @NotNull @Valid ReviewPerson chair,
                                @NotEmpty @Size(max = 100) List<@NotNull @Valid ReviewPerson> participants,
                                LocalDate plannedOn) {
    }

    /** The secretary's notes (each optional) and the day they are recorded. */
    record RecordReviewNotes(@Size(max = 8000) String contextChanges,
                             @Size(max = 8000) String stakeholderFeedback,
                             @Size(max = 8000) String externalProviders,
                             @Size(max = 8000) String resourceAdequacy,
                             @Size(max = 8000) String risksAndOpportunities,
                             @Size(max = 8000) String improvementProposals,
                             @Size(max = 8000) String other,
                             LocalDate recordedOn) {
    }

    /**
     * {@code heldOn}: the meeting's day, default today, never after today; {@code cutOff}: the instant the inputs are
     * read at, default now or the end of {@code heldOn} if that is earlier, never in the future.
     */
    record HoldManagementReview(LocalDate heldOn,
                                Instant cutOff,
                                @NotEmpty @Size(max = 100) List<@NotNull @Valid ReviewPerson> attendees,
                                @NotBlank @Size(max = 20000) String minutesSummary,
                                @NotNull @Valid QmsConclusion conclusion) {
    }

    record RecordReviewDecision(@Pattern(regexp = Ids.PATTERN) String decisionId,
                                @NotNull ReviewDecisionKind kind,
                                @NotBlank @Size(max = 4000) String description,
                                @NotBlank @Size(max = 50) String ownerUnit,
                                @NotNull LocalDate dueDate,
                                LocalDate recordedOn) {
    }

    /** {@code note} is required when there is no {@code evidence} (the aggregate's rule). */
    record CompleteReviewDecision(@Valid DocumentReference evidence, @Size(max = 4000) String note, LocalDate completedOn) {
    }

    /** What query-service answers for the minutes (the parameters as resolved, the document's SHA-256, the generator). */
    record IssueReviewMinutes(@NotBlank @Size(max = 100) String number,
                              @NotBlank @Size(max = 300) String organisationName,
                              @NotNull @Size(max = 300) String parentName,
                              @NotBlank @Size(max = 100) String place,
                              @NotNull @Size(max = 200) String signerAuthority,
                              @NotBlank @Size(max = 200) String signerTitle,
                              @NotNull @Size(max = 200) String signerName,
                              @NotNull @Size(max = 30) List<@NotBlank @Size(max = 300) String> recipients,
                              @NotNull @Pattern(regexp = "[0-9a-f]{64}") String docxSha256,
                              @NotBlank @Size(max = 200) String generator,
                              @PositiveOrZero Long checkpointTreeSize) {
    }

    record CancelManagementReview(@NotBlank @Size(max = 2000) String reason, LocalDate cancelledOn) {
    }
}
