package vn.qualityledger.api.contract;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.serialization.Revision;
import vn.qualityledger.api.audit.AuditFindingRecordedEvent;
import vn.qualityledger.api.audit.AuditReportIssuedEvent;
import vn.qualityledger.api.audit.AuditTeamAppointedEvent;
import vn.qualityledger.api.audit.InternalAuditClosedEvent;
import vn.qualityledger.api.audit.InternalAuditPlannedEvent;
import vn.qualityledger.api.audit.UnitAuditHeldEvent;
import vn.qualityledger.api.audit.UnitAuditScheduledEvent;
import vn.qualityledger.api.directory.OrganisationDirectoryRecordedEvent;
import vn.qualityledger.api.ledger.CheckpointSignedEvent;
import vn.qualityledger.api.nonconformity.CorrectionRecordedEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionImplementedEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionOverdueEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionPlannedEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionVerifiedEvent;
import vn.qualityledger.api.nonconformity.NonconformityClosedEvent;
import vn.qualityledger.api.nonconformity.NonconformityRaisedEvent;
import vn.qualityledger.api.nonconformity.NonconformityReopenedEvent;
import vn.qualityledger.api.nonconformity.RootCauseAnalysedEvent;
import vn.qualityledger.api.objective.AdHocOccurrenceAddedEvent;
import vn.qualityledger.api.objective.EvidenceAcceptedEvent;
import vn.qualityledger.api.objective.EvidenceRejectedEvent;
import vn.qualityledger.api.objective.EvidenceSubmittedEvent;
import vn.qualityledger.api.objective.MeasureCancelledEvent;
import vn.qualityledger.api.objective.MeasurePlannedEvent;
import vn.qualityledger.api.objective.MeasureRevisedEvent;
import vn.qualityledger.api.objective.MeasurementRecordedEvent;
import vn.qualityledger.api.objective.ObjectiveClosedEvent;
import vn.qualityledger.api.objective.ObjectiveDefinedEvent;
import vn.qualityledger.api.objective.ObjectivePublishedEvent;
import vn.qualityledger.api.objective.ObjectiveRevisedEvent;
import vn.qualityledger.api.objective.TaskAssignedEvent;
import vn.qualityledger.api.report.ResultsReportIssuedEvent;
import vn.qualityledger.api.review.ManagementReviewCancelledEvent;
import vn.qualityledger.api.review.ManagementReviewHeldEvent;
import vn.qualityledger.api.review.ManagementReviewPlannedEvent;
import vn.qualityledger.api.review.ReviewDecisionCompletedEvent;
import vn.qualityledger.api.review.ReviewDecisionOverdueEvent;
import vn.qualityledger.api.review.ReviewDecisionRecordedEvent;
import vn.qualityledger.api.review.ReviewMinutesIssuedEvent;
import vn.qualityledger.api.review.ReviewNotesRecordedEvent;

/**
 * The published contract of the events: which event types there are, and the stable name, revision and schema of each.
 * Consumers see the stable name, never a Java class name. The name is derived from the class, and the committed schemas
 * pin every name and revision, so a renamed or moved class fails the build instead of silently renaming a published type.
 *
 * <p>Name: {@code vn.qualityledger.<feature>.<Name>}, where the feature is the event's package and the name its class's
 * simple name without "Event" (e.g. {@code vn.qualityledger.objective.EvidenceSubmitted}). A revision is the
 * {@link Revision} of the class. A stream's organisation is the {@code organisationId} of its first event
 * ({@code ObjectiveDefined}, {@code InternalAuditPlanned}, {@code NonconformityRaised}, {@code ResultsReportIssued},
 * {@code ManagementReviewPlanned}, {@code OrganisationDirectoryRecorded}); the stream of {@code CheckpointSigned} (the
 * ledger's) belongs to no organisation.
 *
 * <p>Revisions are 1, 2, 3…; every revision ever published keeps its schema file, and a stored event of an older
 * revision is upcast to the current one when read. A schema's {@code $id} (and the CloudEvents {@code dataschema}) is
 * {@link #schemaUri}: {@link #SCHEMA_ID_BASE} followed by {@link #schemaPath}, a stable name that does not depend on
 * where a service runs; query-service serves the same file at {@code /api/feed/} followed by {@link #schemaPath}.
 */
public final class EventContract {

