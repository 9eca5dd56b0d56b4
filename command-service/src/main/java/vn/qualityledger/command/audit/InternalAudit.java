package vn.qualityledger.command.audit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import vn.qualityledger.api.audit.*;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.command.common.Acting;
import vn.qualityledger.command.common.Refusal;

/**
 * An internal audit round (ĐGNB) of one organisation: planned, its team appointed, unit audits scheduled and held,
 * findings recorded, the summary report issued, closed. One event stream per round.
 *
 * <p>Repeating a command whose effect is already recorded (same ids, same content; the day it was sent aside) applies
 * nothing, so clients may retry; the same id with different content is a conflict.
 */
@Aggregate(cache = "aggregateCache")
public class InternalAudit {

    @AggregateIdentifier
    private AuditId auditId;
    private String organisationId;
    private int year;
    private InternalAuditPlannedEvent plan;
    private Team team;
    private Map<String, UnitAudit> unitAudits = new LinkedHashMap<>();
    private Map<String, AuditFindingRecordedEvent> findings = new LinkedHashMap<>();
    private AuditReportIssuedEvent report;
    private boolean closed;

    /** A unit's audit: scheduled for a date with its auditors; {@code heldOn} and the notes once it was held. */
    record UnitAudit(LocalDate date, List<String> auditors, LocalDate heldOn, List<ChecklistNote> notes) {
        boolean held() {
            return heldOn != null;
        }
    }

