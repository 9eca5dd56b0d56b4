package vn.qualityledger.query.dashboard;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.objective.Assessment;
import vn.qualityledger.api.objective.Comparator;
import vn.qualityledger.api.objective.Period;
import vn.qualityledger.api.objective.Target;
import vn.qualityledger.query.progress.AsOfSql;

/** Computes the dashboard figures in SQL from the progress tables, for any date, at read time. */
@Repository
public class DashboardRepository {

    /** The occurrence counts over rows of occurrence {@code o} (with {@code cancelled} as of the date). */
    private static final String COUNTS = """
            count(*) FILTER (WHERE NOT o.cancelled) AS total,
            count(*) FILTER (WHERE NOT o.cancelled AND o.due_date <= :asOf) AS due,
            count(*) FILTER (WHERE NOT o.cancelled AND o.due_date <= :asOf
                                   AND o.completed_on <= o.due_date AND o.completed_on <= :asOf) AS on_time,
            count(*) FILTER (WHERE NOT o.cancelled AND o.due_date <= :asOf
                                   AND o.completed_on > o.due_date AND o.completed_on <= :asOf) AS late,
            count(*) FILTER (WHERE NOT o.cancelled AND o.due_date > :asOf) AS upcoming""";

    private static final String OBJECTIVE_DASHBOARDS = """
            SELECT j.*, c.total, c.due, c.on_time, c.late, c.upcoming,
                   lm.measurement_id, lm.period_from, lm.period_to, lm.value, lm.numerator, lm.denominator, lm.source,
                   lm.recorded_on
            FROM objective j
            CROSS JOIN LATERAL (
                SELECT %s
                FROM (SELECT o.due_date, o.completed_on, %s AS cancelled
                      FROM occurrence o WHERE o.objective_id = j.id) o
            ) c
            LEFT JOIN LATERAL (
                SELECT * FROM measurement m
                WHERE m.objective_id = j.id AND m.period_to <= :asOf
                ORDER BY m.period_to DESC, m.stream_sequence DESC
                LIMIT 1
            ) lm ON TRUE
            """.formatted(COUNTS, AsOfSql.CANCELLED);

    private static final String UNIT_FIGURES = """
            WITH o AS (
                SELECT o.objective_id, o.occurrence_id, o.due_date, o.completed_on, %s AS cancelled, %s AS unit
                FROM occurrence o
                JOIN objective j ON j.id = o.objective_id
                JOIN measure m ON m.objective_id = o.objective_id AND m.measure_id = o.measure_id
                WHERE j.organisation_id = :organisationId AND j.year = :year
            ), awaiting AS (
                SELECT e.objective_id, e.occurrence_id, count(*) AS n
                FROM evidence e
                WHERE %s
                GROUP BY e.objective_id, e.occurrence_id
            )
            SELECT o.unit, %s, coalesce(sum(a.n), 0) AS evidence_awaiting_review
            FROM o LEFT JOIN awaiting a ON a.objective_id = o.objective_id AND a.occurrence_id = o.occurrence_id
            WHERE o.unit IS NOT NULL AND (CAST(:unit AS text) IS NULL OR o.unit = :unit)
            GROUP BY o.unit
            ORDER BY o.unit
            """.formatted(AsOfSql.CANCELLED, AsOfSql.UNIT, AsOfSql.AWAITING_REVIEW, COUNTS);

    private static final String MEASURE_FIGURES = """
            SELECT m.objective_id, m.measure_id, m.parent_measure_id, m.code, m.title, m.lead_units, m.coordinating_units,
                   CASE WHEN m.cancelled_on <= :asOf THEN m.cancelled_on END AS cancelled_on,
                   c.total, c.due, c.on_time, c.late, c.upcoming
            FROM measure m
            JOIN objective j ON j.id = m.objective_id
            CROSS JOIN LATERAL (
                SELECT %s
                FROM (SELECT o.due_date, o.completed_on, %s AS cancelled
                      FROM occurrence o WHERE o.objective_id = m.objective_id AND o.measure_id = m.measure_id) o
            ) c
            WHERE j.organisation_id = :organisationId AND j.year = :year
            ORDER BY j.code, j.id, m.code, m.measure_id
            """.formatted(COUNTS, AsOfSql.CANCELLED);

    private final NamedParameterJdbcTemplate jdbc;

    public DashboardRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ObjectiveDashboard> findObjective(String objectiveId, LocalDate asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", asOf).addValue("objectiveId", objectiveId);
        return jdbc.query(OBJECTIVE_DASHBOARDS + "WHERE j.id = :objectiveId", params, (rs, row) -> dashboard(rs, asOf))
                .stream().findFirst();
    }

