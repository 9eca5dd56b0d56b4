package vn.qualityledger.query.tracking;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.qualityledger.api.audit.AuditFindingRecordedEvent;
import vn.qualityledger.api.audit.AuditReportIssuedEvent;
import vn.qualityledger.api.audit.AuditTeamAppointedEvent;
import vn.qualityledger.api.audit.ChecklistNote;
import vn.qualityledger.api.audit.Conformity;
import vn.qualityledger.api.audit.InternalAuditClosedEvent;
import vn.qualityledger.api.audit.InternalAuditPlannedEvent;
import vn.qualityledger.api.audit.TeamMember;
import vn.qualityledger.api.audit.UnitAuditHeldEvent;
import vn.qualityledger.api.audit.UnitAuditScheduledEvent;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.nonconformity.CorrectionRecordedEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionImplementedEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionOverdueEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionPlannedEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionVerifiedEvent;
import vn.qualityledger.api.nonconformity.NonconformityClosedEvent;
import vn.qualityledger.api.nonconformity.NonconformityOrigin;
import vn.qualityledger.api.nonconformity.NonconformityRaisedEvent;
import vn.qualityledger.api.nonconformity.NonconformityReopenedEvent;
import vn.qualityledger.api.nonconformity.RootCauseAnalysedEvent;
import vn.qualityledger.query.progress.JdbcProjection;
import vn.qualityledger.query.progress.ReadModelSchema;

/**
 * Keeps the audit and nonconformity tables of schema {@code query} in step with the audit and nonconformity streams.
 * Like objective-progress it stores the date of every step and leaves the figures to the reads, which compute them as
 * of any date ({@link TrackingSql}). Every handler gives the same rows when an event is delivered again: steps that
 * may happen more than once are keyed by their position in the stream.
 */
@Component
@ProcessingGroup(NonconformityTrackingProjection.PROCESSING_GROUP)
public class NonconformityTrackingProjection extends JdbcProjection {

    public static final String PROCESSING_GROUP = "nonconformity-tracking";
    /** Its tables, which a replay rebuilds from nothing. */
    public static final List<String> TABLES = List.of("audit", "unit_audit", "unit_audit_held", "finding", "nonconformity",
            "nonconformity_closure", "corrective_action", "verification");


    @Autowired
    public NonconformityTrackingProjection(JdbcTemplate jdbc) {
        this(jdbc, ReadModelSchema.LIVE_SCHEMA);
    }

    private NonconformityTrackingProjection(JdbcTemplate jdbc, String schema) {
        super(jdbc, schema, TABLES);
    }

    @Override
    public NonconformityTrackingProjection writingTo(String schema) {
        return new NonconformityTrackingProjection(jdbc(), schema);
    }


    // ---- audits --------------------------------------------------------------------------------------------------

    @EventHandler
    void on(InternalAuditPlannedEvent event) {
        update("""
                INSERT INTO audit (id, organisation_id, year, title, scope_units, criteria, clauses, planned_from,
                                         planned_to, planned_on)
                VALUES (?, ?, ?, ?, ?::text[], ?, ?::text[], ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """,
                event.auditId().value(), event.organisationId(), event.year(), event.title(), array(event.scopeUnits()),
                event.criteria(), array(event.clauses()), event.plannedFrom(), event.plannedTo(), event.plannedOn());
    }

    /** A later appointment replaces the team. */
    @EventHandler
    void on(AuditTeamAppointedEvent event) {
        List<String> team = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        team.add(event.leadAuditor().userId());
        names.add(event.leadAuditor().name());
        event.members().stream().map(TeamMember::userId).forEach(team::add);
        event.members().stream().map(TeamMember::name).forEach(names::add);
        update("""
                UPDATE audit SET lead_auditor = ?, team = ?::text[], team_names = ?::text[], decision_number = ?,
                                       decision_date = ?, team_appointed_on = ?
                WHERE id = ?
                """,
                event.leadAuditor().name(), team.toArray(String[]::new), names.toArray(String[]::new),
                event.decision() == null ? null : event.decision().number(),
                event.decision() == null ? null : event.decision().date(), event.appointedOn(), event.auditId().value());
    }

