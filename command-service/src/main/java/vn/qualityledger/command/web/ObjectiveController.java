package vn.qualityledger.command.web;

import static vn.qualityledger.command.web.CommandAccepted.accepted;
import static vn.qualityledger.command.web.CommandAccepted.created;
import static vn.qualityledger.command.web.CommandAccepted.orNewId;

import jakarta.validation.Valid;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.command.reads.ReadLocations;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.objective.*;
import vn.qualityledger.command.files.StoredFiles;
import vn.qualityledger.support.security.CurrentActor;
import vn.qualityledger.command.web.ObjectiveRequests.*;

/**
 * Commands about one objective. Each answers once its events are stored: 201 with the id of what was created,
 * 202 with the id of what changed. Repeating a request with the same ids and body changes nothing and gets the same
 * answer.
 */
@RestController
@RequestMapping("/api/objectives")
class ObjectiveController {

    private final CommandGateway commands;
    private final ReadLocations reads;
    private final AppliedDates dates;
    private final StoredFiles files;
    private final CurrentActor actors;

    ObjectiveController(CommandGateway commands, AppliedDates dates, StoredFiles files, CurrentActor actors, ReadLocations reads) {
        this.commands = commands;
        this.reads = reads;
        this.dates = dates;
        this.files = files;
        this.actors = actors;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> defineObjective(@Valid @RequestBody DefineObjective request) {
        ObjectiveId id = new ObjectiveId(orNewId(request.objectiveId()));
        commands.sendAndWait(new DefineObjectiveCommand(id, request.organisationId(), request.year(), request.code(),
                request.statement(), request.target()));
        return created(reads.objective(id), id.value());
    }

    @PostMapping("/{objectiveId}/revisions")
    ResponseEntity<CommandAccepted> reviseObjective(@PathVariable ObjectiveId objectiveId, @Valid @RequestBody ReviseObjective request) {
        commands.sendAndWait(new ReviseObjectiveCommand(objectiveId, request.statement(), request.target()));
        return accepted(objectiveId.value());
    }

    @PostMapping("/{objectiveId}/publication")
    ResponseEntity<CommandAccepted> publishObjective(@PathVariable ObjectiveId objectiveId, @Valid @RequestBody PublishObjective request) {
        dates.of(request.decision().date(), "decision.date"); // published once the decision is signed
        commands.sendAndWait(new PublishObjectiveCommand(objectiveId, request.decision()));
        return accepted(objectiveId.value());
    }

    @PostMapping("/{objectiveId}/closure")
    ResponseEntity<CommandAccepted> closeObjective(@PathVariable ObjectiveId objectiveId, @Valid @RequestBody CloseObjective request) {
        commands.sendAndWait(new CloseObjectiveCommand(objectiveId, request.assessment(), dates.of(request.closedOn(), "closedOn")));
        return accepted(objectiveId.value());
    }

    @PostMapping("/{objectiveId}/measures")
    ResponseEntity<CommandAccepted> planMeasure(@PathVariable ObjectiveId objectiveId, @Valid @RequestBody PlanMeasure request) {
        MeasureId measureId = new MeasureId(orNewId(request.measureId()));
        MeasureId parent = request.parentMeasureId() == null ? null : new MeasureId(request.parentMeasureId());
        commands.sendAndWait(new PlanMeasureCommand(objectiveId, measureId, parent, request.details()));
        return created(reads.objectivePlan(objectiveId), measureId.value());
    }

    @PostMapping("/{objectiveId}/measures/{measureId}/revisions")
    ResponseEntity<CommandAccepted> reviseMeasure(@PathVariable ObjectiveId objectiveId, @PathVariable MeasureId measureId,
                                                  @Valid @RequestBody ReviseMeasure request) {
        commands.sendAndWait(new ReviseMeasureCommand(objectiveId, measureId, request.details(), dates.of(request.revisedOn(), "revisedOn")));
        return accepted(measureId.value());
    }

    @PostMapping("/{objectiveId}/measures/{measureId}/cancellation")
    ResponseEntity<CommandAccepted> cancelMeasure(@PathVariable ObjectiveId objectiveId, @PathVariable MeasureId measureId,
                                                  @Valid @RequestBody CancelMeasure request) {
        LocalDate effectiveOn = request.effectiveOn() != null ? request.effectiveOn() : dates.today(); // may lie ahead: cancelled from then on
        commands.sendAndWait(new CancelMeasureCommand(objectiveId, measureId, request.reason(), effectiveOn));
        return accepted(measureId.value());
    }

    @PostMapping("/{objectiveId}/measures/{measureId}/occurrences")
    ResponseEntity<CommandAccepted> addAdHocOccurrence(@PathVariable ObjectiveId objectiveId, @PathVariable MeasureId measureId,
                                                       @Valid @RequestBody AddAdHocOccurrence request) {
        OccurrenceId occurrenceId = new OccurrenceId(orNewId(request.occurrenceId()));
        commands.sendAndWait(new AddAdHocOccurrenceCommand(objectiveId, measureId, occurrenceId, request.dueDate(), request.note()));
        return created(reads.objectivePlan(objectiveId), occurrenceId.value());
    }

    @PostMapping("/{objectiveId}/assignments")
    ResponseEntity<CommandAccepted> assignTask(@PathVariable ObjectiveId objectiveId, @Valid @RequestBody AssignTask request) {
        OccurrenceId occurrenceId = request.occurrenceId() == null ? null : new OccurrenceId(request.occurrenceId());
        commands.sendAndWait(new AssignTaskCommand(objectiveId, new MeasureId(request.measureId()), occurrenceId,
                request.unit(), request.person(), dates.of(request.assignedOn(), "assignedOn")));
        return accepted(occurrenceId != null ? occurrenceId.value() : request.measureId());
    }

    @PostMapping("/{objectiveId}/evidence")
    ResponseEntity<CommandAccepted> submitEvidence(@PathVariable ObjectiveId objectiveId, @Valid @RequestBody SubmitEvidence request) {
        EvidenceId evidenceId = new EvidenceId(orNewId(request.evidenceId()));
        // A cited file must be one the user's organisation uploaded; the objective's aggregate checks that the
        // objective is of that organisation too, so the file is always the objective's organisation's.
        files.requireUploaded(actors.get().map(Actor::organisation).orElse(null), request.file(), "file");
        commands.sendAndWait(new SubmitEvidenceCommand(objectiveId, evidenceId, new OccurrenceId(request.occurrenceId()),
                request.document(), dates.of(request.submittedOn(), "submittedOn"), request.file()));
        return created(reads.evidenceOf(objectiveId), evidenceId.value());
    }

    @PostMapping("/{objectiveId}/evidence/{evidenceId}/acceptance")
    ResponseEntity<CommandAccepted> acceptEvidence(@PathVariable ObjectiveId objectiveId, @PathVariable EvidenceId evidenceId,
                                                   @Valid @RequestBody(required = false) AcceptEvidence request) {
        AcceptEvidence stated = request != null ? request : new AcceptEvidence(null, null);
        LocalDate acceptedOn = dates.of(stated.acceptedOn(), "acceptedOn");
        LocalDate effectiveOn = stated.effectiveOn() != null ? stated.effectiveOn() : acceptedOn;
        commands.sendAndWait(new AcceptEvidenceCommand(objectiveId, evidenceId, acceptedOn, effectiveOn));
        return accepted(evidenceId.value());
    }

    @PostMapping("/{objectiveId}/evidence/{evidenceId}/rejection")
    ResponseEntity<CommandAccepted> rejectEvidence(@PathVariable ObjectiveId objectiveId, @PathVariable EvidenceId evidenceId,
                                                   @Valid @RequestBody RejectEvidence request) {
        commands.sendAndWait(new RejectEvidenceCommand(objectiveId, evidenceId, request.reason(), dates.of(request.rejectedOn(), "rejectedOn")));
        return accepted(evidenceId.value());
    }

    @PostMapping("/{objectiveId}/measurements")
    ResponseEntity<CommandAccepted> recordMeasurement(@PathVariable ObjectiveId objectiveId, @Valid @RequestBody RecordMeasurement request) {
        MeasurementId measurementId = new MeasurementId(orNewId(request.measurementId()));
        commands.sendAndWait(new RecordMeasurementCommand(objectiveId, measurementId, request.period(), request.numerator(),
                request.denominator(), request.value(), request.source(), dates.of(request.recordedOn(), "recordedOn")));
        return created(reads.objectivePlan(objectiveId), measurementId.value());
    }
}
