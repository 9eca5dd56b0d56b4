package vn.qualityledger.query.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.qualityledger.query.progress.AsOfSql;

/** Reads the work board from the progress tables: one row per occurrence, its status computed for the date. */
@Repository
public class BoardRepository {

    private static final String BOARD = """
            SELECT o.objective_id, j.code AS objective_code, o.measure_id, m.code AS measure_code,
                   m.title AS measure_title, o.occurrence_id, o.due_date,
                   %s AS unit,
                   %s AS person,
                   CASE WHEN %s THEN 'CANCELLED'
                        WHEN o.completed_on <= :asOf AND o.completed_on <= o.due_date THEN 'DONE_ON_TIME'
                        WHEN o.completed_on <= :asOf THEN 'DONE_LATE'
                        WHEN o.due_date <= :asOf THEN 'OVERDUE'
                        ELSE 'UPCOMING' END AS status,
                   CASE WHEN o.completed_on <= :asOf THEN o.completed_on END AS completed_on,
                   (SELECT count(*) FROM evidence e
                    WHERE e.objective_id = o.objective_id AND e.occurrence_id = o.occurrence_id
                      AND %s) AS evidence_awaiting_review
            FROM occurrence o
            JOIN objective j ON j.id = o.objective_id
            JOIN measure m ON m.objective_id = o.objective_id AND m.measure_id = o.measure_id
            """.formatted(AsOfSql.UNIT, AsOfSql.PERSON, AsOfSql.CANCELLED, AsOfSql.AWAITING_REVIEW);

    private final NamedParameterJdbcTemplate jdbc;

    public BoardRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<BoardRow> find(BoardFilter filter, int limit, long offset) {
        MapSqlParameterSource params = parameters(filter).addValue("limit", limit).addValue("offset", offset);
        return jdbc.query(filtered(filter) + """
                ORDER BY due_date, objective_code, measure_code, occurrence_id
                LIMIT :limit OFFSET :offset
                """, params, (rs, row) -> new BoardRow(rs.getString("objective_id"), rs.getString("objective_code"),
                rs.getString("measure_id"), rs.getString("measure_code"), rs.getString("measure_title"),
                rs.getString("occurrence_id"), rs.getObject("due_date", LocalDate.class), rs.getString("unit"),
                rs.getString("person"), OccurrenceStatus.valueOf(rs.getString("status")),
                rs.getObject("completed_on", LocalDate.class), rs.getLong("evidence_awaiting_review")));
    }

    public long count(BoardFilter filter) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM (" + filtered(filter) + ") counted", parameters(filter), Long.class);
        return count == null ? 0 : count;
    }

    /** Only the filters given become conditions, so that PostgreSQL never has to type a null parameter. */
    private static String filtered(BoardFilter filter) {
        List<String> occurrenceConditions = new ArrayList<>();
        if (filter.organisationId() != null) {
            occurrenceConditions.add("j.organisation_id = :organisationId");
        }
        if (filter.year() != null) {
            occurrenceConditions.add("j.year = :year");
        }
        if (filter.objectiveId() != null) {
            occurrenceConditions.add("o.objective_id = :objectiveId");
        }
        if (filter.dueFrom() != null) {
            occurrenceConditions.add("o.due_date >= :dueFrom");
        }
        if (filter.dueTo() != null) {
            occurrenceConditions.add("o.due_date <= :dueTo");
        }
        // Unit and status are computed for the date, so they filter the computed rows.
        List<String> rowConditions = new ArrayList<>();
        if (filter.unit() != null) {
            rowConditions.add("unit = :unit");
        }
        if (filter.status() != null) {
            rowConditions.add("status = :status");
        }
        return "SELECT * FROM (" + BOARD + where(occurrenceConditions) + ") board " + where(rowConditions);
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + "\n";
    }

    private static MapSqlParameterSource parameters(BoardFilter filter) {
        return new MapSqlParameterSource("asOf", filter.asOf())
                .addValue("organisationId", filter.organisationId())
                .addValue("year", filter.year())
                .addValue("objectiveId", filter.objectiveId())
                .addValue("unit", filter.unit())
                .addValue("status", filter.status() == null ? null : filter.status().name())
                .addValue("dueFrom", filter.dueFrom())
                .addValue("dueTo", filter.dueTo());
    }
}
