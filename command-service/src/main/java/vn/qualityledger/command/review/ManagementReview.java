package vn.qualityledger.command.review;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.review.*;
import vn.qualityledger.command.common.Acting;
import vn.qualityledger.command.common.PendingDeadlines;
import vn.qualityledger.command.common.Refusal;
import vn.qualityledger.command.common.SystemAttribution;

/**
 * A management review (Xem xét của lãnh đạo, ISO 9001:2015 9.3) of one organisation: planned, the secretary's notes
 * recorded, held with its minutes' summary and conclusion at a cut-off, its decisions (9.3.3) recorded and completed
 * by their owner units (overdue ones recorded by the service), its minutes issued; or cancelled before it is held. One
 * event stream per review.
 *
 * <p>Repeating a command whose effect is already recorded (same ids, same content; the day it was sent aside) applies
 * nothing, so clients may retry; the same id with different content is a conflict.
 */
@Aggregate(cache = "aggregateCache")
public class ManagementReview {

    @AggregateIdentifier
    private ManagementReviewId reviewId;
    private ManagementReviewPlannedEvent plan;
    private ReviewNotes notes;
    private ManagementReviewHeldEvent held;
    private ReviewMinutesIssuedEvent minutes;
    private ManagementReviewCancelledEvent cancelled;
    private final Map<String, Decision> decisions = new LinkedHashMap<>();

    /**
     * A decision as recorded; {@code completed} once done; {@code recorded}: the recording event's id and trace, which
     * the overdue event names as its cause.
     */
    record Decision(ReviewDecisionRecordedEvent decision, ReviewDecisionCompletedEvent completed, boolean reportedOverdue,
                    SystemAttribution.Cause recorded) {

        boolean open() {
            return completed == null;
        }
    }

    protected ManagementReview() {
        // for Axon
    }

