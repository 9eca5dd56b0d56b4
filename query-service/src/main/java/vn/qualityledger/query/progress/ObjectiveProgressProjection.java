package vn.qualityledger.query.progress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.FileReference;
import vn.qualityledger.api.objective.AdHocOccurrenceAddedEvent;
import vn.qualityledger.api.objective.EvidenceAcceptedEvent;
import vn.qualityledger.api.objective.EvidenceRejectedEvent;
import vn.qualityledger.api.objective.EvidenceSubmittedEvent;
import vn.qualityledger.api.objective.MeasureCancelledEvent;
import vn.qualityledger.api.objective.MeasureDetails;
import vn.qualityledger.api.objective.MeasurePlannedEvent;
import vn.qualityledger.api.objective.MeasureRevisedEvent;
import vn.qualityledger.api.objective.MeasurementRecordedEvent;
import vn.qualityledger.api.objective.ObjectiveClosedEvent;
import vn.qualityledger.api.objective.ObjectiveDefinedEvent;
import vn.qualityledger.api.objective.ObjectivePublishedEvent;
import vn.qualityledger.api.objective.ObjectiveRevisedEvent;
import vn.qualityledger.api.objective.OccurrenceId;
import vn.qualityledger.api.objective.Schedule;
import vn.qualityledger.api.objective.ScheduleRule;
import vn.qualityledger.api.objective.ScheduledOccurrence;
import vn.qualityledger.api.objective.Target;
import vn.qualityledger.api.objective.TaskAssignedEvent;
import vn.qualityledger.api.report.ResultsReportIssuedEvent;

/**
 * Keeps the tables of schema {@code query} (objective, measure, occurrence, evidence, measurement) in step with the
 * objective streams. The dashboards and the board compute their figures from these tables at read time, for any date.
 * Every row says when the event that last changed it was recorded ({@code recorded_at}); the tables' triggers keep each
 * version of a row of {@code <t>} in {@code <t>_version}, so that a past view reads the rows as they were recorded at an instant.
 * <p>
 * Written with JDBC rather than JPA entities because several events are set-based updates ("cancel every incomplete
 * occurrence of this measure") that would otherwise load and dirty-check whole collections. Every handler is an upsert
 * or an update that gives the same rows when an event is delivered again (a batch retried after a failure).
 */
@Component
@ProcessingGroup(ObjectiveProgressProjection.PROCESSING_GROUP)
public class ObjectiveProgressProjection extends JdbcProjection {

    public static final String PROCESSING_GROUP = "objective-progress";
    /** The schema the live read model is in. */
    public static final String LIVE_SCHEMA = ReadModelSchema.LIVE_SCHEMA;
    /**
     * Its tables, which a replay rebuilds from nothing. Each {@code <t>_version} holds every version of the rows of
     * {@code <t>}, written by its triggers (V30__recorded_rows.sql), from which a past view reads ({@code AsRecorded}).
     */
    public static final List<String> TABLES = List.of("objective", "measure", "occurrence", "evidence", "measurement",
            "issued_report", "objective_version", "measure_version", "occurrence_version", "evidence_version",
            "measurement_version");


    @Autowired
    public ObjectiveProgressProjection(JdbcTemplate jdbc) {
        this(jdbc, LIVE_SCHEMA);
    }

    private ObjectiveProgressProjection(JdbcTemplate jdbc, String schema) {
        super(jdbc, schema, TABLES);
    }

    @Override
    public ObjectiveProgressProjection writingTo(String schema) {
        return new ObjectiveProgressProjection(jdbc(), schema);
    }

    /** A rebuild's shadow keeps the versions of its rows as the live tables do: their triggers are not copied by LIKE. */
    @Override
    public void completeCopy(String schema) {
        jdbc().queryForList("SELECT query.add_row_versions(?)", schema);
    }

    /**
     * When the event that writes a row was recorded: the row's {@code recorded_at}, from which its version counts
     * (as a timestamptz; the event store's timestamps are whole milliseconds).
     */
    private static OffsetDateTime at(Instant recordedAt) {
        return recordedAt.atOffset(ZoneOffset.UTC);
    }


    // ---- the objective -------------------------------------------------------------------------------------------

