package vn.qualityledger.query.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.api.audit.AuditId;
import vn.qualityledger.api.audit.AuditTeamAppointedEvent;
import vn.qualityledger.api.audit.ChecklistNote;
import vn.qualityledger.api.audit.Conformity;
import vn.qualityledger.api.audit.InternalAuditPlannedEvent;
import vn.qualityledger.api.audit.TeamMember;
import vn.qualityledger.api.audit.UnitAuditHeldEvent;
import vn.qualityledger.api.audit.UnitAuditScheduledEvent;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.nonconformity.CorrectiveActionId;
import vn.qualityledger.api.nonconformity.CorrectiveActionImplementedEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionOverdueEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionPlannedEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionVerifiedEvent;
import vn.qualityledger.api.nonconformity.NonconformityClosedEvent;
import vn.qualityledger.api.nonconformity.NonconformityId;
import vn.qualityledger.api.nonconformity.NonconformityOrigin;
import vn.qualityledger.api.nonconformity.NonconformityRaisedEvent;
import vn.qualityledger.api.nonconformity.NonconformityReopenedEvent;
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.api.objective.ObjectiveDefinedEvent;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.query.IntegrationDatabase;
import vn.qualityledger.query.nonconformity.NonconformityRepository;
import vn.qualityledger.query.nonconformity.NonconformitySummary;
import vn.qualityledger.query.progress.JdbcProjection;
import vn.qualityledger.query.progress.ProjectionReplay;
import vn.qualityledger.query.progress.ReadModelSchema;
import vn.qualityledger.support.TestDatabase;