    // ---- planning ------------------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PlanManagementReviewCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        Acting.requireOrganisation(actor, command.organisationId());
        ReviewAccessPolicy.requireOrganiser(actor);
        ManagementReviewPlannedEvent wanted = new ManagementReviewPlannedEvent(command.reviewId(), command.organisationId(),
                command.title(), command.trigger(), command.auditId(), command.periodFrom(), command.periodTo(),
                command.scheduledOn(), command.chair(), command.participants(), command.plannedOn());
        if (plan != null) {
            if (wanted.equals(new ManagementReviewPlannedEvent(plan.reviewId(), plan.organisationId(), plan.title(), plan.trigger(),
                    plan.auditId(), plan.periodFrom(), plan.periodTo(), plan.scheduledOn(), plan.chair(), plan.participants(),
                    command.plannedOn()))) {
                return;
            }
            throw Refusal.conflict("REVIEW_EXISTS", "reviewId", "Management review " + command.reviewId() + " is already planned with different content");
        }
        ReviewPlanPolicy.requireValid(command);
        apply(wanted);
    }

    /** The notes may be replaced until the review is held; from then on they are what the meeting had before it. */
    @CommandHandler
    void handle(RecordReviewNotesCommand command, MetaData metaData) {
        ReviewAccessPolicy.requireOrganiser(member(metaData));
        if (command.notes() != null && command.notes().equals(notes)) {
            return;
        }
        requireNotCancelled();
        if (held != null) {
            throw Refusal.ruleBroken("REVIEW_ALREADY_HELD", null, "The review was held on " + held.heldOn() + "; its notes are what the meeting saw");
        }
        if (command.notes() == null) {
            throw Refusal.ruleBroken("NOTES_REQUIRED", "notes", "Give the notes to record");
        }
        requireNotBeforePlanning(command.recordedOn(), "recordedOn");
        apply(new ReviewNotesRecordedEvent(reviewId, command.notes(), command.recordedOn()));
    }

    @CommandHandler
    void handle(CancelManagementReviewCommand command, MetaData metaData) {
        ReviewAccessPolicy.requireOrganiser(member(metaData));
        if (cancelled != null) {
            if (Objects.equals(cancelled.reason(), command.reason())) {
                return;
            }
            throw Refusal.ruleBroken("REVIEW_CANCELLED", null, "The review was cancelled on " + cancelled.cancelledOn());
        }
        if (held != null) {
            throw Refusal.ruleBroken("REVIEW_ALREADY_HELD", null, "A held review is a fact; it cannot be cancelled");
        }
        if (People.isBlank(command.reason())) {
            throw Refusal.ruleBroken("CANCEL_REASON_REQUIRED", "reason", "Say why the review is cancelled");
        }
        requireNotBeforePlanning(command.cancelledOn(), "cancelledOn");
        apply(new ManagementReviewCancelledEvent(reviewId, command.reason(), command.cancelledOn()));
    }

    // ---- the meeting ---------------------------------------------------------------------------------------------

    /**
     * A repeated holding is recognised with its cut-off aside, as other steps are with their day aside: a request that
     * left the cut-off to the service ("now") is retried at another instant.
     */
    @CommandHandler
    void handle(HoldManagementReviewCommand command, MetaData metaData) {
        ReviewAccessPolicy.requireOrganiser(member(metaData));
        ManagementReviewHeldEvent wanted = new ManagementReviewHeldEvent(reviewId, command.heldOn(), command.cutOff(),
                command.attendees(), command.minutesSummary(), command.conclusion());
        if (held != null) {
            if (held.equals(new ManagementReviewHeldEvent(reviewId, command.heldOn(), held.cutOff(), command.attendees(),
                    command.minutesSummary(), command.conclusion()))) {
                return;
            }
            throw Refusal.conflict("REVIEW_ALREADY_HELD", "reviewId", "The review was already recorded as held on " + held.heldOn() + " with other content");
        }
        requireNotCancelled();
        HoldingPolicy.requireValid(command, plan);
        apply(wanted);
    }

    // ---- decisions -----------------------------------------------------------------------------------------------

    @CommandHandler
    void handle(RecordReviewDecisionCommand command, MetaData metaData, DeadlineManager deadlines) {
        ReviewAccessPolicy.requireOrganiser(member(metaData));
        Decision existing = decisions.get(command.decisionId().value());
        if (existing != null) {
            ReviewDecisionRecordedEvent recorded = existing.decision();
            if (recorded.kind() == command.kind() && recorded.description().equals(command.description())
                    && recorded.ownerUnit().equals(command.ownerUnit()) && recorded.dueDate().equals(command.dueDate())) {
                return;
            }
            throw Refusal.conflict("DECISION_EXISTS", "decisionId", "Decision " + command.decisionId() + " was already recorded with different content");
        }
        requireNotCancelled();
        requireHeld();
        if (minutes != null) {
            throw Refusal.ruleBroken("MINUTES_ALREADY_ISSUED", null,
                    "The minutes (" + minutes.number() + ") list the review's decisions and were issued on " + minutes.issuedOn());
        }
        DecisionPolicy.requireValid(command, held.heldOn());
        apply(new ReviewDecisionRecordedEvent(reviewId, command.decisionId(), command.kind(), command.description(), command.ownerUnit(),
                command.dueDate(), command.recordedOn()));
        deadlines.schedule(DecisionDeadline.overdueAt(command.dueDate()), DecisionDeadline.OVERDUE, command.decisionId().value());
    }

    /**
     * Completing a decision cancels the review's pending overdue deadlines and schedules again those of the decisions
     * still open: Axon cancels deadlines by name within an aggregate, not one by one without the id it generated when
     * scheduling (which no event keeps, being no fact of the review).
     */
    @CommandHandler
    void handle(CompleteReviewDecisionCommand command, MetaData metaData, DeadlineManager deadlines) {
        Actor actor = member(metaData);
        Decision decision = decision(command.decisionId());
        ReviewAccessPolicy.requireCompleter(actor, decision.decision().ownerUnit());
        if (!decision.open()) {
            if (Objects.equals(decision.completed().evidence(), command.evidence()) && Objects.equals(decision.completed().note(), command.note())) {
                return;
            }
            throw Refusal.ruleBroken("DECISION_ALREADY_COMPLETED", "decisionId",
                    "Decision " + command.decisionId() + " was completed on " + decision.completed().completedOn());
        }
        DecisionPolicy.requireValid(command, decision.decision().recordedOn());
        apply(new ReviewDecisionCompletedEvent(reviewId, command.decisionId(), command.completedOn(), command.evidence(), command.note()));
        PendingDeadlines.cancelAll(deadlines, DecisionDeadline.OVERDUE);
        decisions.values().stream().filter(d -> d.open() && !d.reportedOverdue())
                .forEach(d -> deadlines.schedule(DecisionDeadline.overdueAt(d.decision().dueDate()), DecisionDeadline.OVERDUE,
                        d.decision().decisionId().value()));
    }

    /** A decision still open when its due date has passed becomes overdue, once; recorded by the service itself. */
    @DeadlineHandler(deadlineName = DecisionDeadline.OVERDUE)
    void onDue(String decisionId) {
        Decision decision = decisions.get(decisionId);
        if (decision == null || !decision.open() || decision.reportedOverdue()) {
            return;
        }
        ReviewDecisionRecordedEvent recorded = decision.decision();
        apply(new ReviewDecisionOverdueEvent(reviewId, recorded.decisionId(), recorded.ownerUnit(), recorded.dueDate()),
                SystemAttribution.metaData(plan.organisationId(), decision.recorded()));
    }

    // ---- minutes -------------------------------------------------------------------------------------------------

    @CommandHandler
    void handle(IssueReviewMinutesCommand command, MetaData metaData) {
        ReviewAccessPolicy.requireOrganiser(member(metaData));
        if (minutes != null) {
            if (MinutesPolicy.issued(command, minutes.issuedOn()).equals(minutes)) {
                return;
            }
            throw Refusal.conflict("MINUTES_EXIST", "reviewId", "The minutes of review " + reviewId + " were already issued with other content");
        }
        requireNotCancelled();
        requireHeld();
        MinutesPolicy.requireValid(command, held.heldOn());
        apply(MinutesPolicy.issued(command, command.issuedOn()));
    }

    // ---- guards --------------------------------------------------------------------------------------------------

    /** The actor of the command, who must belong to this review's organisation. */
    private Actor member(MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        Acting.requireOrganisation(actor, plan.organisationId());
        return actor;
    }

    private void requireNotCancelled() {
        if (cancelled != null) {
            throw Refusal.ruleBroken("REVIEW_CANCELLED", null, "The review was cancelled on " + cancelled.cancelledOn());
        }
    }

    private void requireHeld() {
        if (held == null) {
            throw Refusal.ruleBroken("REVIEW_NOT_HELD", null, "Record that the review was held first");
        }
    }

    private void requireNotBeforePlanning(LocalDate date, String field) {
        if (date.isBefore(plan.plannedOn())) {
            throw Refusal.ruleBroken("DATED_BEFORE_PLANNING", field, "Nothing is done to a review before it was planned (" + plan.plannedOn() + ")");
        }
    }

    private Decision decision(ReviewDecisionId decisionId) {
        Decision decision = decisions.get(decisionId.value());
        if (decision == null) {
            throw Refusal.notFound("DECISION_NOT_FOUND", "decisionId", "No decision " + decisionId + " in management review " + reviewId);
        }
        return decision;
    }

    // ---- state ---------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ManagementReviewPlannedEvent event) {
        reviewId = event.reviewId();
        plan = event;
    }

    @EventSourcingHandler
    void on(ReviewNotesRecordedEvent event) {
        notes = event.notes();
    }

    @EventSourcingHandler
    void on(ManagementReviewHeldEvent event) {
        held = event;
    }

    @EventSourcingHandler
    void on(ReviewDecisionRecordedEvent event, EventMessage<?> message) {
        decisions.put(event.decisionId().value(), new Decision(event, null, false, SystemAttribution.Cause.of(message)));
    }

    @EventSourcingHandler
    void on(ReviewDecisionCompletedEvent event) {
        decisions.computeIfPresent(event.decisionId().value(), (id, d) -> new Decision(d.decision(), event, d.reportedOverdue(), d.recorded()));
    }

    @EventSourcingHandler
    void on(ReviewDecisionOverdueEvent event) {
        decisions.computeIfPresent(event.decisionId().value(), (id, d) -> new Decision(d.decision(), d.completed(), true, d.recorded()));
    }

    @EventSourcingHandler
    void on(ReviewMinutesIssuedEvent event) {
        minutes = event;
    }

    @EventSourcingHandler
    void on(ManagementReviewCancelledEvent event) {
        cancelled = event;
    }
}
