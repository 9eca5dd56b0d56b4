package vn.qualityledger.query.auditprogramme;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.qualityledger.api.audit.Iso9001Clauses;
import vn.qualityledger.query.auditprogramme.AuditProgramme.AuditStatus;
import vn.qualityledger.query.auditprogramme.AuditProgramme.AuditedUnit;
import vn.qualityledger.query.auditprogramme.AuditProgramme.ClauseFindings;
import vn.qualityledger.query.auditprogramme.AuditProgramme.DueUnit;
import vn.qualityledger.query.auditprogramme.AuditProgramme.KindCounts;
import vn.qualityledger.query.auditprogramme.AuditProgramme.UnitFindings;
import vn.qualityledger.query.progress.Percentage;
import vn.qualityledger.query.tracking.ClauseOrder;
import vn.qualityledger.query.tracking.TrackingSql;

/**
 * The audit programme computed in SQL from the audit tables (and the plan's units), for any date, at read time. Units
 * are listed in Java's string order, not the database collation's, so that every deployment lists them alike.
 */
@Repository
public class AuditProgrammeRepository {

    /** Plan groups that stand for many units rather than naming one. */
    private static final String NOT_A_GROUP = "left(u, 4) <> 'ALL_' AND u <> 'UNIT_HEADS'";

    /** Audits {@code a} of the organisation's year planned by the date. */
    private static final String YEARS_AUDITS = "a.organisation_id = :organisationId AND a.year = :year AND a.planned_on <= :asOf";

    /** Counts of findings {@code f} by kind. */
    private static final String KIND_COUNTS = """
            count(f.finding_id) FILTER (WHERE f.kind = 'MAJOR_NONCONFORMITY') AS major,
            count(f.finding_id) FILTER (WHERE f.kind = 'MINOR_NONCONFORMITY') AS minor,
            count(f.finding_id) FILTER (WHERE f.kind = 'OBSERVATION') AS observation,
            count(f.finding_id) FILTER (WHERE f.kind = 'OPPORTUNITY_FOR_IMPROVEMENT') AS opportunity,
            count(f.finding_id) AS total""";

    /** Findings {@code f} recorded by the date in the organisation's year. */
    private static final String YEARS_FINDINGS = "f.organisation_id = :organisationId AND f.year = :year AND f.recorded_on <= :asOf";

    private final NamedParameterJdbcTemplate jdbc;

