package vn.qualityledger.command.objective;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.objective.*;
import vn.qualityledger.api.common.FileReference;
import vn.qualityledger.command.common.Refusal;

/**
 * A quality objective (MTCL) of one organisation and year, with its plan and the work done under it: one event stream
 * per objective, so that an objective's whole history is one stream.
 *
 * <p>Repeating a command whose effect is already recorded (same ids, same content) applies nothing, so clients may
 * retry; the same id with different content is a conflict.
 *
 * <p>Snapshots are this object written as JSON (fields, not getters), hence {@link JsonAutoDetect}.
 */
@Aggregate(snapshotTriggerDefinition = "objectiveSnapshotTrigger", cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class Objective {

    @AggregateIdentifier
    private ObjectiveId objectiveId;
    private String organisationId;
    private int year;
    private String code;
    private String statement;
    private Target target;
    private Decision decision;
    private boolean closed;
    private Map<String, Measure> measures = new LinkedHashMap<>();
    private Map<String, Occurrence> occurrences = new LinkedHashMap<>();
    private Map<String, Evidence> evidence = new LinkedHashMap<>();
    private Map<String, MeasurementRecordedEvent> measurements = new LinkedHashMap<>();

    /** Where a measure stands; {@code assignedUnit} is null until the measure is assigned. */
    record Measure(MeasureId parentMeasureId, MeasureDetails details, LocalDate cancelledOn, String cancelReason,
                   String assignedUnit, String assignedPerson) {
        boolean cancelled() {
            return cancelledOn != null;
        }
    }

    record Occurrence(MeasureId measureId, LocalDate dueDate, boolean cancelled, EvidenceId acceptedEvidence,
                      String assignedUnit, String assignedPerson) {
        boolean complete() {
            return acceptedEvidence != null;
        }
    }

    enum EvidenceStatus { SUBMITTED, ACCEPTED, REJECTED }

    /** {@code submittedBy}: the id of the user who filed it (from the event's metadata; null for unattributed events). */
    record Evidence(OccurrenceId occurrenceId, DocumentReference document, LocalDate submittedOn, EvidenceStatus status,
                    LocalDate decidedOn, LocalDate effectiveOn, String reason, String submittedBy, FileReference file) {
    }

    protected Objective() {
        // for Axon and for snapshots
    }

    // ---- the objective itself -----------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DefineObjectiveCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        AccessPolicy.requireOrganisation(actor, command.organisationId());
        AccessPolicy.requirePlanner(actor);
        if (objectiveId != null) {
            if (standingOf(command) == Standing.RECORDED) {
                return;
            }
            throw Refusal.conflict("OBJECTIVE_EXISTS", "objectiveId",
                    "Objective " + command.objectiveId() + " is already defined with different content");
        }
        TargetPolicy.requireValid(command.target(), "target");
        requireYear(command.year());
        apply(new ObjectiveDefinedEvent(command.objectiveId(), command.organisationId(), command.year(), command.code(),
                command.statement(), command.target()));
    }

    @CommandHandler
    void handle(ReviseObjectiveCommand command, MetaData metaData) {
        AccessPolicy.requirePlanner(member(metaData));
        requireOpen();
        TargetPolicy.requireValid(command.target(), "target");
        if (statement.equals(command.statement()) && Objects.equals(target, command.target())) {
            return;
        }
        if (command.target() == null && !measurements.isEmpty()) {
            throw Refusal.ruleBroken("TARGET_MEASURED", "target",
                    "The target cannot be removed once measurements have been recorded against it");
        }
        apply(new ObjectiveRevisedEvent(objectiveId, command.statement(), command.target()));
    }

    @CommandHandler
    void handle(PublishObjectiveCommand command, MetaData metaData) {
        AccessPolicy.requirePlanner(member(metaData));
        requireOpen();
        if (decision != null) {
            if (standingOf(command) == Standing.RECORDED) {
                return;
            }
            throw Refusal.ruleBroken("OBJECTIVE_ALREADY_PUBLISHED", "decision",
                    "The objective was already published under decision " + decision.number());
        }
        apply(new ObjectivePublishedEvent(objectiveId, command.decision()));
    }

    @CommandHandler
    void handle(CloseObjectiveCommand command, MetaData metaData) {
        AccessPolicy.requireCloser(member(metaData));
        if (closed) {
            throw Refusal.ruleBroken("OBJECTIVE_CLOSED", null, "The objective's year is already closed");
        }
        Assessment assessment = command.assessment();
        if (!assessment.achieved() && isBlank(assessment.reason())) {
            throw Refusal.ruleBroken("ASSESSMENT_REASON_REQUIRED", "assessment.reason",
                    "An objective assessed as not achieved needs a reason");
        }
        if (command.closedOn().getYear() < year) {
            throw Refusal.ruleBroken("CLOSED_BEFORE_YEAR", "closedOn", "An objective cannot be closed before its year");
        }
        apply(new ObjectiveClosedEvent(objectiveId, assessment, command.closedOn()));
    }

    // ---- the plan ------------------------------------------------------------------------------------------------

    @CommandHandler
    void handle(PlanMeasureCommand command, MetaData metaData) {
        AccessPolicy.requirePlanner(member(metaData));
        requireOpen();
        String id = command.measureId().value();
        Measure existing = measures.get(id);
        if (existing != null) {
            if (standingOf(command) == Standing.RECORDED) {
                return;
            }
            throw Refusal.conflict("MEASURE_EXISTS", "measureId", "Measure " + id + " is already planned with different content");
        }
        if (command.parentMeasureId() != null) {
            Measure parent = measures.get(command.parentMeasureId().value());
            if (parent == null) {
                throw Refusal.notFound("MEASURE_NOT_FOUND", "parentMeasureId", "No measure " + command.parentMeasureId());
            }
            if (parent.parentMeasureId() != null) {
                throw Refusal.ruleBroken("SUB_MEASURE_TOO_DEEP", "parentMeasureId", "A sub-measure cannot have sub-measures");
            }
            if (parent.cancelled()) {
                throw Refusal.ruleBroken("MEASURE_CANCELLED", "parentMeasureId", "Measure " + command.parentMeasureId() + " is cancelled");
            }
        }
        requireUniqueCode(command.details().code(), id);
        List<ScheduledOccurrence> scheduled = ScheduleExpansion.occurrences(command.measureId(), command.details().schedule(), year);
        apply(new MeasurePlannedEvent(objectiveId, command.measureId(), command.parentMeasureId(), command.details(), scheduled));
    }

    @CommandHandler
    void handle(ReviseMeasureCommand command, MetaData metaData) {
        AccessPolicy.requirePlanner(member(metaData));
        requireOpen();
        Measure measure = liveMeasure(command.measureId(), "measureId");
        if (measure.details().equals(command.details())) {
            return;
        }
        requireUniqueCode(command.details().code(), command.measureId().value());
        List<ScheduledOccurrence> wanted = ScheduleExpansion.occurrences(command.measureId(), command.details().schedule(), year);
        List<ScheduledOccurrence> added = new ArrayList<>();
        for (ScheduledOccurrence occurrence : wanted) {
            Occurrence current = occurrences.get(occurrence.occurrenceId().value());
            if (current == null || current.cancelled()) {
                added.add(occurrence);
            }
        }
        List<OccurrenceId> cancelled = new ArrayList<>();
        occurrences.forEach((occurrenceId, occurrence) -> {
            boolean stillScheduled = wanted.stream().anyMatch(w -> w.occurrenceId().value().equals(occurrenceId));
            boolean scheduledWork = occurrenceId.equals(ScheduleExpansion.occurrenceId(command.measureId(), occurrence.dueDate()).value());
            if (occurrence.measureId().equals(command.measureId()) && scheduledWork && !stillScheduled
                    && !occurrence.cancelled() && !occurrence.complete()) {
                cancelled.add(new OccurrenceId(occurrenceId));
            }
        });
        apply(new MeasureRevisedEvent(objectiveId, command.measureId(), command.details(), added, cancelled, command.revisedOn()));
    }

    @CommandHandler
    void handle(CancelMeasureCommand command, MetaData metaData) {
        AccessPolicy.requirePlanner(member(metaData));
        requireOpen();
        Measure measure = measure(command.measureId(), "measureId");
        if (measure.cancelled()) {
            return;
        }
        List<MeasureId> liveSubMeasures = measures.entrySet().stream()
                .filter(e -> command.measureId().equals(e.getValue().parentMeasureId()) && !e.getValue().cancelled())
                .map(e -> new MeasureId(e.getKey()))
                .toList();
        apply(new MeasureCancelledEvent(objectiveId, command.measureId(), command.reason(), command.effectiveOn()));
        liveSubMeasures.forEach(sub -> apply(new MeasureCancelledEvent(objectiveId, sub, command.reason(), command.effectiveOn())));
    }

    @CommandHandler
    void handle(AddAdHocOccurrenceCommand command, MetaData metaData) {
        AccessPolicy.requirePlanner(member(metaData));
        requireOpen();
        liveMeasure(command.measureId(), "measureId");
        if (command.dueDate().getYear() != year) {
            // An objective is a year's; its work is due within that year (the plan's schedules expand within it too).
            throw Refusal.ruleBroken("OCCURRENCE_OUTSIDE_YEAR", "dueDate", "An occurrence of a " + year + " objective is due within " + year);
        }
        Occurrence existing = occurrences.get(command.occurrenceId().value());
        if (existing != null) {
            if (existing.measureId().equals(command.measureId()) && existing.dueDate().equals(command.dueDate())) {
                return;
            }
            throw Refusal.conflict("OCCURRENCE_EXISTS", "occurrenceId", "Occurrence " + command.occurrenceId() + " already exists");
        }
        apply(new AdHocOccurrenceAddedEvent(objectiveId, command.measureId(),
                new ScheduledOccurrence(command.occurrenceId(), command.dueDate()), command.note()));
    }

    // ---- the work ------------------------------------------------------------------------------------------------

    @CommandHandler
    void handle(AssignTaskCommand command, MetaData metaData) {
        Actor actor = member(metaData);
        requireOpen();
        Measure measure = liveMeasure(command.measureId(), "measureId");
        if (command.occurrenceId() == null) {
            AccessPolicy.requireAssigner(actor, unitsOfTheWork(measure), command.unit());
            if (command.unit().equals(measure.assignedUnit()) && Objects.equals(command.person(), measure.assignedPerson())) {
                return;
            }
            WorkDates.requireNotBefore(command.assignedOn(), workOpensOn(occurrences.values().stream()
                    .filter(o -> o.measureId().equals(command.measureId())).map(Occurrence::dueDate)), "assignedOn");
        } else {
            Occurrence occurrence = openOccurrence(command.occurrenceId(), "occurrenceId");
            AccessPolicy.requireAssigner(actor, unitsOfTheWork(occurrence), command.unit());
            if (!occurrence.measureId().equals(command.measureId())) {
                throw Refusal.ruleBroken("OCCURRENCE_OF_OTHER_MEASURE", "occurrenceId",
                        "Occurrence " + command.occurrenceId() + " belongs to measure " + occurrence.measureId());
            }
            if (command.unit().equals(occurrence.assignedUnit()) && Objects.equals(command.person(), occurrence.assignedPerson())) {
                return;
            }
            WorkDates.requireNotBefore(command.assignedOn(), workOpensOn(Stream.of(occurrence.dueDate())), "assignedOn");
        }
        apply(new TaskAssignedEvent(objectiveId, command.measureId(), command.occurrenceId(), command.unit(),
                command.person(), command.assignedOn()));
    }

    @CommandHandler
    void handle(SubmitEvidenceCommand command, MetaData metaData) {
        Actor actor = member(metaData);
        requireOpen();
        Evidence existing = evidence.get(command.evidenceId().value());
        if (existing != null) {
            if (existing.occurrenceId().equals(command.occurrenceId()) && existing.document().equals(command.document())
                    && Objects.equals(existing.file(), command.file())) {
                return;
            }
            throw Refusal.conflict("EVIDENCE_EXISTS", "evidenceId", "Evidence " + command.evidenceId() + " was filed with different content");
        }
        Occurrence occurrence = openOccurrence(command.occurrenceId(), "occurrenceId");
        liveMeasure(occurrence.measureId(), "occurrenceId");
        AccessPolicy.requireWorker(actor, unitsOfTheWork(occurrence));
        WorkDates.requireNotBefore(command.submittedOn(), workOpensOn(Stream.of(occurrence.dueDate())), "submittedOn");
        if (command.document().date().isAfter(command.submittedOn())) {
            throw Refusal.ruleBroken("DOCUMENT_DATED_AFTER_SUBMISSION", "document.date",
                    "A document cannot be dated after the day it is submitted");
        }
        EvidenceFilePolicy.requireSameCopy(command.document(), command.file());
        apply(new EvidenceSubmittedEvent(objectiveId, command.evidenceId(), occurrence.measureId(), command.occurrenceId(),
                command.document(), command.submittedOn(), command.file()));
    }

    @CommandHandler
    void handle(AcceptEvidenceCommand command, MetaData metaData) {
        Actor actor = member(metaData);
        requireOpen();
        Evidence submitted = evidence(command.evidenceId());
        AccessPolicy.requireReviewer(actor, monitorsOf(submitted), submitted.submittedBy());
        if (submitted.status() == EvidenceStatus.ACCEPTED && submitted.effectiveOn().equals(command.effectiveOn())) {
            return; // a retry of the acceptance already recorded
        }
        EvidenceReviewPolicy.requireUndecided(submitted, command.evidenceId());
        Occurrence occurrence = occurrences.get(submitted.occurrenceId().value());
        if (occurrence.complete()) {
            throw Refusal.ruleBroken("OCCURRENCE_ALREADY_COMPLETE", "evidenceId",
                    "Occurrence " + submitted.occurrenceId() + " is already complete with evidence " + occurrence.acceptedEvidence());
        }
        if (occurrence.cancelled()) {
            throw Refusal.ruleBroken("OCCURRENCE_CANCELLED", "evidenceId", "Occurrence " + submitted.occurrenceId() + " is cancelled");
        }
        EvidenceReviewPolicy.requirePlausibleEffectiveDate(submitted, command.effectiveOn(), command.acceptedOn());
        apply(new EvidenceAcceptedEvent(objectiveId, command.evidenceId(), occurrence.measureId(), submitted.occurrenceId(),
                command.acceptedOn(), command.effectiveOn()));
    }

    @CommandHandler
    void handle(RejectEvidenceCommand command, MetaData metaData) {
        Actor actor = member(metaData);
        requireOpen();
        Evidence submitted = evidence(command.evidenceId());
        AccessPolicy.requireReviewer(actor, monitorsOf(submitted), submitted.submittedBy());
        if (submitted.status() == EvidenceStatus.REJECTED && submitted.reason().equals(command.reason())) {
            return; // a retry of the rejection already recorded
        }
        EvidenceReviewPolicy.requireUndecided(submitted, command.evidenceId());
        if (command.rejectedOn().isBefore(submitted.submittedOn())) {
            throw Refusal.ruleBroken("DECIDED_BEFORE_SUBMISSION", "rejectedOn", "Evidence cannot be rejected before it was submitted");
        }
        Occurrence occurrence = occurrences.get(submitted.occurrenceId().value());
        apply(new EvidenceRejectedEvent(objectiveId, command.evidenceId(), occurrence.measureId(), submitted.occurrenceId(),
                command.reason(), command.rejectedOn()));
    }

    @CommandHandler
    void handle(RecordMeasurementCommand command, MetaData metaData) {
        AccessPolicy.requirePlanner(member(metaData));
        requireOpen();
        BigDecimal value = MeasurementPolicy.value(command, target, year);
        MeasurementRecordedEvent recorded = new MeasurementRecordedEvent(objectiveId, command.measurementId(), command.period(),
                command.numerator(), command.denominator(), value, command.source(), command.recordedOn());
        MeasurementRecordedEvent existing = measurements.get(command.measurementId().value());
        if (existing != null) {
            if (existing.equals(new MeasurementRecordedEvent(objectiveId, command.measurementId(), command.period(),
                    command.numerator(), command.denominator(), value, command.source(), existing.recordedOn()))) {
                return;
            }
            throw Refusal.conflict("MEASUREMENT_EXISTS", "measurementId",
                    "Measurement " + command.measurementId() + " was recorded with different content; record a correction under a new id");
        }
        apply(recorded);
    }

    // ---- guards --------------------------------------------------------------------------------------------------

    /** The actor of the command, who must belong to this objective's organisation. */
    private Actor member(MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        AccessPolicy.requireOrganisation(actor, organisationId);
        return actor;
    }

    /** Whose work an occurrence is: its own assignment, else its measure's. */
    private Collection<String> unitsOfTheWork(Occurrence occurrence) {
        return occurrence.assignedUnit() != null ? List.of(occurrence.assignedUnit())
                : unitsOfTheWork(measures.get(occurrence.measureId().value()));
    }

    /** Whose work a measure is: its assignment, else its lead units. */
    private static Collection<String> unitsOfTheWork(Measure measure) {
        return measure.assignedUnit() != null ? List.of(measure.assignedUnit()) : measure.details().leadUnits();
    }

    private List<String> monitorsOf(Evidence submitted) {
        Occurrence occurrence = occurrences.get(submitted.occurrenceId().value());
        return measures.get(occurrence.measureId().value()).details().monitors();
    }

    private LocalDate workOpensOn(Stream<LocalDate> dueDates) {
        return WorkDates.opensOn(year, decision, dueDates);
    }

    private void requireOpen() {
        if (closed) {
            throw Refusal.ruleBroken("OBJECTIVE_CLOSED", null, "The objective's year is closed; no further work is accepted");
        }
    }

    private static void requireYear(int year) {
        if (year < 2000 || year > 2100) {
            throw Refusal.ruleBroken("YEAR_OUT_OF_RANGE", "year", "The year must be between 2000 and 2100");
        }
    }

    private void requireUniqueCode(String measureCode, String measureId) {
        measures.forEach((otherId, other) -> {
            if (!otherId.equals(measureId) && other.details().code().equals(measureCode)) {
                throw Refusal.conflict("MEASURE_CODE_TAKEN", "details.code", "Measure " + otherId + " already has code " + measureCode);
            }
        });
    }

    private Measure measure(MeasureId measureId, String field) {
        Measure measure = measures.get(measureId.value());
        if (measure == null) {
            throw Refusal.notFound("MEASURE_NOT_FOUND", field, "No measure " + measureId + " in objective " + objectiveId);
        }
        return measure;
    }

    private Measure liveMeasure(MeasureId measureId, String field) {
        Measure measure = measure(measureId, field);
        if (measure.cancelled()) {
            throw Refusal.ruleBroken("MEASURE_CANCELLED", field, "Measure " + measureId + " is cancelled");
        }
        return measure;
    }

    private Occurrence openOccurrence(OccurrenceId occurrenceId, String field) {
        Occurrence occurrence = occurrences.get(occurrenceId.value());
        if (occurrence == null) {
            throw Refusal.notFound("OCCURRENCE_NOT_FOUND", field, "No occurrence " + occurrenceId + " in objective " + objectiveId);
        }
        if (occurrence.cancelled()) {
            throw Refusal.ruleBroken("OCCURRENCE_CANCELLED", field, "Occurrence " + occurrenceId + " is cancelled");
        }
        if (occurrence.complete()) {
            throw Refusal.ruleBroken("OCCURRENCE_ALREADY_COMPLETE", field,
                    "Occurrence " + occurrenceId + " is already complete with evidence " + occurrence.acceptedEvidence());
        }
        return occurrence;
    }

    private Evidence evidence(EvidenceId evidenceId) {
        Evidence found = evidence.get(evidenceId.value());
        if (found == null) {
            throw Refusal.notFound("EVIDENCE_NOT_FOUND", "evidenceId", "No evidence " + evidenceId + " in objective " + objectiveId);
        }
        return found;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    // ---- how a command of the plan compares with what is recorded (the handlers above and the plan import's preview) ----

    /** Whether a plan command would add something ({@code NEW}), is already recorded as it is, or clashes with a different record. */
    public enum Standing { NEW, RECORDED, DIFFERENT }

    public Standing standingOf(DefineObjectiveCommand command) {
        if (objectiveId == null) {
            return Standing.NEW;
        }
        boolean same = organisationId.equals(command.organisationId()) && year == command.year()
                && code.equals(command.code()) && statement.equals(command.statement())
                && Objects.equals(target, command.target());
        return same ? Standing.RECORDED : Standing.DIFFERENT;
    }

    public Standing standingOf(PlanMeasureCommand command) {
        Measure existing = measures.get(command.measureId().value());
        if (existing == null) {
            return Standing.NEW;
        }
        boolean same = existing.details().equals(command.details()) && Objects.equals(existing.parentMeasureId(), command.parentMeasureId());
        return same ? Standing.RECORDED : Standing.DIFFERENT;
    }

    public Standing standingOf(PublishObjectiveCommand command) {
        if (decision == null) {
            return Standing.NEW;
        }
        return decision.equals(command.decision()) ? Standing.RECORDED : Standing.DIFFERENT;
    }

    /** The decision the objective was published under; null while it is a draft. */
    public Decision publishedUnder() {
        return decision;
    }

    public boolean isClosed() {
        return closed;
    }

    // ---- state ---------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ObjectiveDefinedEvent event) {
        objectiveId = event.objectiveId();
        organisationId = event.organisationId();
        year = event.year();
        code = event.code();
        statement = event.statement();
        target = event.target();
    }

    @EventSourcingHandler
    void on(ObjectiveRevisedEvent event) {
        statement = event.statement();
        target = event.target();
    }

    @EventSourcingHandler
    void on(ObjectivePublishedEvent event) {
        decision = event.decision();
    }

    @EventSourcingHandler
    void on(ObjectiveClosedEvent event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(MeasurePlannedEvent event) {
        measures.put(event.measureId().value(), new Measure(event.parentMeasureId(), event.details(), null, null, null, null));
        addOccurrences(event.measureId(), event.occurrences());
    }

    @EventSourcingHandler
    void on(MeasureRevisedEvent event) {
        measures.computeIfPresent(event.measureId().value(), (id, m) ->
                new Measure(m.parentMeasureId(), event.details(), null, null, m.assignedUnit(), m.assignedPerson()));
        addOccurrences(event.measureId(), event.addedOccurrences());
        event.cancelledOccurrences().forEach(id -> occurrences.computeIfPresent(id.value(), (k, o) -> cancelled(o)));
    }

    @EventSourcingHandler
    void on(MeasureCancelledEvent event) {
        measures.computeIfPresent(event.measureId().value(), (id, m) -> new Measure(m.parentMeasureId(), m.details(),
                event.effectiveOn(), event.reason(), m.assignedUnit(), m.assignedPerson()));
        occurrences.replaceAll((id, o) -> o.measureId().equals(event.measureId()) && !o.complete() ? cancelled(o) : o);
    }

    @EventSourcingHandler
    void on(AdHocOccurrenceAddedEvent event) {
        addOccurrences(event.measureId(), List.of(event.occurrence()));
    }

    @EventSourcingHandler
    void on(TaskAssignedEvent event) {
        if (event.occurrenceId() == null) {
            measures.computeIfPresent(event.measureId().value(), (id, m) -> new Measure(m.parentMeasureId(), m.details(),
                    m.cancelledOn(), m.cancelReason(), event.unit(), event.person()));
        } else {
            occurrences.computeIfPresent(event.occurrenceId().value(), (id, o) -> new Occurrence(o.measureId(), o.dueDate(),
                    o.cancelled(), o.acceptedEvidence(), event.unit(), event.person()));
        }
    }

    @EventSourcingHandler
    void on(EvidenceSubmittedEvent event, @MetaDataValue(Actor.ID) String submittedBy) {
        evidence.put(event.evidenceId().value(), new Evidence(event.occurrenceId(), event.document(), event.submittedOn(),
                EvidenceStatus.SUBMITTED, null, null, null, submittedBy, event.file()));
    }

    @EventSourcingHandler
    void on(EvidenceAcceptedEvent event) {
        evidence.computeIfPresent(event.evidenceId().value(), (id, e) -> new Evidence(e.occurrenceId(), e.document(),
                e.submittedOn(), EvidenceStatus.ACCEPTED, event.acceptedOn(), event.effectiveOn(), null, e.submittedBy(), e.file()));
        occurrences.computeIfPresent(event.occurrenceId().value(), (id, o) -> new Occurrence(o.measureId(), o.dueDate(),
                o.cancelled(), event.evidenceId(), o.assignedUnit(), o.assignedPerson()));
    }

    @EventSourcingHandler
    void on(EvidenceRejectedEvent event) {
        evidence.computeIfPresent(event.evidenceId().value(), (id, e) -> new Evidence(e.occurrenceId(), e.document(),
                e.submittedOn(), EvidenceStatus.REJECTED, event.rejectedOn(), null, event.reason(), e.submittedBy(), e.file()));
    }

    @EventSourcingHandler
    void on(MeasurementRecordedEvent event) {
        measurements.put(event.measurementId().value(), event);
    }

    private void addOccurrences(MeasureId measureId, List<ScheduledOccurrence> scheduled) {
        for (ScheduledOccurrence s : scheduled) {
            occurrences.put(s.occurrenceId().value(), new Occurrence(measureId, s.dueDate(), false, null, null, null));
        }
    }

    private static Occurrence cancelled(Occurrence o) {
        return new Occurrence(o.measureId(), o.dueDate(), true, o.acceptedEvidence(), o.assignedUnit(), o.assignedPerson());
    }
}
