package vn.qualityledger.command.nonconformity;

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
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.qualityledger.api.audit.Iso9001Clauses;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.nonconformity.*;
import vn.qualityledger.command.common.Acting;
import vn.qualityledger.command.common.PendingDeadlines;
import vn.qualityledger.command.common.Refusal;
import vn.qualityledger.command.common.SystemAttribution;

/**
 * A nonconformity (sự không phù hợp) and its corrective actions, ISO 9001:2015 10.2: one event stream per
 * nonconformity. Raised, optionally corrected at once, its root cause analysed, corrective actions planned, implemented
 * with evidence and verified for effectiveness, then closed (and perhaps reopened).
 *
 * <p>Repeating a command whose effect is already recorded applies nothing, so clients and the automatic raising may
 * retry; the same id with different content is a conflict.
 */
@Aggregate(cache = "aggregateCache")
public class Nonconformity {

    @AggregateIdentifier
    private NonconformityId nonconformityId;
    private NonconformityRaisedEvent raised;
    private String correction;
    private String rootCause;
    private String rootCauseMethod;
    private LocalDate rootCauseAnalysedOn;
    /** The latest day an action's effectiveness was verified: a closing comes after it. */
    private LocalDate latestVerifiedOn;
    private boolean closed;
    private LocalDate closedOn;
    private String closingNote;
    private String reopenReason;
    /** Reopened and no action planned since: closing needs a new action first. */
    private boolean reopenedSinceLatestAction;
    /** An action was found not effective and no action has been planned since. */
    private boolean ineffectiveSinceLatestAction;
    private final Map<String, Action> actions = new LinkedHashMap<>();

    enum ActionStatus { PLANNED, IMPLEMENTED, EFFECTIVE, NOT_EFFECTIVE }

    /**
     * {@code implementedBy}: the actor id of whoever implemented it (from the event's metadata), who may not verify it;
     * {@code planned}: the planning event's id and trace, which the overdue event names as its cause.
     */
    record Action(String ownerUnit, String description, LocalDate dueDate, LocalDate plannedOn, ActionStatus status,
                  DocumentReference evidence, LocalDate implementedOn, String implementedBy, String verdictReason,
                  boolean reportedOverdue, SystemAttribution.Cause planned) {
    }

    protected Nonconformity() {
        // for Axon
    }