    public AuditProgrammeRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public AuditProgramme programme(String organisationId, int year, LocalDate asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", asOf)
                .addValue("organisationId", organisationId).addValue("year", year);
        List<String> units = jdbc.queryForList("""
                SELECT u FROM (
                    SELECT unnest(a.scope_units) AS u FROM audit a WHERE %1$s
                    UNION
                    SELECT unnest(m.lead_units || m.coordinating_units) FROM measure m
                    JOIN objective j ON j.id = m.objective_id
                    WHERE j.organisation_id = :organisationId AND j.year = :year
                    UNION
                    SELECT h.unit FROM unit_audit_held h JOIN audit a ON a.id = h.audit_id
                    WHERE %1$s AND h.held_on <= :asOf
                ) known
                WHERE %2$s
                """.formatted(YEARS_AUDITS, NOT_A_GROUP), params, String.class).stream().sorted().toList();
        List<AuditedUnit> audited = jdbc.query("""
                SELECT h.unit, min(h.held_on) AS first_held_on, array_agg(DISTINCT h.audit_id ORDER BY h.audit_id) AS audit_ids
                FROM unit_audit_held h JOIN audit a ON a.id = h.audit_id
                WHERE %s AND h.held_on <= :asOf
                GROUP BY h.unit
                """.formatted(YEARS_AUDITS), params, (rs, row) -> new AuditedUnit(rs.getString("unit"),
                rs.getObject("first_held_on", LocalDate.class), strings(rs.getArray("audit_ids"))))
                .stream().sorted(Comparator.comparing(AuditedUnit::unit)).toList();
        Map<String, LocalDate> scheduled = new LinkedHashMap<>();
        jdbc.query("""
                SELECT ua.unit, min(ua.scheduled_date) AS scheduled_on
                FROM unit_audit ua JOIN audit a ON a.id = ua.audit_id
                WHERE %s
                GROUP BY ua.unit
                """.formatted(YEARS_AUDITS), params, rs -> {
            scheduled.put(rs.getString("unit"), rs.getObject("scheduled_on", LocalDate.class));
        });
        List<String> auditedUnits = audited.stream().map(AuditedUnit::unit).toList();
        List<DueUnit> due = units.stream().filter(u -> !auditedUnits.contains(u)).map(u -> new DueUnit(u, scheduled.get(u))).toList();

        List<UnitFindings> byUnit = jdbc.query("""
                SELECT f.unit, %s FROM finding f WHERE %s GROUP BY f.unit
                """.formatted(KIND_COUNTS, YEARS_FINDINGS), params, (rs, row) -> new UnitFindings(rs.getString("unit"), kinds(rs)))
                .stream().sorted(Comparator.comparing(UnitFindings::unit)).toList();
        List<ClauseFindings> byClause = new ArrayList<>(jdbc.query("""
                SELECT f.clause, %s FROM finding f WHERE %s GROUP BY f.clause
                """.formatted(KIND_COUNTS, YEARS_FINDINGS), params, (rs, row) -> new ClauseFindings(rs.getString("clause"),
                Iso9001Clauses.title(rs.getString("clause")), kinds(rs))));
        byClause.sort(Comparator.comparing(ClauseFindings::clause, ClauseOrder.COMPARATOR));

        List<AuditStatus> audits = jdbc.query("""
                WITH s AS (%1$s)
                SELECT a.id, a.title, a.planned_from, a.planned_to,
                       CASE WHEN a.report_issued_on <= :asOf THEN a.report_issued_on END AS report_issued_on,
                       CASE WHEN a.closed_on <= :asOf THEN a.closed_on END AS closed_on,
                       (SELECT count(DISTINCT h.unit) FROM unit_audit_held h
                        WHERE h.audit_id = a.id AND h.held_on <= :asOf) AS units_held,
                       fc.*
                FROM audit a
                CROSS JOIN LATERAL (
                    SELECT %2$s,
                           array_agg(f.finding_id ORDER BY f.finding_id) FILTER (WHERE %3$s) AS open_ids
                    FROM finding f
                    LEFT JOIN s ON s.origin_audit_id = f.audit_id AND s.origin_finding_id = f.finding_id
                    WHERE f.audit_id = a.id AND f.recorded_on <= :asOf
                ) fc
                WHERE %4$s
                ORDER BY a.planned_from, a.id
                """.formatted(TrackingSql.NONCONFORMITIES, KIND_COUNTS, OPEN_FINDING, YEARS_AUDITS), params, (rs, row) -> {
            List<String> open = strings(rs.getArray("open_ids"));
            return new AuditStatus(rs.getString("id"), rs.getString("title"), rs.getObject("planned_from", LocalDate.class),
                    rs.getObject("planned_to", LocalDate.class), rs.getObject("report_issued_on", LocalDate.class),
                    rs.getObject("closed_on", LocalDate.class), rs.getLong("units_held"), kinds(rs), open.size(), open);
        });
        return new AuditProgramme(organisationId, year, asOf, units.size(), audited, due,
                Percentage.of(audited.size(), units.size()), byUnit, byClause, audits);
    }

    /**
     * Finding {@code f} (joined to its nonconformity {@code s} as of the date) is open: a major or minor nonconformity
     * finding whose nonconformity is not closed, or not raised yet.
     */
    private static final String OPEN_FINDING =
            "f.kind IN ('MAJOR_NONCONFORMITY', 'MINOR_NONCONFORMITY') AND (s.id IS NULL OR " + TrackingSql.open("s") + ")";

    private static KindCounts kinds(ResultSet rs) throws SQLException {
        return new KindCounts(rs.getLong("major"), rs.getLong("minor"), rs.getLong("observation"), rs.getLong("opportunity"),
                rs.getLong("total"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