    @EventHandler
    void on(ObjectiveDefinedEvent event, @Timestamp Instant recordedAt) {
        Target target = event.target();
        update("""
                INSERT INTO objective (id, organisation_id, year, code, statement,
                                             target_indicator, target_comparator, target_value, target_unit, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, year = EXCLUDED.year,
                    code = EXCLUDED.code, statement = EXCLUDED.statement,
                    target_indicator = EXCLUDED.target_indicator, target_comparator = EXCLUDED.target_comparator,
                    target_value = EXCLUDED.target_value, target_unit = EXCLUDED.target_unit, recorded_at = EXCLUDED.recorded_at
                """,
                event.objectiveId().value(), event.organisationId(), event.year(), event.code(), event.statement(),
                target == null ? null : target.indicator(), target == null ? null : target.comparator().name(),
                target == null ? null : target.value(), target == null ? null : target.unit(), at(recordedAt));
    }

    /** The event carries the whole new statement and target; a null target means it was removed. */
    @EventHandler
    void on(ObjectiveRevisedEvent event, @Timestamp Instant recordedAt) {
        Target target = event.target();
        update("""
                UPDATE objective SET statement = ?, target_indicator = ?, target_comparator = ?, target_value = ?,
                                           target_unit = ?, recorded_at = ?
                WHERE id = ?
                """,
                event.statement(), target == null ? null : target.indicator(),
                target == null ? null : target.comparator().name(), target == null ? null : target.value(),
                target == null ? null : target.unit(), at(recordedAt), event.objectiveId().value());
    }

    @EventHandler
    void on(ObjectivePublishedEvent event, @Timestamp Instant recordedAt) {
        update("UPDATE objective SET decision_number = ?, decision_date = ?, recorded_at = ? WHERE id = ?",
                event.decision().number(), event.decision().date(), at(recordedAt), event.objectiveId().value());
    }

    @EventHandler
    void on(ObjectiveClosedEvent event, @Timestamp Instant recordedAt) {
        update("UPDATE objective SET closed_on = ?, achieved = ?, assessment_reason = ?, recorded_at = ? WHERE id = ?",
                event.closedOn(), event.assessment().achieved(), event.assessment().reason(), at(recordedAt),
                event.objectiveId().value());
    }

    // ---- the plan ------------------------------------------------------------------------------------------------

    @EventHandler
    void on(MeasurePlannedEvent event, @Timestamp Instant recordedAt) {
        MeasureDetails details = event.details();
        update("""
                INSERT INTO measure (objective_id, measure_id, parent_measure_id, code, title, lead_units,
                                           coordinating_units, monitors, expected_evidence, schedule_text, schedule_rules,
                                           recorded_at)
                VALUES (?, ?, ?, ?, ?, ?::text[], ?::text[], ?::text[], ?::text[], ?, ?::jsonb, ?)
                ON CONFLICT (objective_id, measure_id) DO NOTHING
                """,
                event.objectiveId().value(), event.measureId().value(),
                event.parentMeasureId() == null ? null : event.parentMeasureId().value(),
                details.code(), details.title(), array(details.leadUnits()), array(details.coordinatingUnits()),
                array(details.monitors()), array(details.expectedEvidence()),
                details.schedule() == null ? null : details.schedule().text(), rulesJson(details.schedule()), at(recordedAt));
        for (ScheduledOccurrence occurrence : event.occurrences()) {
            upsertOccurrence(event.objectiveId().value(), event.measureId().value(), occurrence, false, null, recordedAt);
        }
    }