    /** Every published event type. A new event type is added here (a test checks that none is missing). */
    public static final List<Class<?>> EVENTS = List.of(
            AuditFindingRecordedEvent.class,
            AuditReportIssuedEvent.class,
            AuditTeamAppointedEvent.class,
            InternalAuditClosedEvent.class,
            InternalAuditPlannedEvent.class,
            UnitAuditHeldEvent.class,
            UnitAuditScheduledEvent.class,
            CorrectionRecordedEvent.class,
            CorrectiveActionImplementedEvent.class,
            CorrectiveActionOverdueEvent.class,
            CorrectiveActionPlannedEvent.class,
            CorrectiveActionVerifiedEvent.class,
            NonconformityClosedEvent.class,
            NonconformityRaisedEvent.class,
            NonconformityReopenedEvent.class,
            RootCauseAnalysedEvent.class,
            AdHocOccurrenceAddedEvent.class,
            EvidenceAcceptedEvent.class,
            EvidenceRejectedEvent.class,
            EvidenceSubmittedEvent.class,
            MeasureCancelledEvent.class,
            MeasurePlannedEvent.class,
            MeasureRevisedEvent.class,
            MeasurementRecordedEvent.class,
            ObjectiveClosedEvent.class,
            ObjectiveDefinedEvent.class,
            ObjectivePublishedEvent.class,
            ObjectiveRevisedEvent.class,
            TaskAssignedEvent.class,
            ResultsReportIssuedEvent.class,
            ManagementReviewCancelledEvent.class,
            ManagementReviewHeldEvent.class,
            ManagementReviewPlannedEvent.class,
            ReviewDecisionCompletedEvent.class,
            ReviewDecisionOverdueEvent.class,
            ReviewDecisionRecordedEvent.class,
            ReviewMinutesIssuedEvent.class,
            ReviewNotesRecordedEvent.class,
            OrganisationDirectoryRecordedEvent.class,
            CheckpointSignedEvent.class);

    /** What every schema {@code $id} starts with; {@link #schemaPath} follows. */
    public static final String SCHEMA_ID_BASE = "https://qualityledger.vn/";

    private static final String PREFIX = "vn.qualityledger.";
    private static final Map<String, Class<?>> BY_CLASS_NAME = EVENTS.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getName, Function.identity()));
    private static final Map<String, Class<?>> BY_TYPE_NAME = EVENTS.stream()
            .collect(Collectors.toUnmodifiableMap(EventContract::typeName, Function.identity()));

    private EventContract() {
    }

    /** The stable name, e.g. {@code vn.qualityledger.objective.EvidenceSubmitted}. */
    public static String typeName(Class<?> eventType) {
        String feature = eventType.getPackageName().substring(eventType.getPackageName().lastIndexOf('.') + 1);
        String name = eventType.getSimpleName().replaceFirst("Event$", "");
        return PREFIX + feature + "." + name;
    }

    /** The revision the class is written at now, e.g. {@code 1}. */
    public static String revision(Class<?> eventType) {
        Revision revision = eventType.getAnnotation(Revision.class);
        if (revision == null) {
            throw new IllegalArgumentException(eventType.getName() + " has no @Revision and is not a published event");
        }
        return revision.value();
    }

    /** The CloudEvents {@code type}: the stable name and revision, e.g. {@code vn.qualityledger.objective.EvidenceSubmitted.v1}. */
    public static String cloudEventType(String typeName, String revision) {
        return typeName + ".v" + revision;
    }

    /** Where the JSON Schema of a type at a revision lies on the classpath (and under the service's schema URL). */
    public static String schemaPath(String typeName, String revision) {
        return "schemas/" + typeName.substring(PREFIX.length()).replace('.', '/') + ".v" + revision + ".schema.json";
    }

    /**
     * The {@code $id} of the schema of a type at a revision, and the CloudEvents {@code dataschema} of its events, e.g.
     * {@code https://qualityledger.vn/schemas/objective/EvidenceSubmitted.v1.schema.json}.
     */
    public static URI schemaUri(String typeName, String revision) {
        return URI.create(SCHEMA_ID_BASE + schemaPath(typeName, revision));
    }

    /** Every revision of an event type that has been published: 1 up to its current revision. */
    public static List<String> publishedRevisions(Class<?> eventType) {
        return IntStream.rangeClosed(1, Integer.parseInt(revision(eventType))).mapToObj(Integer::toString).toList();
    }

    /** The event type an Axon payload type (a class name, as the event store keeps it) stands for. */
    public static Optional<Class<?>> byPayloadType(String payloadType) {
        return Optional.ofNullable(BY_CLASS_NAME.get(payloadType));
    }

    /** The event type of a stable name. */
    public static Optional<Class<?>> byTypeName(String typeName) {
        return Optional.ofNullable(BY_TYPE_NAME.get(typeName));
    }
}
