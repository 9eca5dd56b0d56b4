package vn.qualityledger.query.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.web.ReadAccess;

/**
 * Who an objective's measures and occurrences were assigned to, over time: every assignment and reassignment, from the
 * versions of their rows (V30__recorded_rows.sql), where the live plan shows only the latest.
 */
@RestController
class AssignmentHistoryController {

    /**
     * One assignment of a measure (occurrenceId null) or of one occurrence of it.
     *
     * @param recordedFrom when the assignment was recorded
     * @param recordedTo   when a later assignment of the same measure or occurrence replaced it; null while it holds
     */
    record Assignment(String measureId, String occurrenceId, String unit, String person, LocalDate assignedOn,
                      Instant recordedFrom, Instant recordedTo) {
    }

    record AssignmentHistory(String objectiveId, List<Assignment> assignments) {
    }

    private final JdbcTemplate jdbc;
    private final StreamHistory history;
    private final ReadAccess access;

    AssignmentHistoryController(JdbcTemplate jdbc, StreamHistory history, ReadAccess access) {
        this.jdbc = jdbc;
        this.history = history;
        this.access = access;
    }

    /** In the order they were recorded; a version that changed something else (a cancellation) is not an assignment. */
    @GetMapping("/api/objectives/{objectiveId}/assignment-history")
    AssignmentHistory assignments(@PathVariable String objectiveId) {
        access.requireObjective(objectiveId);
        history.requireExists(StreamHistory.Kind.OBJECTIVE, objectiveId);
        List<Assignment> assignments = jdbc.query("""
                SELECT measure_id, occurrence_id, unit, person, assigned_on, recorded_from,
                       lead(recorded_from) OVER (PARTITION BY measure_id, occurrence_id ORDER BY recorded_from) AS recorded_to
                FROM (SELECT measure_id, NULL AS occurrence_id, assigned_unit AS unit, assigned_person AS person, assigned_on,
                             recorded_from, (assigned_unit, assigned_person, assigned_on) IS DISTINCT FROM
                                 (lag(assigned_unit) OVER w, lag(assigned_person) OVER w, lag(assigned_on) OVER w) AS reassigned
                      FROM query.measure_version WHERE objective_id = ?
                      WINDOW w AS (PARTITION BY measure_id ORDER BY recorded_from)
                      UNION ALL
                      SELECT measure_id, occurrence_id, assigned_unit, assigned_person, assigned_on,
                             recorded_from, (assigned_unit, assigned_person, assigned_on) IS DISTINCT FROM
                                 (lag(assigned_unit) OVER w, lag(assigned_person) OVER w, lag(assigned_on) OVER w)
                      FROM query.occurrence_version WHERE objective_id = ?
                      WINDOW w AS (PARTITION BY occurrence_id ORDER BY recorded_from)) versions
                WHERE reassigned AND unit IS NOT NULL
                ORDER BY recorded_from, measure_id, occurrence_id NULLS FIRST
                """, (rs, row) -> new Assignment(rs.getString("measure_id"), rs.getString("occurrence_id"),
                rs.getString("unit"), rs.getString("person"), rs.getObject("assigned_on", LocalDate.class),
                instant(rs.getObject("recorded_from", OffsetDateTime.class)),
                instant(rs.getObject("recorded_to", OffsetDateTime.class))), objectiveId, objectiveId);
        return new AssignmentHistory(objectiveId, assignments);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