    @EventHandler
    void on(MeasureRevisedEvent event, @Timestamp Instant recordedAt) {
        MeasureDetails details = event.details();
        update("""
                UPDATE measure SET code = ?, title = ?, lead_units = ?::text[], coordinating_units = ?::text[],
                                         monitors = ?::text[], expected_evidence = ?::text[], schedule_text = ?,
                                         schedule_rules = ?::jsonb, recorded_at = ?
                WHERE objective_id = ? AND measure_id = ?
                """,
                details.code(), details.title(), array(details.leadUnits()), array(details.coordinatingUnits()),
                array(details.monitors()), array(details.expectedEvidence()),
                details.schedule() == null ? null : details.schedule().text(), rulesJson(details.schedule()),
                at(recordedAt), event.objectiveId().value(), event.measureId().value());
        for (ScheduledOccurrence occurrence : event.addedOccurrences()) {
            upsertOccurrence(event.objectiveId().value(), event.measureId().value(), occurrence, false, null, recordedAt);
        }
        for (OccurrenceId cancelled : event.cancelledOccurrences()) {
            // LEAST keeps an earlier cancellation date (PostgreSQL's LEAST ignores nulls).
            update("""
                    UPDATE occurrence SET cancelled_on = LEAST(cancelled_on, ?), recorded_at = ?
                    WHERE objective_id = ? AND occurrence_id = ? AND completed_on IS NULL
                    """, event.revisedOn(), at(recordedAt), event.objectiveId().value(), cancelled.value());
        }
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /**
     * The schedule's rules as the plan document writes them ({@code [{"due": "2023-06-30"}, {"rrule": "FREQ=MONTHLY;…"}]}),
     * each with only the fields its kind has; null when the measure has no schedule.
     */
    static String rulesJson(Schedule schedule) {
        if (schedule == null || schedule.rules() == null) {
            return null;
        }
        List<Map<String, Object>> rules = new java.util.ArrayList<>();
        for (ScheduleRule rule : schedule.rules()) {
            Map<String, Object> written = new LinkedHashMap<>();
            if (rule.due() != null) {
                written.put("due", rule.due().toString());
            }
            if (rule.window() != null) {
                written.put("window", rule.window().stream().map(String::valueOf).toList());
            }
            if (rule.rrule() != null) {
                written.put("rrule", rule.rrule());
            }
            if (Boolean.TRUE.equals(rule.continuous())) {
                written.put("continuous", true);
            }
            if (rule.adhoc() != null) {
                written.put("adhoc", rule.adhoc());
            }
            rules.add(written);
        }
        return JSON.writeValueAsString(rules);
    }

    /** Sub-measures get an event of their own from the aggregate, so only this measure's occurrences stop here. */
    @EventHandler
    void on(MeasureCancelledEvent event, @Timestamp Instant recordedAt) {
        update("UPDATE measure SET cancelled_on = ?, cancel_reason = ?, recorded_at = ? WHERE objective_id = ? AND measure_id = ?",
                event.effectiveOn(), event.reason(), at(recordedAt), event.objectiveId().value(), event.measureId().value());
        update("""
                UPDATE occurrence SET cancelled_on = LEAST(cancelled_on, ?), recorded_at = ?
                WHERE objective_id = ? AND measure_id = ? AND completed_on IS NULL
                """, event.effectiveOn(), at(recordedAt), event.objectiveId().value(), event.measureId().value());
    }

    @EventHandler
    void on(AdHocOccurrenceAddedEvent event, @Timestamp Instant recordedAt) {
        upsertOccurrence(event.objectiveId().value(), event.measureId().value(), event.occurrence(), true, event.note(), recordedAt);
    }

    /**
     * A revision may schedule again an occurrence it had cancelled (the aggregate lists it as added): the row then
     * counts again, so the conflict branch clears the cancellation rather than ignoring the event.
     */
    private void upsertOccurrence(String objectiveId, String measureId, ScheduledOccurrence occurrence, boolean adHoc, String note,
                                  Instant recordedAt) {
        update("""
                INSERT INTO occurrence (objective_id, occurrence_id, measure_id, due_date, ad_hoc, note, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (objective_id, occurrence_id) DO UPDATE SET measure_id = EXCLUDED.measure_id,
                    due_date = EXCLUDED.due_date, ad_hoc = EXCLUDED.ad_hoc, note = EXCLUDED.note, cancelled_on = NULL,
                    recorded_at = EXCLUDED.recorded_at
                """, objectiveId, occurrence.occurrenceId().value(), measureId, occurrence.dueDate(), adHoc, note, at(recordedAt));
    }

    // ---- the work ------------------------------------------------------------------------------------------------

    @EventHandler
    void on(TaskAssignedEvent event, @Timestamp Instant recordedAt) {
        if (event.occurrenceId() == null) {
            update("""
                    UPDATE measure SET assigned_unit = ?, assigned_person = ?, assigned_on = ?, recorded_at = ?
                    WHERE objective_id = ? AND measure_id = ?
                    """, event.unit(), event.person(), event.assignedOn(), at(recordedAt), event.objectiveId().value(),
                    event.measureId().value());
        } else {
            update("""
                    UPDATE occurrence SET assigned_unit = ?, assigned_person = ?, assigned_on = ?, recorded_at = ?
                    WHERE objective_id = ? AND occurrence_id = ?
                    """, event.unit(), event.person(), event.assignedOn(), at(recordedAt), event.objectiveId().value(),
                    event.occurrenceId().value());
        }
    }

    /** Who filed it comes from the event's metadata (null for an unattributed event); only id and name are read. */
    @EventHandler
    void on(EvidenceSubmittedEvent event, MetaData metaData, @Timestamp Instant recordedAt) {
        DocumentReference document = event.document();
        Object filerId = metaData.get(Actor.ID), filerName = metaData.get(Actor.NAME);
        FileReference file = event.file();
        update("""
                INSERT INTO evidence (objective_id, evidence_id, occurrence_id, measure_id, document_number,
                                            document_date, document_issuer, document_title, document_link,
                                            document_sha256, submitted_on, status, submitted_by, submitted_by_name,
                                            file_sha256, file_name, file_size, file_content_type, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (objective_id, evidence_id) DO NOTHING
                """,
                event.objectiveId().value(), event.evidenceId().value(), event.occurrenceId().value(),
                event.measureId().value(), document.number(), document.date(), document.issuer(), document.title(),
                document.link(), document.sha256(), event.submittedOn(), filerId == null ? null : filerId.toString(),
                filerName == null ? null : filerName.toString(), file == null ? null : file.sha256(),
                file == null ? null : file.name(), file == null ? null : file.size(), file == null ? null : file.contentType(),
                at(recordedAt));
    }

    @EventHandler
    void on(EvidenceAcceptedEvent event, @Timestamp Instant recordedAt) {
        update("""
                UPDATE evidence SET status = 'ACCEPTED', decided_on = ?, effective_on = ?, reason = NULL, recorded_at = ?
                WHERE objective_id = ? AND evidence_id = ?
                """, event.acceptedOn(), event.effectiveOn(), at(recordedAt), event.objectiveId().value(),
                event.evidenceId().value());
        // An occurrence is complete from its first accepted evidence on; LEAST keeps that date (and ignores null).
        update("""
                UPDATE occurrence SET completed_on = LEAST(completed_on, ?), recorded_at = ?
                WHERE objective_id = ? AND occurrence_id = ?
                """, event.effectiveOn(), at(recordedAt), event.objectiveId().value(), event.occurrenceId().value());
    }

    @EventHandler
    void on(EvidenceRejectedEvent event, @Timestamp Instant recordedAt) {
        update("""
                UPDATE evidence SET status = 'REJECTED', decided_on = ?, reason = ?, recorded_at = ?
                WHERE objective_id = ? AND evidence_id = ?
                """, event.rejectedOn(), event.reason(), at(recordedAt), event.objectiveId().value(),
                event.evidenceId().value());
    }

    /** The stream position orders two recordings for the same period: the later one is the correction. */
    @EventHandler
    void on(MeasurementRecordedEvent event, @SequenceNumber long streamSequence, @Timestamp Instant recordedAt) {
        update("""
                INSERT INTO measurement (objective_id, measurement_id, period_from, period_to, numerator,
                                               denominator, value, source, recorded_on, stream_sequence, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (objective_id, measurement_id) DO NOTHING
                """,
                event.objectiveId().value(), event.measurementId().value(), event.period().from(), event.period().to(),
                event.numerator(), event.denominator(), event.value(), event.source(), event.recordedOn(), streamSequence,
                at(recordedAt));
    }


    // ---- the reports issued on the objectives ------------------------------------------------------------------------

    /** Who issued it comes from the event's metadata, as for a filing. */
    @EventHandler
    void on(ResultsReportIssuedEvent event, MetaData metaData) {
        Object issuerId = metaData.get(Actor.ID), issuerName = metaData.get(Actor.NAME);
        update("""
                INSERT INTO issued_report (report_id, organisation_id, year, kind, cut_off, number, signer_authority,
                                                 signer_title, signer_name, docx_sha256, xlsx_sha256, generator, issued_on,
                                                 issued_by, issued_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (report_id) DO NOTHING
                """,
                event.reportId().value(), event.organisationId(), event.year(), event.kind().name(),
                event.cutOff().toString(), event.number(), event.signerAuthority(), event.signerTitle(),
                event.signerName(), event.docxSha256(), event.xlsxSha256(), event.generator(), event.issuedOn(),
                issuerId == null ? null : issuerId.toString(), issuerName == null ? null : issuerName.toString());
    }


}
