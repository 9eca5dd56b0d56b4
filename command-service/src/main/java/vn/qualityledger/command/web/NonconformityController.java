package vn.qualityledger.command.web;

import static vn.qualityledger.command.web.CommandAccepted.accepted;
import static vn.qualityledger.command.web.CommandAccepted.created;
import static vn.qualityledger.command.web.CommandAccepted.orNewId;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.command.reads.ReadLocations;
import vn.qualityledger.api.nonconformity.*;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.command.web.NonconformityRequests.*;

/**
 * Commands about nonconformities and their corrective actions: 201 with the id of what was created, 202 with the id of
 * what changed, once the events are stored. Repeating a request with the same ids and body changes nothing.
 */
@RestController
@RequestMapping("/api/nonconformities")
class NonconformityController {

    private final CommandGateway commands;
    private final ReadLocations reads;
    private final AppliedDates dates;

    NonconformityController(CommandGateway commands, AppliedDates dates, ReadLocations reads) {
        this.commands = commands;
        this.reads = reads;
        this.dates = dates;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> raise(@Valid @RequestBody RaiseNonconformity request) {
        NonconformityId id = new NonconformityId(orNewId(request.nonconformityId()));
        NonconformityOrigin origin = new NonconformityOrigin(NonconformitySource.valueOf(request.source().name()), null, null,
                request.objectiveId() == null ? null : new ObjectiveId(request.objectiveId()),
                request.measureId() == null ? null : new MeasureId(request.measureId()), request.complaintReference());
        commands.sendAndWait(new RaiseNonconformityCommand(id, request.organisationId(), origin, request.severity(), request.unit(),
                request.clause(), request.description(), dates.of(request.raisedOn(), "raisedOn")));
        return created(reads.nonconformity(id), id.value());
    }

    @PostMapping("/{nonconformityId}/correction")
    ResponseEntity<CommandAccepted> recordCorrection(@PathVariable NonconformityId nonconformityId, @Valid @RequestBody RecordCorrection request) {
        commands.sendAndWait(new RecordCorrectionCommand(nonconformityId, request.correction(), dates.of(request.correctedOn(), "correctedOn")));
        return accepted(nonconformityId.value());
    }

    @PostMapping("/{nonconformityId}/root-cause")
    ResponseEntity<CommandAccepted> analyseRootCause(@PathVariable NonconformityId nonconformityId, @Valid @RequestBody AnalyseRootCause request) {
        commands.sendAndWait(new AnalyseRootCauseCommand(nonconformityId, request.rootCause(), request.method(), dates.of(request.analysedOn(), "analysedOn")));
        return accepted(nonconformityId.value());
    }

    @PostMapping("/{nonconformityId}/actions")
    ResponseEntity<CommandAccepted> planAction(@PathVariable NonconformityId nonconformityId, @Valid @RequestBody PlanCorrectiveAction request) {
        CorrectiveActionId actionId = new CorrectiveActionId(orNewId(request.actionId()));
        commands.sendAndWait(new PlanCorrectiveActionCommand(nonconformityId, actionId, request.ownerUnit(), request.description(),
                request.dueDate(), dates.of(request.plannedOn(), "plannedOn")));
        return created(reads.nonconformity(nonconformityId), actionId.value());
    }

    @PostMapping("/{nonconformityId}/actions/{actionId}/implementation")
    ResponseEntity<CommandAccepted> implementAction(@PathVariable NonconformityId nonconformityId, @PathVariable CorrectiveActionId actionId,
                                                    @Valid @RequestBody ImplementCorrectiveAction request) {
        commands.sendAndWait(new ImplementCorrectiveActionCommand(nonconformityId, actionId, request.evidence(), request.note(), dates.of(request.implementedOn(), "implementedOn")));
        return accepted(actionId.value());
    }

    @PostMapping("/{nonconformityId}/actions/{actionId}/verification")
    ResponseEntity<CommandAccepted> verifyAction(@PathVariable NonconformityId nonconformityId, @PathVariable CorrectiveActionId actionId,
                                                 @Valid @RequestBody VerifyActionEffectiveness request) {
        commands.sendAndWait(new VerifyActionEffectivenessCommand(nonconformityId, actionId, request.effective(), request.reason(), dates.of(request.verifiedOn(), "verifiedOn")));
        return accepted(actionId.value());
    }

    @PostMapping("/{nonconformityId}/close")
    ResponseEntity<CommandAccepted> close(@PathVariable NonconformityId nonconformityId,
                                          @Valid @RequestBody(required = false) CloseNonconformity request) {
        CloseNonconformity stated = request != null ? request : new CloseNonconformity(null, null);
        commands.sendAndWait(new CloseNonconformityCommand(nonconformityId, stated.note(), dates.of(stated.closedOn(), "closedOn")));
        return accepted(nonconformityId.value());
    }

    @PostMapping("/{nonconformityId}/reopen")
    ResponseEntity<CommandAccepted> reopen(@PathVariable NonconformityId nonconformityId, @Valid @RequestBody ReopenNonconformity request) {
        commands.sendAndWait(new ReopenNonconformityCommand(nonconformityId, request.reason(), dates.of(request.reopenedOn(), "reopenedOn")));
        return accepted(nonconformityId.value());
    }
}