    protected InternalAudit() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PlanInternalAuditCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        Acting.requireOrganisation(actor, command.organisationId());
        AuditAccessPolicy.requirePlanner(actor);
        InternalAuditPlannedEvent planned = new InternalAuditPlannedEvent(command.auditId(), command.organisationId(), command.year(),
                command.title(), command.scopeUnits(), command.criteria(), command.clauses(), command.plannedFrom(),
                command.plannedTo(), command.plannedOn());
        if (plan != null) {
            if (sameContent(plan, planned)) {
                return;
            }
            throw Refusal.conflict("AUDIT_EXISTS", "auditId", "Audit " + command.auditId() + " is already planned with different content");
        }
        AuditPlanPolicy.requireValid(command);
        apply(planned);
    }

    /**
     * A re-appointment replaces the team. Scheduled unit audits keep the auditors they name, but only auditors on the
     * current team record anything, and a rescheduling names auditors of the current team.
     */
    @CommandHandler
    void handle(AppointAuditTeamCommand command, MetaData metaData) {
        AuditAccessPolicy.requirePlanner(member(metaData));
        List<TeamMember> members = command.members() == null ? List.of() : command.members();
        if (team != null && team.equals(new Team(command.leadAuditor(), members, command.decision()))) {
            return;
        }
        requireOpenForWork();
        AuditTeamPolicy.requireValid(command.leadAuditor(), members, command.decision());
        if (command.appointedOn().isBefore(plan.plannedOn())) {
            throw Refusal.ruleBroken("APPOINTED_BEFORE_PLANNING", "appointedOn", "The team is appointed once the round is planned (" + plan.plannedOn() + ")");
        }
        apply(new AuditTeamAppointedEvent(auditId, command.leadAuditor(), members, command.decision(), command.appointedOn()));
    }

    @CommandHandler
    void handle(ScheduleUnitAuditCommand command, MetaData metaData) {
        AuditAccessPolicy.requireScheduler(member(metaData), team);
        UnitAudit existing = unitAudits.get(command.unit());
        if (existing != null && Objects.equals(existing.date(), command.date()) && Objects.equals(existing.auditors(), command.auditors())) {
            return;
        }
        requireOpenForWork();
        requireInScope(command.unit());
        if (team == null) {
            throw Refusal.ruleBroken("TEAM_NOT_APPOINTED", null, "Appoint the audit team before scheduling unit audits");
        }
        if (existing != null && existing.held()) {
            throw Refusal.ruleBroken("UNIT_AUDIT_ALREADY_HELD", "unit", "The audit of " + command.unit() + " was held on " + existing.heldOn());
        }
        UnitAuditPolicy.requireSchedulable(command.unit(), command.date(), command.auditors(), team, plan.plannedFrom());
        apply(new UnitAuditScheduledEvent(auditId, command.unit(), command.date(), command.auditors()));
    }

    /** Any auditor of the team who is not from the unit records it, not only those scheduled (the team shares the work). */
    @CommandHandler
    void handle(RecordUnitAuditCommand command, MetaData metaData) {
        AuditAccessPolicy.requireAuditorOf(member(metaData), team, command.unit());
        UnitAudit existing = unitAudits.get(command.unit());
        if (existing != null && existing.held()) {
            if (existing.heldOn().equals(command.heldOn()) && existing.notes().equals(command.notes())) {
                return;
            }
            throw Refusal.conflict("UNIT_AUDIT_ALREADY_HELD", "unit",
                    "The audit of " + command.unit() + " was already recorded as held on " + existing.heldOn() + " with other notes");
        }
        requireOpenForWork();
        requireInScope(command.unit());
        if (existing == null) {
            throw Refusal.ruleBroken("UNIT_AUDIT_NOT_SCHEDULED", "unit", "The audit of " + command.unit() + " has not been scheduled");
        }
        UnitAuditPolicy.requireHoldable(command.heldOn(), command.notes(), plan.plannedFrom());
        apply(new UnitAuditHeldEvent(auditId, organisationId, year, command.unit(), command.heldOn(), command.notes()));
    }

    /** A finding records what was seen at a unit audit, so the unit's audit must have been held (not only scheduled). */
    @CommandHandler
    void handle(RecordAuditFindingCommand command, MetaData metaData) {
        AuditAccessPolicy.requireAuditorOf(member(metaData), team, command.unit());
        AuditFindingRecordedEvent recorded = new AuditFindingRecordedEvent(auditId, organisationId, year, command.findingId(),
                command.unit(), command.clause(), command.kind(), command.description(), command.evidenceSeen(),
                command.relatedObjectiveId(), command.relatedMeasureId(), command.recordedOn());
        AuditFindingRecordedEvent existing = findings.get(command.findingId().value());
        if (existing != null) {
            if (sameContent(existing, recorded)) {
                return;
            }
            throw Refusal.conflict("FINDING_EXISTS", "findingId", "Finding " + command.findingId() + " was recorded with different content");
        }
        requireOpenForWork();
        requireInScope(command.unit());
        UnitAudit unitAudit = unitAudits.get(command.unit());
        if (unitAudit == null || !unitAudit.held()) {
            throw Refusal.ruleBroken("UNIT_NOT_AUDITED", "unit", "Findings are recorded for " + command.unit() + " once its audit was held");
        }
        FindingPolicy.requireValid(command);
        if (command.recordedOn().isBefore(unitAudit.heldOn())) {
            throw Refusal.ruleBroken("FOUND_BEFORE_UNIT_AUDIT", "recordedOn",
                    "A finding is recorded at or after the audit of " + command.unit() + " (held on " + unitAudit.heldOn() + ")");
        }
        apply(recorded);
    }

    @CommandHandler
    void handle(IssueAuditReportCommand command, MetaData metaData) {
        AuditAccessPolicy.requireReporter(member(metaData), team);
        if (report != null) {
            if (Objects.equals(report.report(), command.report()) && Objects.equals(report.summary(), command.summary())) {
                return;
            }
            throw Refusal.ruleBroken("REPORT_ALREADY_ISSUED", "report", "The report was already issued on " + report.issuedOn());
        }
        AuditReportPolicy.requireIssuable(command.report(), command.summary(), command.issuedOn(),
                unitAudits.values().stream().anyMatch(UnitAudit::held));
        LocalDate lastWork = Stream.concat(unitAudits.values().stream().map(UnitAudit::heldOn).filter(Objects::nonNull),
                findings.values().stream().map(AuditFindingRecordedEvent::recordedOn)).max(LocalDate::compareTo).orElseThrow();
        if (command.issuedOn().isBefore(lastWork)) {
            throw Refusal.ruleBroken("ISSUED_BEFORE_AUDIT_WORK", "issuedOn",
                    "The report is issued after the unit audits and findings it reports on (the latest on " + lastWork + ")");
        }
        apply(new AuditReportIssuedEvent(auditId, command.report(), command.summary(), command.issuedOn()));
    }

    /** Closing twice is a retry: the round is closed once, and a repeated close stores nothing. */
    @CommandHandler
    void handle(CloseInternalAuditCommand command, MetaData metaData) {
        AuditAccessPolicy.requireCloser(member(metaData));
        if (closed) {
            return;
        }
        if (report == null) {
            throw Refusal.ruleBroken("REPORT_NOT_ISSUED", null, "An audit round is closed after its report is issued");
        }
        if (command.closedOn().isBefore(report.issuedOn())) {
            throw Refusal.ruleBroken("CLOSED_BEFORE_REPORT", "closedOn", "A round is closed after its report was issued (" + report.issuedOn() + ")");
        }
        apply(new InternalAuditClosedEvent(auditId, command.closedOn()));
    }

    // ---- guards --------------------------------------------------------------------------------------------------

    /** The actor of the command, who must belong to this audit's organisation. */
    private Actor member(MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        Acting.requireOrganisation(actor, organisationId);
        return actor;
    }

    /** The team, the programme and the findings are settled by the report. */
    private void requireOpenForWork() {
        if (closed) {
            throw Refusal.ruleBroken("AUDIT_CLOSED", null, "The audit round is closed");
        }
        if (report != null) {
            throw Refusal.ruleBroken("REPORT_ISSUED", null, "The audit's report was issued on " + report.issuedOn() + "; the round is settled");
        }
    }

    private void requireInScope(String unit) {
        if (!plan.scopeUnits().contains(unit)) {
            throw Refusal.ruleBroken("UNIT_NOT_IN_SCOPE", "unit", unit + " is not in the audit's scope (" + String.join(", ", plan.scopeUnits()) + ")");
        }
    }

    /** The same plan, whatever day it was sent. */
    private static boolean sameContent(InternalAuditPlannedEvent a, InternalAuditPlannedEvent b) {
        return a.equals(new InternalAuditPlannedEvent(b.auditId(), b.organisationId(), b.year(), b.title(), b.scopeUnits(),
                b.criteria(), b.clauses(), b.plannedFrom(), b.plannedTo(), a.plannedOn()));
    }

    /** The same finding, whatever day it was sent. */
    private static boolean sameContent(AuditFindingRecordedEvent a, AuditFindingRecordedEvent b) {
        return a.equals(new AuditFindingRecordedEvent(b.auditId(), b.organisationId(), b.year(), b.findingId(), b.unit(), b.clause(),
                b.kind(), b.description(), b.evidenceSeen(), b.relatedObjectiveId(), b.relatedMeasureId(), a.recordedOn()));
    }

    // ---- state ---------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(InternalAuditPlannedEvent event) {
        auditId = event.auditId();
        organisationId = event.organisationId();
        year = event.year();
        plan = event;
    }

    @EventSourcingHandler
    void on(AuditTeamAppointedEvent event) {
        team = new Team(event.leadAuditor(), event.members(), event.decision());
    }

    @EventSourcingHandler
    void on(UnitAuditScheduledEvent event) {
        unitAudits.put(event.unit(), new UnitAudit(event.date(), List.copyOf(event.auditors()), null, null));
    }

    @EventSourcingHandler
    void on(UnitAuditHeldEvent event) {
        unitAudits.computeIfPresent(event.unit(), (unit, scheduled) ->
                new UnitAudit(scheduled.date(), scheduled.auditors(), event.heldOn(), List.copyOf(event.notes())));
    }

    @EventSourcingHandler
    void on(AuditFindingRecordedEvent event) {
        findings.put(event.findingId().value(), event);
    }

    @EventSourcingHandler
    void on(AuditReportIssuedEvent event) {
        report = event;
    }

    @EventSourcingHandler
    void on(InternalAuditClosedEvent event) {
        closed = true;
    }
}
