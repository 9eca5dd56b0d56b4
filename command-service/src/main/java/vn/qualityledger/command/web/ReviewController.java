package vn.qualityledger.command.web;

import static vn.qualityledger.command.web.CommandAccepted.accepted;
import static vn.qualityledger.command.web.CommandAccepted.created;
import static vn.qualityledger.command.web.CommandAccepted.orNewId;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.command.reads.ReadLocations;
import vn.qualityledger.api.audit.AuditId;
import vn.qualityledger.api.review.*;
import vn.qualityledger.command.CommandServiceApplication;
import vn.qualityledger.command.common.Refusal;
import vn.qualityledger.command.web.ReviewRequests.*;

/**
 * Commands about one management review (Xem xét của lãnh đạo). Each answers once its events are stored: 201 with the
 * id of what was created (the review, a decision, the minutes), 202 with the id of what changed. Repeating a request
 * with the same ids and body changes nothing and gets the same answer.
 */
@RestController
@RequestMapping("/api/reviews")
class ReviewController {

    private final CommandGateway commands;
    private final ReadLocations reads;
    private final AppliedDates dates;
    private final Clock clock;

    ReviewController(CommandGateway commands, AppliedDates dates, Clock clock, ReadLocations reads) {
        this.commands = commands;
        this.reads = reads;
        this.dates = dates;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> plan(@Valid @RequestBody PlanManagementReview request) {
        ManagementReviewId id = new ManagementReviewId(orNewId(request.reviewId()));
        commands.sendAndWait(new PlanManagementReviewCommand(id, request.organisationId(), request.title(), request.trigger(),
                request.auditId() == null ? null : new AuditId(request.auditId()), request.periodFrom(), request.periodTo(),
                request.scheduledOn(), request.chair(), request.participants(), dates.of(request.plannedOn(), "plannedOn")));
        return created(reads.review(id), id.value());
    }

    @PostMapping("/{reviewId}/notes")
    ResponseEntity<CommandAccepted> recordNotes(@PathVariable ManagementReviewId reviewId, @Valid @RequestBody RecordReviewNotes request) {
        ReviewNotes notes = new ReviewNotes(request.contextChanges(), request.stakeholderFeedback(), request.externalProviders(),
                request.resourceAdequacy(), request.risksAndOpportunities(), request.improvementProposals(), request.other());
        commands.sendAndWait(new RecordReviewNotesCommand(reviewId, notes, dates.of(request.recordedOn(), "recordedOn")));
        return accepted(reviewId.value());
    }

    @PostMapping("/{reviewId}/holding")
    ResponseEntity<CommandAccepted> hold(@PathVariable ManagementReviewId reviewId, @Valid @RequestBody HoldManagementReview request) {
        LocalDate heldOn = dates.of(request.heldOn(), "heldOn", "HELD_IN_THE_FUTURE");
        commands.sendAndWait(new HoldManagementReviewCommand(reviewId, heldOn, cutOff(request.cutOff(), heldOn), request.attendees(),
                request.minutesSummary(), request.conclusion()));
        return accepted(reviewId.value());
    }

    @PostMapping("/{reviewId}/decisions")
    ResponseEntity<CommandAccepted> recordDecision(@PathVariable ManagementReviewId reviewId, @Valid @RequestBody RecordReviewDecision request) {
        ReviewDecisionId decisionId = new ReviewDecisionId(orNewId(request.decisionId()));
        commands.sendAndWait(new RecordReviewDecisionCommand(reviewId, decisionId, request.kind(), request.description(), request.ownerUnit(),
                request.dueDate(), dates.of(request.recordedOn(), "recordedOn")));
        return created(reads.review(reviewId), decisionId.value());
    }

    @PostMapping("/{reviewId}/decisions/{decisionId}/completion")
    ResponseEntity<CommandAccepted> completeDecision(@PathVariable ManagementReviewId reviewId, @PathVariable ReviewDecisionId decisionId,
                                                     @Valid @RequestBody CompleteReviewDecision request) {
        commands.sendAndWait(new CompleteReviewDecisionCommand(reviewId, decisionId, dates.of(request.completedOn(), "completedOn"),
                request.evidence(), request.note()));
        return accepted(decisionId.value());
    }

    /** The minutes are issued on the day of the request: a document is issued when it is recorded as issued. */
    @PostMapping("/{reviewId}/minutes")
    ResponseEntity<CommandAccepted> issueMinutes(@PathVariable ManagementReviewId reviewId, @Valid @RequestBody IssueReviewMinutes request) {
        commands.sendAndWait(new IssueReviewMinutesCommand(reviewId, request.number(), request.organisationName(), request.parentName(),
                request.place(), request.signerAuthority(), request.signerTitle(), request.signerName(), request.recipients(),
                request.docxSha256(), request.generator(), request.checkpointTreeSize(), dates.today()));
        return created(reads.reviewMinutes(reviewId), reviewId.value());
    }

    @PostMapping("/{reviewId}/cancellation")
    ResponseEntity<CommandAccepted> cancel(@PathVariable ManagementReviewId reviewId, @Valid @RequestBody CancelManagementReview request) {
        commands.sendAndWait(new CancelManagementReviewCommand(reviewId, request.reason(), dates.of(request.cancelledOn(), "cancelledOn")));
        return accepted(reviewId.value());
    }

    /**
     * The stated cut-off, never in the future (figures of a moment still to come would change); by default now, or the
     * end of the meeting's day when the meeting is entered after the fact, so the inputs are those the meeting saw.
     */
    private Instant cutOff(Instant stated, LocalDate heldOn) {
        Instant now = clock.instant();
        if (stated == null) {
            Instant endOfMeetingDay = heldOn.plusDays(1).atStartOfDay(CommandServiceApplication.AGENCY_ZONE).toInstant();
            return now.isBefore(endOfMeetingDay) ? now : endOfMeetingDay;
        }
        if (stated.isAfter(now)) {
            throw Refusal.ruleBroken("CUT_OFF_IN_THE_FUTURE", "cutOff", "cutOff " + stated + " is after now (" + now + "); the inputs are read as already recorded");
        }
        return stated;
    }
}