    // ---- raising -------------------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RaiseNonconformityCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        Acting.requireOrganisation(actor, command.organisationId());
        requireValidOrigin(command.origin());
        NonconformityAccessPolicy.requireRaiser(actor, command.nonconformityId(), command.origin());
        NonconformityRaisedEvent wanted = new NonconformityRaisedEvent(command.nonconformityId(), command.organisationId(),
                command.origin(), command.severity(), command.unit(), command.clause(), command.description(), command.raisedOn());
        if (nonconformityId != null) {
            // raisedOn is the day of the request: a retry on a later day is still the same nonconformity
            if (wanted.equals(new NonconformityRaisedEvent(raised.nonconformityId(), raised.organisationId(), raised.origin(),
                    raised.severity(), raised.unit(), raised.clause(), raised.description(), command.raisedOn()))) {
                return;
            }
            throw Refusal.conflict("NONCONFORMITY_EXISTS", "nonconformityId",
                    "Nonconformity " + command.nonconformityId() + " was already raised with different content");
        }
        if (command.severity() == null) {
            throw Refusal.ruleBroken("SEVERITY_REQUIRED", "severity", "A nonconformity is major or minor");
        }
        if (command.clause() != null && !Iso9001Clauses.isKnown(command.clause())) {
            throw Refusal.ruleBroken("UNKNOWN_CLAUSE", "clause", "'" + command.clause() + "' is not a requirement clause of ISO 9001:2015");
        }
        if (isBlank(command.description())) {
            throw Refusal.ruleBroken("DESCRIPTION_REQUIRED", "description", "Describe the nonconformity");
        }
        apply(wanted);
    }

    private static void requireValidOrigin(NonconformityOrigin origin) {
        if (origin == null || origin.source() == null) {
            throw Refusal.ruleBroken("ORIGIN_REQUIRED", "origin.source", "Say where the nonconformity came from");
        }
        switch (origin.source()) {
            case AUDIT_FINDING -> {
                if (origin.auditId() == null || origin.findingId() == null) {
                    throw Refusal.ruleBroken("FINDING_REQUIRED", "origin.findingId", "A nonconformity from an audit names its audit and finding");
                }
            }
            case OBJECTIVE_NOT_ACHIEVED -> {
                if (origin.objectiveId() == null) {
                    throw Refusal.ruleBroken("OBJECTIVE_REQUIRED", "origin.objectiveId", "A nonconformity from an objective names the objective");
                }
            }
            case COMPLAINT -> {
                if (isBlank(origin.complaintReference())) {
                    throw Refusal.ruleBroken("COMPLAINT_REFERENCE_REQUIRED", "origin.complaintReference",
                            "A nonconformity from a complaint cites the complaint");
                }
            }
            case MANUAL -> {
            }
        }
    }

    // ---- correction and cause ------------------------------------------------------------------------------------

    @CommandHandler
    void handle(RecordCorrectionCommand command, MetaData metaData) {
        NonconformityAccessPolicy.requireHandler(member(metaData), raised.unit());
        requireOpen();
        if (command.correction() != null && command.correction().equals(correction)) {
            return;
        }
        if (isBlank(command.correction())) {
            throw Refusal.ruleBroken("CORRECTION_REQUIRED", "correction", "Describe the correction or containment");
        }
        requireNotBeforeRaising(command.correctedOn(), "correctedOn");
        apply(new CorrectionRecordedEvent(nonconformityId, command.correction(), command.correctedOn()));
    }

    @CommandHandler
    void handle(AnalyseRootCauseCommand command, MetaData metaData) {
        NonconformityAccessPolicy.requireHandler(member(metaData), raised.unit());
        requireOpen();
        if (command.rootCause() != null && command.rootCause().equals(rootCause) && Objects.equals(command.method(), rootCauseMethod)) {
            return;
        }
        if (isBlank(command.rootCause())) {
            throw Refusal.ruleBroken("ROOT_CAUSE_REQUIRED", "rootCause", "State the root cause");
        }
        requireNotBeforeRaising(command.analysedOn(), "analysedOn");
        apply(new RootCauseAnalysedEvent(nonconformityId, command.rootCause(), command.method(), command.analysedOn()));
    }

    // ---- corrective actions --------------------------------------------------------------------------------------

    @CommandHandler
    void handle(PlanCorrectiveActionCommand command, MetaData metaData, DeadlineManager deadlines) {
        NonconformityAccessPolicy.requireActionPlanner(member(metaData), raised.unit(), command.ownerUnit());
        requireOpen();
        Action existing = actions.get(command.actionId().value());
        if (existing != null) {
            if (existing.ownerUnit().equals(command.ownerUnit()) && existing.description().equals(command.description())
                    && existing.dueDate().equals(command.dueDate())) {
                return;
            }
            throw Refusal.conflict("ACTION_EXISTS", "actionId", "Action " + command.actionId() + " was already planned with different content");
        }
        if (rootCause == null) {
            throw Refusal.ruleBroken("ROOT_CAUSE_FIRST", null, "Corrective actions are planned once the root cause is analysed");
        }
        if (isBlank(command.ownerUnit())) {
            throw Refusal.ruleBroken("OWNER_UNIT_REQUIRED", "ownerUnit", "Name the unit that carries the action out");
        }
        if (isBlank(command.description())) {
            throw Refusal.ruleBroken("DESCRIPTION_REQUIRED", "description", "Describe the action");
        }
        if (command.dueDate() == null || command.dueDate().isBefore(raised.raisedOn())) {
            throw Refusal.ruleBroken("DUE_BEFORE_RAISING", "dueDate", "An action cannot be due before the nonconformity was raised (" + raised.raisedOn() + ")");
        }
        requireNotBeforeRaising(command.plannedOn(), "plannedOn");
        if (command.plannedOn().isBefore(rootCauseAnalysedOn)) {
            throw Refusal.ruleBroken("PLANNED_BEFORE_ROOT_CAUSE", "plannedOn",
                    "An action is planned once the root cause is analysed (" + rootCauseAnalysedOn + ")");
        }
        apply(new CorrectiveActionPlannedEvent(nonconformityId, command.actionId(), command.ownerUnit(), command.description(),
                command.dueDate(), command.plannedOn()));
        deadlines.schedule(ActionDeadline.overdueAt(command.dueDate()), ActionDeadline.OVERDUE, command.actionId().value());
    }

    /**
     * Implementing an action cancels the nonconformity's pending overdue deadlines and schedules again those of the
     * actions still planned: Axon cancels deadlines by name within an aggregate, not one by one without the id it
     * generated when scheduling (which no event keeps, being no fact of the nonconformity). Without this, every
     * implemented action left its deadline in db-scheduler's table until its due date, to fire and do nothing.
     */
    @CommandHandler
    void handle(ImplementCorrectiveActionCommand command, MetaData metaData, DeadlineManager deadlines) {
        Actor actor = member(metaData);
        Action action = action(command.actionId());
        NonconformityAccessPolicy.requireImplementer(actor, action.ownerUnit());
        requireOpen();
        if (action.status() != ActionStatus.PLANNED) {
            if (Objects.equals(action.evidence(), command.evidence())) {
                return;
            }
            throw Refusal.ruleBroken("ACTION_ALREADY_IMPLEMENTED", "actionId", "Action " + command.actionId() + " was implemented on " + action.implementedOn());
        }
        if (command.evidence() == null) {
            throw Refusal.ruleBroken("EVIDENCE_REQUIRED", "evidence", "An implementation is recorded with the document that proves it");
        }
        if (command.evidence().date().isAfter(command.implementedOn())) {
            throw Refusal.ruleBroken("DOCUMENT_DATED_AFTER_IMPLEMENTATION", "evidence.date",
                    "The evidence cannot be dated after the day the implementation is recorded");
        }
        if (command.implementedOn().isBefore(action.plannedOn())) {
            throw Refusal.ruleBroken("IMPLEMENTED_BEFORE_PLANNING", "implementedOn", "An action cannot be implemented before it was planned");
        }
        apply(new CorrectiveActionImplementedEvent(nonconformityId, command.actionId(), command.evidence(), command.note(),
                command.implementedOn()));
        PendingDeadlines.cancelAll(deadlines, ActionDeadline.OVERDUE);
        actions.forEach((actionId, a) -> {
            if (a.status() == ActionStatus.PLANNED && !a.reportedOverdue()) {
                deadlines.schedule(ActionDeadline.overdueAt(a.dueDate()), ActionDeadline.OVERDUE, actionId);
            }
        });
    }

    @CommandHandler
    void handle(VerifyActionEffectivenessCommand command, MetaData metaData) {
        Actor actor = member(metaData);
        Action action = action(command.actionId());
        NonconformityAccessPolicy.requireVerifier(actor, action.implementedBy());
        requireOpen();
        switch (action.status()) {
            case PLANNED -> throw Refusal.ruleBroken("ACTION_NOT_IMPLEMENTED", "actionId",
                    "Action " + command.actionId() + " is verified once it is implemented");
            case EFFECTIVE, NOT_EFFECTIVE -> {
                boolean sameVerdict = (action.status() == ActionStatus.EFFECTIVE) == command.effective()
                        && Objects.equals(action.verdictReason(), command.reason());
                if (sameVerdict) {
                    return;
                }
                throw Refusal.ruleBroken("ACTION_ALREADY_VERIFIED", "actionId",
                        "Action " + command.actionId() + " was already verified; plan a new action instead");
            }
            case IMPLEMENTED -> {
            }
        }
        if (!command.effective() && isBlank(command.reason())) {
            throw Refusal.ruleBroken("VERIFICATION_REASON_REQUIRED", "reason", "Say why the action was not effective");
        }
        if (command.verifiedOn().isBefore(action.implementedOn())) {
            throw Refusal.ruleBroken("VERIFIED_BEFORE_IMPLEMENTATION", "verifiedOn", "An action cannot be verified before it was implemented");
        }
        apply(new CorrectiveActionVerifiedEvent(nonconformityId, command.actionId(), command.effective(), command.reason(),
                command.verifiedOn()));
    }

    /** An action still unimplemented when its due date has passed becomes overdue, once; recorded by the service itself. */
    @DeadlineHandler(deadlineName = ActionDeadline.OVERDUE)
    void onDue(String actionId) {
        Action action = actions.get(actionId);
        if (action == null || action.status() != ActionStatus.PLANNED || action.reportedOverdue()) {
            return;
        }
        apply(new CorrectiveActionOverdueEvent(nonconformityId, CorrectiveActionId.of(actionId), action.ownerUnit(), action.dueDate()),
                SystemAttribution.metaData(raised.organisationId(), action.planned()));
    }

    // ---- closing -------------------------------------------------------------------------------------------------

    @CommandHandler
    void handle(CloseNonconformityCommand command, MetaData metaData) {
        NonconformityAccessPolicy.requireCloser(member(metaData));
        if (closed) {
            if (Objects.equals(closingNote, command.note())) {
                return;
            }
            throw Refusal.ruleBroken("NONCONFORMITY_CLOSED", null, "The nonconformity is already closed");
        }
        ClosurePolicy.requireClosable(actions.values(), reopenedSinceLatestAction, ineffectiveSinceLatestAction);
        requireNotBeforeRaising(command.closedOn(), "closedOn");
        if (latestVerifiedOn != null && command.closedOn().isBefore(latestVerifiedOn)) {
            throw Refusal.ruleBroken("CLOSED_BEFORE_VERIFICATION", "closedOn",
                    "A nonconformity is closed once its actions are verified (latest on " + latestVerifiedOn + ")");
        }
        apply(new NonconformityClosedEvent(nonconformityId, command.note(), command.closedOn()));
    }

    @CommandHandler
    void handle(ReopenNonconformityCommand command, MetaData metaData) {
        NonconformityAccessPolicy.requireCloser(member(metaData));
        if (!closed) {
            if (reopenReason != null && reopenReason.equals(command.reason()) && reopenedSinceLatestAction) {
                return; // a retry of the reopening already recorded
            }
            throw Refusal.ruleBroken("NONCONFORMITY_NOT_CLOSED", null, "Only a closed nonconformity is reopened");
        }
        if (isBlank(command.reason())) {
            throw Refusal.ruleBroken("REOPEN_REASON_REQUIRED", "reason", "Say why the nonconformity is reopened");
        }
        if (command.reopenedOn().isBefore(closedOn)) {
            throw Refusal.ruleBroken("REOPENED_BEFORE_CLOSING", "reopenedOn", "A nonconformity is reopened after it was closed (" + closedOn + ")");
        }
        apply(new NonconformityReopenedEvent(nonconformityId, command.reason(), command.reopenedOn()));
    }

    // ---- guards --------------------------------------------------------------------------------------------------

    /** The actor of the command, who must belong to this nonconformity's organisation. */
    private Actor member(MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        Acting.requireOrganisation(actor, raised.organisationId());
        return actor;
    }

    private void requireOpen() {
        if (closed) {
            throw Refusal.ruleBroken("NONCONFORMITY_CLOSED", null, "The nonconformity is closed; reopen it first");
        }
    }

    private void requireNotBeforeRaising(LocalDate date, String field) {
        if (date.isBefore(raised.raisedOn())) {
            throw Refusal.ruleBroken("DATED_BEFORE_RAISING", field, "Nothing is done to a nonconformity before it was raised (" + raised.raisedOn() + ")");
        }
    }

    private Action action(CorrectiveActionId actionId) {
        Action action = actions.get(actionId.value());
        if (action == null) {
            throw Refusal.notFound("ACTION_NOT_FOUND", "actionId", "No corrective action " + actionId + " in nonconformity " + nonconformityId);
        }
        return action;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    // ---- state ---------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(NonconformityRaisedEvent event) {
        nonconformityId = event.nonconformityId();
        raised = event;
    }

    @EventSourcingHandler
    void on(CorrectionRecordedEvent event) {
        correction = event.correction();
    }

    @EventSourcingHandler
    void on(RootCauseAnalysedEvent event) {
        rootCause = event.rootCause();
        rootCauseMethod = event.method();
        rootCauseAnalysedOn = event.analysedOn();
    }

    @EventSourcingHandler
    void on(CorrectiveActionPlannedEvent event, EventMessage<?> message) {
        actions.put(event.actionId().value(), new Action(event.ownerUnit(), event.description(), event.dueDate(), event.plannedOn(),
                ActionStatus.PLANNED, null, null, null, null, false, SystemAttribution.Cause.of(message)));
        reopenedSinceLatestAction = false;
        ineffectiveSinceLatestAction = false;
    }

    @EventSourcingHandler
    void on(CorrectiveActionImplementedEvent event, @MetaDataValue(Actor.ID) String implementedBy) {
        actions.computeIfPresent(event.actionId().value(), (id, a) -> new Action(a.ownerUnit(), a.description(), a.dueDate(),
                a.plannedOn(), ActionStatus.IMPLEMENTED, event.evidence(), event.implementedOn(), implementedBy, null, a.reportedOverdue(), a.planned()));
    }

    @EventSourcingHandler
    void on(CorrectiveActionVerifiedEvent event) {
        ineffectiveSinceLatestAction |= !event.effective();
        if (latestVerifiedOn == null || event.verifiedOn().isAfter(latestVerifiedOn)) {
            latestVerifiedOn = event.verifiedOn();
        }
        actions.computeIfPresent(event.actionId().value(), (id, a) -> new Action(a.ownerUnit(), a.description(), a.dueDate(),
                a.plannedOn(), event.effective() ? ActionStatus.EFFECTIVE : ActionStatus.NOT_EFFECTIVE, a.evidence(), a.implementedOn(),
                a.implementedBy(), event.reason(), a.reportedOverdue(), a.planned()));
    }

    @EventSourcingHandler
    void on(CorrectiveActionOverdueEvent event) {
        actions.computeIfPresent(event.actionId().value(), (id, a) -> new Action(a.ownerUnit(), a.description(), a.dueDate(),
                a.plannedOn(), a.status(), a.evidence(), a.implementedOn(), a.implementedBy(), a.verdictReason(), true, a.planned()));
    }

    @EventSourcingHandler
    void on(NonconformityClosedEvent event) {
        closed = true;
        closedOn = event.closedOn();
        closingNote = event.note();
        reopenReason = null;
    }

    @EventSourcingHandler
    void on(NonconformityReopenedEvent event) {
        closed = false;
        closingNote = null;
        reopenReason = event.reason();
        reopenedSinceLatestAction = true;
    }
}
