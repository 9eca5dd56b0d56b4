package vn.qualityledger.query.review;

import java.util.List;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.review.ManagementReviewCancelledEvent;
import vn.qualityledger.api.review.ManagementReviewHeldEvent;
import vn.qualityledger.api.review.ManagementReviewPlannedEvent;
import vn.qualityledger.api.review.ReviewDecisionCompletedEvent;
import vn.qualityledger.api.review.ReviewDecisionOverdueEvent;
import vn.qualityledger.api.review.ReviewDecisionRecordedEvent;
import vn.qualityledger.api.review.ReviewMinutesIssuedEvent;
import vn.qualityledger.api.review.ReviewNotes;
import vn.qualityledger.api.review.ReviewNotesRecordedEvent;
import vn.qualityledger.api.review.ReviewPerson;
import vn.qualityledger.query.progress.JdbcProjection;
import vn.qualityledger.query.progress.ReadModelSchema;

/**
 * Keeps the management-review tables of schema {@code query} in step with the review streams: the date and the actor
 * (from the metadata: who did it is never a field) of every step. Decision status and whether a review is due are left
 * to the reads ({@link ManagementReviewRepository}), which compute them for any date. Every handler gives the same
 * rows when an event is delivered again.
 */
@Component
@ProcessingGroup(ManagementReviewProjection.PROCESSING_GROUP)
public class ManagementReviewProjection extends JdbcProjection {

    public static final String PROCESSING_GROUP = "management-review";
    /** Its tables, which a replay rebuilds from nothing. */
    public static final List<String> TABLES = List.of("management_review", "review_decision");


    @Autowired
    public ManagementReviewProjection(JdbcTemplate jdbc) {
        this(jdbc, ReadModelSchema.LIVE_SCHEMA);
    }

    private ManagementReviewProjection(JdbcTemplate jdbc, String schema) {
        super(jdbc, schema, TABLES);
    }

    @Override
    public ManagementReviewProjection writingTo(String schema) {
        return new ManagementReviewProjection(jdbc(), schema);
    }


    @EventHandler
    void on(ManagementReviewPlannedEvent event, MetaData metaData) {
        List<ReviewPerson> participants = event.participants() == null ? List.of() : event.participants();
        update("""
                INSERT INTO management_review (id, organisation_id, title, trigger, audit_id, period_from, period_to,
                    scheduled_on, chair_name, chair_title, participant_names, participant_titles, planned_on, planned_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?)
                ON CONFLICT (id) DO NOTHING
                """,
                event.reviewId().value(), event.organisationId(), event.title(), event.trigger().name(),
                event.auditId() == null ? null : event.auditId().value(), event.periodFrom(), event.periodTo(),
                event.scheduledOn(), event.chair().name(), event.chair().title(), names(participants), titles(participants),
                event.plannedOn(), actorName(metaData));
    }

    /** Replaces the earlier notes as a whole (the contract: notes are recorded whole, only before the meeting). */
    @EventHandler
    void on(ReviewNotesRecordedEvent event, MetaData metaData) {
        ReviewNotes notes = event.notes();
        update("""
                UPDATE management_review SET notes_context_changes = ?, notes_stakeholder_feedback = ?,
                    notes_external_providers = ?, notes_resource_adequacy = ?, notes_risks_and_opportunities = ?,
                    notes_improvement_proposals = ?, notes_other = ?, notes_recorded_on = ?, notes_recorded_by = ?
                WHERE id = ?
                """,
                notes.contextChanges(), notes.stakeholderFeedback(), notes.externalProviders(), notes.resourceAdequacy(),
                notes.risksAndOpportunities(), notes.improvementProposals(), notes.other(), event.recordedOn(),
                actorName(metaData), event.reviewId().value());
    }

    @EventHandler
    void on(ManagementReviewHeldEvent event, MetaData metaData) {
        List<ReviewPerson> attendees = event.attendees() == null ? List.of() : event.attendees();
        update("""
                UPDATE management_review SET held_on = ?, cut_off = ?, attendee_names = ?::text[],
                    attendee_titles = ?::text[], minutes_summary = ?, qms_suitable = ?, qms_adequate = ?, qms_effective = ?,
                    conclusion_statement = ?, held_by = ?
                WHERE id = ?
                """,
                event.heldOn(), java.sql.Timestamp.from(event.cutOff()), names(attendees), titles(attendees),
                event.minutesSummary(), event.conclusion().suitable(), event.conclusion().adequate(),
                event.conclusion().effective(), event.conclusion().statement(), actorName(metaData), event.reviewId().value());
    }

    @EventHandler
    void on(ReviewDecisionRecordedEvent event, MetaData metaData) {
        update("""
                INSERT INTO review_decision (review_id, decision_id, organisation_id, kind, description, owner_unit,
                    due_date, recorded_on, recorded_by)
                SELECT ?, ?, organisation_id, ?, ?, ?, ?, ?, ? FROM management_review WHERE id = ?
                ON CONFLICT (review_id, decision_id) DO NOTHING
                """,
                event.reviewId().value(), event.decisionId().value(), event.kind().name(), event.description(),
                event.ownerUnit(), event.dueDate(), event.recordedOn(), actorName(metaData), event.reviewId().value());
    }

    @EventHandler
    void on(ReviewDecisionCompletedEvent event, MetaData metaData) {
        update("""
                UPDATE review_decision SET completed_on = ?, completed_by = ?, evidence_number = ?, evidence_title = ?,
                    completion_note = ?
                WHERE review_id = ? AND decision_id = ?
                """,
                event.completedOn(), actorName(metaData), event.evidence() == null ? null : event.evidence().number(),
                event.evidence() == null ? null : event.evidence().title(), event.note(), event.reviewId().value(),
                event.decisionId().value());
    }

    @EventHandler
    void on(ReviewDecisionOverdueEvent event) {
        update("UPDATE review_decision SET overdue_recorded = TRUE WHERE review_id = ? AND decision_id = ?",
                event.reviewId().value(), event.decisionId().value());
    }

    @EventHandler
    void on(ReviewMinutesIssuedEvent event, MetaData metaData) {
        update("""
                UPDATE management_review SET minutes_number = ?, minutes_docx_sha256 = ?, minutes_issued_on = ?,
                    minutes_issued_by = ?
                WHERE id = ?
                """, event.number(), event.docxSha256(), event.issuedOn(), actorName(metaData), event.reviewId().value());
    }

    @EventHandler
    void on(ManagementReviewCancelledEvent event, MetaData metaData) {
        update("UPDATE management_review SET cancelled_on = ?, cancel_reason = ?, cancelled_by = ? WHERE id = ?",
                event.cancelledOn(), event.reason(), actorName(metaData), event.reviewId().value());
    }


    private static String actorName(MetaData metaData) {
        Object name = metaData.get(Actor.NAME);
        return name == null ? null : name.toString();
    }

    private static String[] names(List<ReviewPerson> people) {
        return people.stream().map(ReviewPerson::name).toArray(String[]::new);
    }

    /** Titles in the same order as the names; '' for none, so that the two arrays stay aligned. */
    private static String[] titles(List<ReviewPerson> people) {
        return people.stream().map(p -> Objects.requireNonNullElse(p.title(), "")).toArray(String[]::new);
    }

}