    @EventHandler
    void on(UnitAuditScheduledEvent event) {
        update("""
                INSERT INTO unit_audit (audit_id, unit, scheduled_date, auditors) VALUES (?, ?, ?, ?::text[])
                ON CONFLICT (audit_id, unit) DO UPDATE SET scheduled_date = EXCLUDED.scheduled_date, auditors = EXCLUDED.auditors
                """, event.auditId().value(), event.unit(), event.date(), array(event.auditors()));
    }

    @EventHandler
    void on(UnitAuditHeldEvent event) {
        List<ChecklistNote> notes = event.notes() == null ? List.of() : event.notes();
        long nonconforming = notes.stream().filter(n -> n.conformity() == Conformity.NONCONFORMING).count();
        update("""
                INSERT INTO unit_audit_held (audit_id, unit, held_on, note_count, nonconforming_notes)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (audit_id, unit, held_on) DO UPDATE SET note_count = EXCLUDED.note_count,
                    nonconforming_notes = EXCLUDED.nonconforming_notes
                """, event.auditId().value(), event.unit(), event.heldOn(), notes.size(), nonconforming);
    }

    @EventHandler
    void on(AuditFindingRecordedEvent event) {
        update("""
                INSERT INTO finding (audit_id, finding_id, organisation_id, year, unit, clause, kind, description,
                                           evidence_seen, related_objective_id, related_measure_id, recorded_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (audit_id, finding_id) DO NOTHING
                """,
                event.auditId().value(), event.findingId().value(), event.organisationId(), event.year(), event.unit(),
                event.clause(), event.kind().name(), event.description(), event.evidenceSeen(),
                event.relatedObjectiveId() == null ? null : event.relatedObjectiveId().value(),
                event.relatedMeasureId() == null ? null : event.relatedMeasureId().value(), event.recordedOn());
    }

    @EventHandler
    void on(AuditReportIssuedEvent event) {
        DocumentReference report = event.report();
        update("UPDATE audit SET report_number = ?, report_summary = ?, report_issued_on = ? WHERE id = ?",
                report == null ? null : report.number(), event.summary(), event.issuedOn(), event.auditId().value());
    }

    @EventHandler
    void on(InternalAuditClosedEvent event) {
        update("UPDATE audit SET closed_on = ? WHERE id = ?", event.closedOn(), event.auditId().value());
    }

    // ---- nonconformities -----------------------------------------------------------------------------------------

    // Who did each step comes from the event's metadata (null for an unattributed event); only id and name are read.

    @EventHandler
    void on(NonconformityRaisedEvent event, MetaData metaData) {
        NonconformityOrigin origin = event.origin();
        update("""
                INSERT INTO nonconformity (id, organisation_id, source, origin_audit_id, origin_finding_id,
                                                 origin_objective_id, origin_measure_id, complaint_reference, severity,
                                                 unit, clause, description, raised_on, raised_by, raised_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """,
                event.nonconformityId().value(), event.organisationId(), origin.source().name(),
                origin.auditId() == null ? null : origin.auditId().value(),
                origin.findingId() == null ? null : origin.findingId().value(),
                origin.objectiveId() == null ? null : origin.objectiveId().value(),
                origin.measureId() == null ? null : origin.measureId().value(), origin.complaintReference(),
                event.severity().name(), event.unit(), event.clause(), event.description(), event.raisedOn(),
                actorId(metaData), actorName(metaData));
    }

    @EventHandler
    void on(CorrectionRecordedEvent event, MetaData metaData) {
        update("UPDATE nonconformity SET correction = ?, corrected_on = ?, corrected_by = ?, corrected_by_name = ? WHERE id = ?",
                event.correction(), event.correctedOn(), actorId(metaData), actorName(metaData), event.nonconformityId().value());
    }

