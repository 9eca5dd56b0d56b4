package vn.qualityledger.query.nonconformity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import vn.qualityledger.api.audit.FindingKind;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.query.tracking.NonconformityStatus;

/**
 * A nonconformity as of a date: where it came from, and each step dated by then (later steps are left out), with who
 * did it ({@link ActorRef}, from the event's metadata; null for a step recorded before attribution was projected).
 */
public record NonconformityDetail(String nonconformityId, String organisationId, LocalDate asOf, NonconformityStatus status,
                                  LocalDate raisedOn, LocalDate closedOn, int ageDays, boolean overdue, Severity severity,
                                  String unit, String clause, String clauseTitle, String description, Origin origin,
                                  String correction, LocalDate correctedOn, String rootCause, String rootCauseMethod,
                                  LocalDate analysedOn, ActorRef raisedBy, ActorRef correctedBy, ActorRef analysedBy,
                                  List<Action> actions, List<Closure> closures) {

    NonconformityDetail withSteps(List<Action> actions, List<Closure> closures) {
        return new NonconformityDetail(nonconformityId, organisationId, asOf, status, raisedOn, closedOn, ageDays, overdue,
                severity, unit, clause, clauseTitle, description, origin, correction, correctedOn, rootCause, rootCauseMethod,
                analysedOn, raisedBy, correctedBy, analysedBy, actions, closures);
    }

    /** Who recorded a step: the user's sign-in id and name as the event's metadata carries them. */
    public record ActorRef(String actorId, String name) {
    }

    /** Where it came from; the parts that do not apply are null. */
    public record Origin(NonconformitySource source, AuditRef audit, FindingRef finding, ObjectiveRef objective,
                         String measureId, String complaintReference) {
    }

    public record AuditRef(String auditId, String title, Integer year) {
    }

    public record FindingRef(String findingId, String unit, String clause, String clauseTitle, FindingKind kind,
                             String description, String evidenceSeen, LocalDate recordedOn) {
    }

    public record ObjectiveRef(String objectiveId, String code, String statement, Integer year) {
    }

    /**
     * @param implementedOn   null when not implemented by the date
     * @param overdue         past its due date and not implemented as of the date
     * @param overdueRecorded the service recorded it overdue at its due date (as things stand now)
     * @param implementedBy   who recorded the implementation; null when not implemented by the date
     */
    public record Action(String actionId, String ownerUnit, String description, LocalDate dueDate, LocalDate plannedOn,
                         LocalDate implementedOn, DocumentReference evidence, String implementationNote, boolean overdue,
                         boolean overdueRecorded, List<Verification> verifications, ActorRef plannedBy, ActorRef implementedBy) {
    }

    // Named for the API document: springdoc names schemas by simple name, and another record is called the same.
    @Schema(name = "ActionVerification")
    public record Verification(boolean effective, String reason, LocalDate verifiedOn, ActorRef verifiedBy) {
    }

    /** A closure ({@code closed} true) or a reopening, and who recorded it. */
    public record Closure(boolean closed, LocalDate on, String note, ActorRef by) {
    }
}
