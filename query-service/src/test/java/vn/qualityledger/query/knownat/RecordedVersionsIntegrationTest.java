package vn.qualityledger.query.knownat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.query.IntegrationDatabase;
import vn.qualityledger.query.ObjectiveStreams;
import vn.qualityledger.query.QualityYearScenario;
import vn.qualityledger.query.knownat.AsRecorded.Replay;

/**
 * The objective-progress rows as recorded at an instant, read from their versions, are exactly what a replay of the
 * streams up to that instant gives: at every instant an event was recorded, just before it, and between two events.
 * The year's events are recorded a minute apart (Axon's message clock), so that each has an instant of its own.
 */
@SpringBootTest(properties = "spring.config.name=query-service")
@AutoConfigureMockMvc
@WithUserDetails("tinh") // a demo user who reads every organisation
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedVersionsIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_query_recorded_versions");
        registry.add("spring.datasource.url", () -> url);
    }

    private static final Instant FIRST_EVENT = Instant.parse("2024-01-04T01:00:00Z");
    private static final List<String> VERSIONED = List.of("objective", "measure", "occurrence", "evidence", "measurement");
    private static final List<String> OBJECTIVES = List.of("obj-mt1", "obj-mt2", "obj-mt3", "obj-mt4", "obj-vl-mt1", "obj-2023-mt1");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AsRecorded asRecorded;
    @Autowired
    MockMvc mvc;

    private final Clock messageClock = GenericEventMessage.clock;

    @BeforeAll
    void aYearOfWorkRecordedAMinuteApart(@Autowired EventStore eventStore, @Autowired TransactionTemplate transaction) {
        AtomicReference<Instant> next = new AtomicReference<>(FIRST_EVENT);
        GenericEventMessage.clock = new Clock() {
            @Override
            public Instant instant() {
                return next.getAndUpdate(at -> at.plus(Duration.ofMinutes(1)));
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        try {
            QualityYearScenario.publish(new ObjectiveStreams(eventStore, transaction));
        } finally {
            GenericEventMessage.clock = messageClock;
        }
        QualityYearScenario.awaitProjected(jdbc);
    }

    @AfterAll
    void restoreTheClock() {
        GenericEventMessage.clock = messageClock;
    }

    @Test
    void givesAtEveryInstantTheRowsAReplayOfTheStreamsGives() {
        List<Instant> instants = new ArrayList<>();
        for (Instant recorded : recordedInstants()) {
            instants.add(recorded.minusMillis(1));
            instants.add(recorded);
            instants.add(recorded.plusSeconds(30));
        }
        int nonEmpty = 0;
        for (Instant at : instants) {
            List<String> fromVersions = asRecorded.at(at, OBJECTIVES, this::rows);
            List<String> replayed = asRecorded.byReplay(at, List.of(Replay.objectives(OBJECTIVES)), this::rows);
            assertThat(fromVersions).as("the rows as recorded at %s", at).isEqualTo(replayed);
            nonEmpty += fromVersions.stream().filter(rows -> !rows.equals("[]")).count() > 0 ? 1 : 0;
        }
        assertThat(nonEmpty).as("instants at which something had been recorded").isGreaterThan(instants.size() - 3);
        // and now, as recorded today, they are the live rows
        assertThat(asRecorded.at(Instant.now(), OBJECTIVES, this::rows)).isEqualTo(rows());
    }

    /** The live view keeps the reassignment of an occurrence and its later cancellation, each from its own instant. */
    @Test
    void keepsEachVersionOfARowFromTheInstantItsEventWasRecorded() {
        Instant assigned = jdbc.queryForObject("""
                SELECT min(recorded_from) FROM query.occurrence_version
                WHERE objective_id = 'obj-mt1' AND occurrence_id = 'm2@2024-11-30' AND assigned_unit = ?
                """, java.time.OffsetDateTime.class, QualityYearScenario.TTS).toInstant();
        assertThat(occurrenceAt(assigned.minusMillis(1))).containsEntry("assigned_unit", null).containsEntry("cancelled_on", null);
        assertThat(occurrenceAt(assigned)).containsEntry("assigned_unit", QualityYearScenario.TTS)
                .containsEntry("assigned_person", "Lê Văn Cường").containsEntry("cancelled_on", null);
        assertThat(occurrenceAt(Instant.now())).containsEntry("assigned_unit", QualityYearScenario.TTS)
                .containsEntry("cancelled_on", java.sql.Date.valueOf("2024-08-01"));
        // three versions: planned, assigned, cancelled; only the last is open
        assertThat(jdbc.queryForList("""
                SELECT recorded_to IS NULL FROM query.occurrence_version
                WHERE objective_id = 'obj-mt1' AND occurrence_id = 'm2@2024-11-30' ORDER BY recorded_from
                """, Boolean.class)).containsExactly(false, false, true);
    }

    /**
     * Measure 2 assigned to Phòng Kế hoạch, then its November occurrence to Thanh tra Sở; measure 2's revision (which
     * cancels that occurrence and changes the title) reassigns nothing.
     */
    @Test
    void listsEveryAssignmentAndReassignmentOfTheObjectiveInTheOrderRecorded() throws Exception {
        mvc.perform(get("/api/objectives/obj-mt1/assignment-history"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignments.length()").value(4))
                .andExpect(jsonPath("$.assignments[1].measureId").value("m2"))
                .andExpect(jsonPath("$.assignments[1].occurrenceId").doesNotExist())
                .andExpect(jsonPath("$.assignments[1].unit").value(QualityYearScenario.PKH))
                .andExpect(jsonPath("$.assignments[1].person").value("Trần Thị Bình"))
                .andExpect(jsonPath("$.assignments[1].assignedOn").value("2024-01-10"))
                .andExpect(jsonPath("$.assignments[1].recordedTo").doesNotExist())
                .andExpect(jsonPath("$.assignments[3].measureId").value("m2"))
                .andExpect(jsonPath("$.assignments[3].occurrenceId").value("m2@2024-11-30"))
                .andExpect(jsonPath("$.assignments[3].unit").value(QualityYearScenario.TTS))
                .andExpect(jsonPath("$.assignments[3].assignedOn").value("2024-07-01"));
        mvc.perform(get("/api/objectives/obj-none/assignment-history")).andExpect(status().isNotFound());
    }

    /** An event delivered again, or an update that changes nothing (LEAST of an earlier date), adds no version. */
    @Test
    void writesNoVersionForAnUpdateThatChangesNothing() {
        String versions = "SELECT count(*) FROM query.occurrence_version WHERE objective_id = 'obj-mt1'";
        long before = jdbc.queryForObject(versions, Long.class);
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT completed_on, recorded_at FROM query.occurrence WHERE objective_id = 'obj-mt1' AND occurrence_id = 'm1@2024-03-31'");
        jdbc.update("""
                UPDATE query.occurrence SET completed_on = LEAST(completed_on, DATE '2024-12-01'), recorded_at = now()
                WHERE objective_id = 'obj-mt1' AND occurrence_id = 'm1@2024-03-31'
                """);
        assertThat(jdbc.queryForObject(versions, Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForMap("SELECT completed_on, recorded_at FROM query.occurrence WHERE objective_id = 'obj-mt1' AND occurrence_id = 'm1@2024-03-31'"))
                .isEqualTo(row);
    }

    /**
     * The views and the triggers' statements list the tables' columns as they were when made: a column added later
     * needs it in the version table and query.create_row_versions() again (V30__recorded_rows.sql).
     */
    @Test
    void hasVersionsAndPastViewsWithTheColumnsOfTheTables() {
        String columns = """
                SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position)
                FROM information_schema.columns WHERE table_schema = ? AND table_name = ?
                  AND column_name NOT IN ('recorded_from', 'recorded_to')
                """;
        for (String table : List.of("objective", "measure", "occurrence", "evidence", "measurement", "issued_report")) {
            String live = jdbc.queryForObject(columns, String.class, "query", table);
            assertThat(jdbc.queryForObject(columns, String.class, "query_as_recorded", table)).as("the past view of " + table)
                    .isEqualTo(live);
            if (VERSIONED.contains(table)) {
                assertThat(jdbc.queryForObject(columns, String.class, "query", table + "_version")).as(table + "_version")
                        .isEqualTo(live);
                String trigger = jdbc.queryForObject("SELECT prosrc FROM pg_proc WHERE proname = ?", String.class,
                        "record_" + table + "_version");
                for (String column : jdbc.queryForList("SELECT column_name FROM information_schema.columns"
                        + " WHERE table_schema = 'query' AND table_name = ?", String.class, table)) {
                    assertThat(trigger).as("the trigger of " + table).contains("NEW." + column + ",");
                }
            }
        }
    }

    /** Outside a past view the views have no instant: a read fails rather than answer from another one. */
    @Test
    void refusesToReadThePastViewsWithoutAnInstant() {
        assertThatThrownBy(() -> jdbc.queryForList("SELECT * FROM query_as_recorded.measure")).hasMessageContaining("as_recorded");
    }

    private Map<String, Object> occurrenceAt(Instant at) {
        return asRecorded.at(at, List.of("obj-mt1"), () -> jdbc.queryForMap(
                "SELECT assigned_unit, assigned_person, cancelled_on FROM occurrence WHERE objective_id = 'obj-mt1' AND occurrence_id = 'm2@2024-11-30'"));
    }

    /** Every row of the versioned tables that the transaction's search path leads to, without their bookkeeping. */
    private List<String> rows() {
        return VERSIONED.stream().map(table -> jdbc.queryForObject("SELECT coalesce(jsonb_agg(r ORDER BY r::text), '[]')::text FROM"
                + " (SELECT to_jsonb(t) - 'recorded_at' AS r FROM " + table + " t) rows", String.class)).toList();
    }

    private TreeSet<Instant> recordedInstants() {
        TreeSet<Instant> instants = new TreeSet<>();
        jdbc.queryForList("SELECT time_stamp FROM event_store.domain_event_entry", String.class).forEach(at -> instants.add(Instant.parse(at)));
        // the year's events were stamped by the stepping clock (another message made meanwhile may have taken a minute)
        assertThat(instants.first()).isBetween(FIRST_EVENT, FIRST_EVENT.plus(Duration.ofHours(1)));
        assertThat(instants.last()).isBefore(FIRST_EVENT.plus(Duration.ofDays(1)));
        return instants;
    }
}