    @EventHandler
    void on(RootCauseAnalysedEvent event, MetaData metaData) {
        update("""
                UPDATE nonconformity SET root_cause = ?, root_cause_method = ?, analysed_on = ?, analysed_by = ?,
                    analysed_by_name = ?
                WHERE id = ?
                """, event.rootCause(), event.method(), event.analysedOn(), actorId(metaData), actorName(metaData),
                event.nonconformityId().value());
    }

    @EventHandler
    void on(CorrectiveActionPlannedEvent event, MetaData metaData) {
        update("""
                INSERT INTO corrective_action (nonconformity_id, action_id, owner_unit, description, due_date, planned_on,
                                                     planned_by, planned_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (nonconformity_id, action_id) DO NOTHING
                """, event.nonconformityId().value(), event.actionId().value(), event.ownerUnit(), event.description(),
                event.dueDate(), event.plannedOn(), actorId(metaData), actorName(metaData));
    }

    @EventHandler
    void on(CorrectiveActionImplementedEvent event, MetaData metaData) {
        DocumentReference evidence = event.evidence();
        update("""
                UPDATE corrective_action SET implemented_on = ?, evidence_number = ?, evidence_date = ?,
                    evidence_issuer = ?, evidence_title = ?, evidence_link = ?, evidence_sha256 = ?, implementation_note = ?,
                    implemented_by = ?, implemented_by_name = ?
                WHERE nonconformity_id = ? AND action_id = ?
                """, event.implementedOn(), evidence == null ? null : evidence.number(),
                evidence == null ? null : evidence.date(), evidence == null ? null : evidence.issuer(),
                evidence == null ? null : evidence.title(), evidence == null ? null : evidence.link(),
                evidence == null ? null : evidence.sha256(), event.note(), actorId(metaData), actorName(metaData),
                event.nonconformityId().value(),
                event.actionId().value());
    }

    /** Kept for the record only: whether an action is overdue as of a date is computed from its dates. */
    @EventHandler
    void on(CorrectiveActionOverdueEvent event) {
        update("UPDATE corrective_action SET overdue_recorded = TRUE WHERE nonconformity_id = ? AND action_id = ?",
                event.nonconformityId().value(), event.actionId().value());
    }

    @EventHandler
    void on(CorrectiveActionVerifiedEvent event, @SequenceNumber long streamSequence, MetaData metaData) {
        update("""
                INSERT INTO verification (nonconformity_id, stream_sequence, action_id, effective, reason, verified_on,
                                                verified_by, verified_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (nonconformity_id, stream_sequence) DO NOTHING
                """, event.nonconformityId().value(), streamSequence, event.actionId().value(), event.effective(),
                event.reason(), event.verifiedOn(), actorId(metaData), actorName(metaData));
    }

    @EventHandler
    void on(NonconformityClosedEvent event, @SequenceNumber long streamSequence, MetaData metaData) {
        closure(event.nonconformityId().value(), streamSequence, true, event.closedOn(), event.note(), metaData);
    }

    @EventHandler
    void on(NonconformityReopenedEvent event, @SequenceNumber long streamSequence, MetaData metaData) {
        closure(event.nonconformityId().value(), streamSequence, false, event.reopenedOn(), event.reason(), metaData);
    }

    private void closure(String nonconformityId, long streamSequence, boolean closed, java.time.LocalDate on, String note,
                         MetaData metaData) {
        update("""
                INSERT INTO nonconformity_closure (nonconformity_id, stream_sequence, closed, on_date, note, actor_id, actor_name)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (nonconformity_id, stream_sequence) DO NOTHING
                """, nonconformityId, streamSequence, closed, on, note, actorId(metaData), actorName(metaData));
    }

    private static String actorId(MetaData metaData) {
        Object id = metaData.get(Actor.ID);
        return id == null ? null : id.toString();
    }

    private static String actorName(MetaData metaData) {
        Object name = metaData.get(Actor.NAME);
        return name == null ? null : name.toString();
    }



}
