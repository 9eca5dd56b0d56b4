package vn.qualityledger.command.web;

import static vn.qualityledger.command.web.CommandAccepted.accepted;
import static vn.qualityledger.command.web.CommandAccepted.created;
import static vn.qualityledger.command.web.CommandAccepted.orNewId;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.command.reads.ReadLocations;
import vn.qualityledger.api.audit.*;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.command.web.AuditRequests.*;

/**
 * Commands about one internal audit round. Each answers once its events are stored: 201 with the id of what was
 * created, 202 with the id of what changed. Repeating a request with the same ids and body changes nothing and gets
 * the same answer.
 */
@RestController
@RequestMapping("/api/audits")
class AuditController {

    private final CommandGateway commands;
    private final ReadLocations reads;
    private final AppliedDates dates;

    AuditController(CommandGateway commands, AppliedDates dates, ReadLocations reads) {
        this.commands = commands;
        this.reads = reads;
        this.dates = dates;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> planAudit(@Valid @RequestBody PlanInternalAudit request) {
        AuditId id = new AuditId(orNewId(request.auditId()));
        commands.sendAndWait(new PlanInternalAuditCommand(id, request.organisationId(), request.year(), request.title(), request.scopeUnits(),
                request.criteria(), request.clauses(), request.plannedFrom(), request.plannedTo(), dates.of(request.plannedOn(), "plannedOn")));
        return created(reads.audit(id), id.value());
    }

    @PostMapping("/{auditId}/team")
    ResponseEntity<CommandAccepted> appointTeam(@PathVariable AuditId auditId, @Valid @RequestBody AppointAuditTeam request) {
        List<TeamMember> members = request.members() == null ? List.of() : request.members();
        commands.sendAndWait(new AppointAuditTeamCommand(auditId, request.leadAuditor(), members, request.decision(), dates.of(request.appointedOn(), "appointedOn")));
        return accepted(auditId.value());
    }

    @PostMapping("/{auditId}/unit-audits")
    ResponseEntity<CommandAccepted> scheduleUnitAudit(@PathVariable AuditId auditId, @Valid @RequestBody ScheduleUnitAudit request) {
        commands.sendAndWait(new ScheduleUnitAuditCommand(auditId, request.unit(), request.date(), request.auditors()));
        return accepted(request.unit());
    }

    @PostMapping("/{auditId}/unit-audits/held")
    ResponseEntity<CommandAccepted> recordUnitAuditHeld(@PathVariable AuditId auditId, @Valid @RequestBody RecordUnitAudit request) {
        LocalDate heldOn = dates.of(request.heldOn(), "heldOn", "HELD_IN_THE_FUTURE");
        commands.sendAndWait(new RecordUnitAuditCommand(auditId, request.unit(), heldOn, request.notes()));
        return accepted(request.unit());
    }

    @PostMapping("/{auditId}/findings")
    ResponseEntity<CommandAccepted> recordFinding(@PathVariable AuditId auditId, @Valid @RequestBody RecordAuditFinding request) {
        FindingId findingId = new FindingId(orNewId(request.findingId()));
        ObjectiveId objectiveId = request.relatedObjectiveId() == null ? null : new ObjectiveId(request.relatedObjectiveId());
        MeasureId measureId = request.relatedMeasureId() == null ? null : new MeasureId(request.relatedMeasureId());
        commands.sendAndWait(new RecordAuditFindingCommand(auditId, findingId, request.unit(), request.clause(), request.kind(),
                request.description(), request.evidenceSeen(), objectiveId, measureId, dates.of(request.recordedOn(), "recordedOn")));
        return created(reads.audit(auditId), findingId.value());
    }

    @PostMapping("/{auditId}/report")
    ResponseEntity<CommandAccepted> issueReport(@PathVariable AuditId auditId, @Valid @RequestBody IssueAuditReport request) {
        commands.sendAndWait(new IssueAuditReportCommand(auditId, request.report(), request.summary(), dates.of(request.issuedOn(), "issuedOn")));
        return accepted(auditId.value());
    }

    @PostMapping("/{auditId}/close")
    ResponseEntity<CommandAccepted> close(@PathVariable AuditId auditId, @Valid @RequestBody(required = false) CloseInternalAudit request) {
        LocalDate closedOn = dates.of(request == null ? null : request.closedOn(), "closedOn");
        commands.sendAndWait(new CloseInternalAuditCommand(auditId, closedOn));
        return accepted(auditId.value());
    }
}