/**
 * The projection on its own, against the real PostgreSQL (its SQL is what is under test), fed by hand through the same
 * {@link ProjectionReplay} a past view and a rebuild use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NonconformityTrackingProjectionTest {

    private static final String ORG = "so-test";
    private static final NonconformityId NC = NonconformityId.of("NC-1");
    private static final AuditId AUDIT = AuditId.of("dgnb-1");

    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;
    private final Map<String, Long> sequences = new HashMap<>();

    @BeforeAll
    void database() {
        String url = TestDatabase.recreate("ql_test_query_tracking_projection");
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password()).schemas("query")
                .locations("classpath:db/query").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(IntegrationDatabase.asQueryServiceConnects(url), TestDatabase.user(),
                TestDatabase.password());
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE " + String.join(", ", NonconformityTrackingProjection.TABLES.stream().map(t -> "query." + t).toList()));
        sequences.clear();
    }

    @Test
    void canKeepTheDateOfEveryStepOfANonconformity() {
        apply(live(), aNonconformityThatWasReopened());

        assertThat(jdbc.queryForMap("SELECT source, severity, unit, clause, raised_on, origin_audit_id, origin_finding_id FROM query.nonconformity"))
                .containsEntry("source", "AUDIT_FINDING").containsEntry("severity", "MINOR").containsEntry("unit", "Phòng Kế hoạch")
                .containsEntry("clause", "9.1.3").containsEntry("origin_audit_id", "dgnb-1").containsEntry("origin_finding_id", "F1");
        assertThat(jdbc.queryForList("SELECT action_id, due_date::text, planned_on::text, implemented_on::text, overdue_recorded, evidence_number "
                + "FROM query.corrective_action ORDER BY action_id")).containsExactly(
                row("action_id", "a1", "due_date", "2024-05-31", "planned_on", "2024-04-10", "implemented_on", "2024-06-10",
                        "overdue_recorded", true, "evidence_number", "BC-a1"),
                row("action_id", "a2", "due_date", "2024-09-30", "planned_on", "2024-08-25", "implemented_on", null,
                        "overdue_recorded", false, "evidence_number", null));
        // Verifications and closures are rows of their own, keyed by their place in the stream.
        assertThat(jdbc.queryForList("SELECT stream_sequence, action_id, effective FROM query.verification ORDER BY stream_sequence"))
                .containsExactly(row("stream_sequence", 4L, "action_id", "a1", "effective", false),
                        row("stream_sequence", 5L, "action_id", "a1", "effective", true));
        assertThat(jdbc.queryForList("SELECT closed, on_date::text FROM query.nonconformity_closure ORDER BY stream_sequence"))
                .containsExactly(row("closed", true, "on_date", "2024-06-25"), row("closed", false, "on_date", "2024-08-20"));
    }

    @Test
    void storesTheSameRowsWhenEventsAreDeliveredAgain() {
        List<GenericDomainEventMessage<?>> events = messages(anAudit());
        events.addAll(messages(aNonconformityThatWasReopened()));
        events.forEach(live()::apply);
        Map<String, List<Map<String, Object>>> once = everyRow();

        events.forEach(live()::apply); // a batch retried after a failure delivers the same messages again
        assertThat(everyRow()).isEqualTo(once);
    }

    @Test
    void replacesTheTeamAndTheScheduleAndKeepsEachDayAUnitWasAudited() {
        apply(live(), anAudit());

        assertThat(jdbc.queryForMap("SELECT lead_auditor, team::text, decision_number FROM query.audit"))
                .containsEntry("lead_auditor", "Trần Văn Quang").containsEntry("team", "{qmr,danhgia}")
                .containsEntry("decision_number", "46/QĐ");
        assertThat(jdbc.queryForMap("SELECT scheduled_date::text, auditors::text FROM query.unit_audit"))
                .containsEntry("scheduled_date", "2024-04-05").containsEntry("auditors", "{qmr}");
        assertThat(jdbc.queryForList("SELECT held_on::text, note_count, nonconforming_notes FROM query.unit_audit_held ORDER BY held_on"))
                .containsExactly(row("held_on", "2024-04-05", "note_count", 2, "nonconforming_notes", 1),
                        row("held_on", "2024-04-06", "note_count", 1, "nonconforming_notes", 0));
    }

    @Test
    void writesIntoAnotherSchemaWithoutTouchingTheLiveTablesAndEmptiesItOnReset() {
        jdbc.execute("DROP SCHEMA IF EXISTS tracking_copy CASCADE");
        jdbc.execute("CREATE SCHEMA tracking_copy");
        for (String table : NonconformityTrackingProjection.TABLES) {
            jdbc.execute("CREATE TABLE tracking_copy." + table + " (LIKE query." + table + " INCLUDING ALL)");
        }
        JdbcProjection copy = new NonconformityTrackingProjection(jdbc).writingTo("tracking_copy");
        transaction.executeWithoutResult(status -> {
            ReadModelSchema.use(jdbc, "tracking_copy");
            apply(new ProjectionReplay(copy), aNonconformityThatWasReopened());
        });

        assertThat(jdbc.queryForObject("SELECT count(*) FROM tracking_copy.corrective_action", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM query.corrective_action", Integer.class)).isZero();
        // The connection the transaction used went back to the live tables when it ended.
        assertThat(jdbc.queryForObject("SELECT (current_schemas(false))[1]", String.class)).isEqualTo("query");

        copy.reset();
        for (String table : NonconformityTrackingProjection.TABLES) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM tracking_copy." + table, Integer.class)).as(table).isZero();
        }
    }

    /** A copy writes only where a transaction chose its schema: anywhere else its statements would reach the live tables. */
    @Test
    void aCopyRefusesToWriteOutsideATransactionThatChoseItsSchema() {
        JdbcProjection copy = new NonconformityTrackingProjection(jdbc).writingTo("tracking_copy");
        ProjectionReplay replay = new ProjectionReplay(copy);
        List<GenericDomainEventMessage<?>> raised = messages(aNonconformityThatWasReopened()).subList(0, 1);

        assertThatThrownBy(() -> raised.forEach(replay::apply)).isInstanceOf(ReadModelSchema.SchemaNotChosen.class)
                .hasMessageContaining("tracking_copy");
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> raised.forEach(replay::apply)))
                .isInstanceOf(ReadModelSchema.SchemaNotChosen.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM query.nonconformity", Integer.class)).isZero();
    }

    /**
     * Who did each step comes from the event's metadata: thuky raised and analysed it, truongvp planned the action,
     * nhanvienvp implemented it, qmr verified and closed it. As of the day before the implementation, the detail names
     * nobody for it (nor its verification).
     */
    @Test
    void namesWhoDidEachStepFromTheEventsMetadata() {
        CorrectiveActionId a1 = CorrectiveActionId.of("a1");
        NonconformityId nc = NonconformityId.of("NC-who");
        Object[][] steps = {
                {"thuky", "Nguyễn Thị Thu", new NonconformityRaisedEvent(nc, ORG, new NonconformityOrigin(NonconformitySource.MANUAL,
                        null, null, null, null, null), Severity.MINOR, "VP", "7.5.3", "Hồ sơ chưa kiểm soát", d("2024-04-01"))},
                {"thuky", "Nguyễn Thị Thu", new vn.qualityledger.api.nonconformity.RootCauseAnalysedEvent(nc, "Chưa phân công", "5 Why",
                        d("2024-04-02"))},
                {"truongvp", "Lê Văn Vinh", new CorrectiveActionPlannedEvent(nc, a1, "VP", "Phân công người kiểm soát",
                        d("2024-04-30"), d("2024-04-03"))},
                {"nhanvienvp", "Phạm Minh Hiếu", new CorrectiveActionImplementedEvent(nc, a1, new DocumentReference("12/QĐ-VP",
                        d("2024-04-10"), "Văn phòng Sở", "Quyết định phân công", null, null), null, d("2024-04-10"))},
                {"qmr", "Trần Văn Quang", new CorrectiveActionVerifiedEvent(nc, a1, true, null, d("2024-04-15"))},
                {"qmr", "Trần Văn Quang", new NonconformityClosedEvent(nc, null, d("2024-04-16"))}};
        ProjectionReplay projection = live();
        for (int i = 0; i < steps.length; i++) {
            projection.apply(new GenericDomainEventMessage<>("Nonconformity", nc.value(), i, steps[i][2],
                    org.axonframework.messaging.MetaData.with("actorId", steps[i][0]).and("actorName", steps[i][1])));
        }
        NonconformityRepository repository = new NonconformityRepository(new NamedParameterJdbcTemplate(jdbc));

        var detail = repository.detail(nc.value(), d("2024-04-30")).orElseThrow();
        var thuky = new vn.qualityledger.query.nonconformity.NonconformityDetail.ActorRef("thuky", "Nguyễn Thị Thu");
        var qmr = new vn.qualityledger.query.nonconformity.NonconformityDetail.ActorRef("qmr", "Trần Văn Quang");
        assertThat(detail.raisedBy()).isEqualTo(thuky);
        assertThat(detail.analysedBy()).isEqualTo(thuky);
        assertThat(detail.correctedBy()).isNull(); // no correction was recorded
        assertThat(detail.actions().get(0).plannedBy())
                .isEqualTo(new vn.qualityledger.query.nonconformity.NonconformityDetail.ActorRef("truongvp", "Lê Văn Vinh"));
        assertThat(detail.actions().get(0).implementedBy())
                .isEqualTo(new vn.qualityledger.query.nonconformity.NonconformityDetail.ActorRef("nhanvienvp", "Phạm Minh Hiếu"));
        assertThat(detail.actions().get(0).verifications()).extracting(v -> v.verifiedBy()).containsExactly(qmr);
        assertThat(detail.closures()).extracting(c -> c.by()).containsExactly(qmr);

        var before = repository.detail(nc.value(), d("2024-04-09")).orElseThrow();
        assertThat(before.actions().get(0).implementedOn()).isNull();
        assertThat(before.actions().get(0).implementedBy()).isNull();
        assertThat(before.actions().get(0).verifications()).isEmpty();
        assertThat(before.analysedBy()).isEqualTo(thuky);
    }

    @Test
    void ignoresEventsOfOtherStreams() {
        ObjectiveId objective = ObjectiveId.of("obj-1");
        live().apply(new GenericDomainEventMessage<>("Objective", objective.value(), 0,
                new ObjectiveDefinedEvent(objective, ORG, 2024, "MT1", "Mục tiêu", null)));
        assertThat(everyRow().values()).allMatch(List::isEmpty);
    }

    /**
     * Days to close are 10, 20, 30 and 100. PostgreSQL's percentile_cont interpolates between the two nearest ranks at
     * (n - 1) * p: the median at rank 1.5 = 20 + 0.5 * (30 - 20) = 25; the 90th percentile at rank 2.7 =
     * 30 + 0.7 * (100 - 30) = 79.
     */
    @Test
    void computesTheMedianAndNinetiethPercentileByLinearInterpolationBetweenRanks() {
        int i = 0;
        for (int days : new int[] {30, 100, 10, 20}) {
            NonconformityId nc = NonconformityId.of("NC-p" + i++);
            LocalDate raised = LocalDate.of(2024, 1, 1);
            apply(live(), nc.value(),
                    new NonconformityRaisedEvent(nc, ORG, new NonconformityOrigin(NonconformitySource.MANUAL, null, null, null, null, null),
                            Severity.MINOR, "Văn phòng Sở", "8.1", "Lỗi", raised),
                    new NonconformityClosedEvent(nc, null, raised.plusDays(days)));
        }
        NonconformitySummary summary = new NonconformityRepository(new NamedParameterJdbcTemplate(jdbc))
                .summary(ORG, 2024, LocalDate.of(2024, 12, 31));

        assertThat(summary.closed()).isEqualTo(4);
        assertThat(summary.medianDaysToClose()).isEqualTo(new BigDecimal("25.00"));
        assertThat(summary.p90DaysToClose()).isEqualTo(new BigDecimal("79.00"));
        // As of 01-25 only the NCs closed after 10 and 20 days count: median 15, p90 at rank 0.9 = 10 + 0.9 * 10 = 19.
        NonconformitySummary january = new NonconformityRepository(new NamedParameterJdbcTemplate(jdbc))
                .summary(ORG, 2024, LocalDate.of(2024, 1, 25));
        assertThat(january.medianDaysToClose()).isEqualTo(new BigDecimal("15.00"));
        assertThat(january.p90DaysToClose()).isEqualTo(new BigDecimal("19.00"));
    }

    // ---- events --------------------------------------------------------------------------------------------------

    private static Object[] aNonconformityThatWasReopened() {
        CorrectiveActionId a1 = CorrectiveActionId.of("a1");
        return new Object[] {
                new NonconformityRaisedEvent(NC, ORG, new NonconformityOrigin(NonconformitySource.AUDIT_FINDING, AUDIT,
                        vn.qualityledger.api.audit.FindingId.of("F1"), null, null, null), Severity.MINOR, "Phòng Kế hoạch", "9.1.3",
                        "Chưa phân tích dữ liệu", d("2024-04-03")),
                new CorrectiveActionPlannedEvent(NC, a1, "Phòng Kế hoạch", "Phân tích số liệu hằng quý", d("2024-05-31"), d("2024-04-10")),
                new CorrectiveActionOverdueEvent(NC, a1, "Phòng Kế hoạch", d("2024-05-31")),
                new CorrectiveActionImplementedEvent(NC, a1, new DocumentReference("BC-a1", d("2024-06-10"), "Phòng Kế hoạch",
                        "Báo cáo phân tích", null, null), null, d("2024-06-10")),
                new CorrectiveActionVerifiedEvent(NC, a1, false, "Chưa đủ", d("2024-06-15")),
                new CorrectiveActionVerifiedEvent(NC, a1, true, null, d("2024-06-20")),
                new NonconformityClosedEvent(NC, null, d("2024-06-25")),
                new NonconformityReopenedEvent(NC, "Tái diễn", d("2024-08-20")),
                new CorrectiveActionPlannedEvent(NC, CorrectiveActionId.of("a2"), "Phòng Kế hoạch", "Rà soát lại", d("2024-09-30"),
                        d("2024-08-25"))};
    }

    private static Object[] anAudit() {
        return new Object[] {
                new InternalAuditPlannedEvent(AUDIT, ORG, 2024, "Đánh giá nội bộ", List.of("Văn phòng Sở"), "ISO 9001", List.of("7.5"),
                        d("2024-04-01"), d("2024-04-30"), d("2024-03-01")),
                new AuditTeamAppointedEvent(AUDIT, new TeamMember("danhgia", "Đỗ Thị Đào", null), List.of(), new Decision("45/QĐ", d("2024-03-05")),
                        d("2024-03-05")),
                new AuditTeamAppointedEvent(AUDIT, new TeamMember("qmr", "Trần Văn Quang", null),
                        List.of(new TeamMember("danhgia", "Đỗ Thị Đào", null)), new Decision("46/QĐ", d("2024-03-06")), d("2024-03-06")),
                new UnitAuditScheduledEvent(AUDIT, "Văn phòng Sở", d("2024-04-02"), List.of("danhgia")),
                new UnitAuditScheduledEvent(AUDIT, "Văn phòng Sở", d("2024-04-05"), List.of("qmr")),
                new UnitAuditHeldEvent(AUDIT, ORG, 2024, "Văn phòng Sở", d("2024-04-05"), List.of(
                        new ChecklistNote("7.5.3", "Kiểm soát tài liệu?", "Tài liệu hết hiệu lực còn lưu hành", Conformity.NONCONFORMING),
                        new ChecklistNote("7.1.6", "Tri thức?", "Có sổ tay", Conformity.CONFORMING))),
                new UnitAuditHeldEvent(AUDIT, ORG, 2024, "Văn phòng Sở", d("2024-04-06"), List.of(
                        new ChecklistNote("7.5.3", "Đã thu hồi?", "Đã thu hồi", Conformity.CONFORMING)))};
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private ProjectionReplay live() {
        return new ProjectionReplay(new NonconformityTrackingProjection(jdbc));
    }

    private void apply(ProjectionReplay projection, Object... events) {
        messages(events).forEach(projection::apply);
    }

    private void apply(ProjectionReplay projection, String streamId, Object... events) {
        for (Object event : events) {
            long sequence = sequences.merge(streamId, 1L, Long::sum) - 1;
            projection.apply(new GenericDomainEventMessage<>("Nonconformity", streamId, sequence, event));
        }
    }

    /** Each event as a message of its stream (the first argument of every event record is its stream's id). */
    private List<GenericDomainEventMessage<?>> messages(Object... events) {
        List<GenericDomainEventMessage<?>> messages = new java.util.ArrayList<>();
        for (Object event : events) {
            String streamId = event instanceof NonconformityRaisedEvent || event.getClass().getPackageName().endsWith("nonconformity")
                    ? NC.value() : AUDIT.value();
            long sequence = sequences.merge(streamId, 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>("Stream", streamId, sequence, event));
        }
        return messages;
    }

    private Map<String, List<Map<String, Object>>> everyRow() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : NonconformityTrackingProjection.TABLES) {
            rows.put(table, jdbc.queryForList("SELECT to_jsonb(t)::text AS row FROM query." + table + " t ORDER BY 1"));
        }
        return rows;
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }
}