    /** The objectives of an organisation's year ordered by code; {@code limit} null for all of them. */
    public List<ObjectiveDashboard> findObjectives(String organisationId, int year, LocalDate asOf, Integer limit, long offset) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", asOf)
                .addValue("organisationId", organisationId).addValue("year", year)
                .addValue("limit", limit).addValue("offset", offset);
        return jdbc.query(OBJECTIVE_DASHBOARDS + """
                WHERE j.organisation_id = :organisationId AND j.year = :year
                ORDER BY j.code, j.id
                LIMIT :limit OFFSET :offset
                """, params, (rs, row) -> dashboard(rs, asOf));
    }

    public long countObjectives(String organisationId, int year) {
        MapSqlParameterSource params = new MapSqlParameterSource("organisationId", organisationId).addValue("year", year);
        Long count = jdbc.queryForObject("SELECT count(*) FROM objective WHERE organisation_id = :organisationId AND year = :year",
                params, Long.class);
        return count == null ? 0 : count;
    }

    /** Every unit with work in the organisation's year, or only {@code unit} when it is not null. */
    public List<UnitFigures> findUnits(String organisationId, int year, LocalDate asOf, String unit) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", asOf)
                .addValue("organisationId", organisationId).addValue("year", year).addValue("unit", unit);
        return jdbc.query(UNIT_FIGURES, params, (rs, row) -> {
            OccurrenceCounts counts = counts(rs);
            return new UnitFigures(rs.getString("unit"), counts.total(), counts.due(), counts.onTime(), counts.late(),
                    counts.overdue(), OccurrenceCounts.completionRate(counts.due(), counts.onTime(), counts.late()),
                    OccurrenceCounts.onTimeRate(counts.due(), counts.onTime()), rs.getLong("evidence_awaiting_review"));
        });
    }

    /** Every measure of the organisation's year with the counts of its own occurrences, ordered by objective and code. */
    public List<MeasureFigures> findMeasures(String organisationId, int year, LocalDate asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", asOf)
                .addValue("organisationId", organisationId).addValue("year", year);
        return jdbc.query(MEASURE_FIGURES, params, (rs, row) -> {
            OccurrenceCounts counts = counts(rs);
            return new MeasureFigures(rs.getString("objective_id"), rs.getString("measure_id"), rs.getString("parent_measure_id"),
                    rs.getString("code"), rs.getString("title"), strings(rs.getArray("lead_units")),
                    strings(rs.getArray("coordinating_units")), rs.getObject("cancelled_on", LocalDate.class), counts,
                    OccurrenceCounts.completionRate(counts.due(), counts.onTime(), counts.late()),
                    OccurrenceCounts.onTimeRate(counts.due(), counts.onTime()));
        });
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static ObjectiveDashboard dashboard(ResultSet rs, LocalDate asOf) throws SQLException {
        String comparator = rs.getString("target_comparator");
        Target target = comparator == null ? null : new Target(rs.getString("target_indicator"),
                Comparator.valueOf(comparator), rs.getBigDecimal("target_value"), rs.getString("target_unit"));
        String decisionNumber = rs.getString("decision_number");
        Decision decision = decisionNumber == null ? null : new Decision(decisionNumber, rs.getObject("decision_date", LocalDate.class));
        // The closure is history like everything else: a dashboard for an earlier date does not show it yet.
        LocalDate closedOn = rs.getObject("closed_on", LocalDate.class);
        boolean closedByThen = closedOn != null && !closedOn.isAfter(asOf);
        LatestMeasurement latest = rs.getString("measurement_id") == null ? null : new LatestMeasurement(
                rs.getString("measurement_id"),
                new Period(rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class)),
                rs.getBigDecimal("value"), rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"),
                rs.getString("source"), rs.getObject("recorded_on", LocalDate.class));
        int year = rs.getInt("year");
        OccurrenceCounts counts = counts(rs);
        return new ObjectiveDashboard(rs.getString("id"), rs.getString("organisation_id"), year, rs.getString("code"),
                rs.getString("statement"), TargetView.of(target), decision,
                closedByThen ? closedOn : null,
                closedByThen ? new Assessment(rs.getBoolean("achieved"), rs.getString("assessment_reason")) : null,
                latest, KpiStatus.of(target, latest == null ? null : latest.value(), year, asOf), counts,
                OccurrenceCounts.completionRate(counts.due(), counts.onTime(), counts.late()),
                OccurrenceCounts.onTimeRate(counts.due(), counts.onTime()), asOf);
    }

    private static OccurrenceCounts counts(ResultSet rs) throws SQLException {
        return OccurrenceCounts.of(rs.getLong("total"), rs.getLong("due"), rs.getLong("on_time"), rs.getLong("late"),
                rs.getLong("upcoming"));
    }
}
