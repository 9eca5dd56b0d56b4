package vn.qualityledger.query.nonconformity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.qualityledger.api.audit.FindingKind;
import vn.qualityledger.api.audit.Iso9001Clauses;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.query.nonconformity.NonconformityDetail.Action;
import vn.qualityledger.query.nonconformity.NonconformityDetail.ActorRef;
import vn.qualityledger.query.nonconformity.NonconformityDetail.AuditRef;
import vn.qualityledger.query.nonconformity.NonconformityDetail.Closure;
import vn.qualityledger.query.nonconformity.NonconformityDetail.FindingRef;
import vn.qualityledger.query.nonconformity.NonconformityDetail.ObjectiveRef;
import vn.qualityledger.query.nonconformity.NonconformityDetail.Origin;
import vn.qualityledger.query.nonconformity.NonconformityDetail.Verification;
import vn.qualityledger.query.nonconformity.NonconformitySummary.ClauseCount;
import vn.qualityledger.query.nonconformity.NonconformitySummary.RepeatClause;
import vn.qualityledger.query.nonconformity.NonconformitySummary.UnitCount;
import vn.qualityledger.query.progress.Percentage;
import vn.qualityledger.query.tracking.ClauseOrder;
import vn.qualityledger.query.tracking.NonconformityStatus;
import vn.qualityledger.query.tracking.TrackingSql;

/** The tracker's figures, computed in SQL from the nonconformity-tracking tables for any date, at read time. */
@Repository
public class NonconformityRepository {

    /** The organisation's nonconformities as of the date, in the year (of raising) when {@code :year} is given. */
    private static final String SCOPED = """
            WITH s AS (%s)
            SELECT * FROM s WHERE s.organisation_id = :organisationId
              AND (CAST(:year AS integer) IS NULL OR extract(YEAR FROM s.raised_on) = :year)
            """.formatted(TrackingSql.NONCONFORMITIES);

    private static final String OPEN = TrackingSql.open("n");

    /** The list's filters, each ignored when its parameter is null. */
    private static final String FILTERS = """
             WHERE (CAST(:status AS text) IS NULL OR n.status = :status)
               AND (CAST(:source AS text) IS NULL OR n.source = :source)
               AND (CAST(:unit AS text) IS NULL OR n.unit = :unit)
               AND (CAST(:clause AS text) IS NULL OR n.clause = :clause)
               AND (CAST(:severity AS text) IS NULL OR n.severity = :severity)
               AND (CAST(:overdue AS boolean) IS NULL OR n.overdue = :overdue)
            """;

    /** The figures of the summary that are not breakdowns. */
    private record Totals(long total, long open, long closed, long overdue, long overdueActions, Integer oldestOpenAgeDays,
                          BigDecimal median, BigDecimal p90, long verified, long firstTimeEffective) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public NonconformityRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public NonconformitySummary summary(String organisationId, Integer year, LocalDate asOf) {
        MapSqlParameterSource params = params(organisationId, year, asOf);
        Totals totals = jdbc.queryForObject("""
                SELECT count(*) AS total, count(*) FILTER (WHERE %1$s) AS open, count(*) FILTER (WHERE NOT (%1$s)) AS closed,
                       count(*) FILTER (WHERE overdue) AS overdue, coalesce(sum(overdue_actions), 0) AS overdue_actions,
                       max(age_days) FILTER (WHERE %1$s) AS oldest_open,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY age_days) FILTER (WHERE NOT (%1$s)) AS median,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY age_days) FILTER (WHERE NOT (%1$s)) AS p90,
                       count(*) FILTER (WHERE first_verification_effective IS NOT NULL) AS verified,
                       count(*) FILTER (WHERE first_verification_effective) AS first_time_effective
                FROM (%2$s) n
                """.formatted(OPEN, SCOPED), params, (rs, row) -> new Totals(rs.getLong("total"), rs.getLong("open"),
                rs.getLong("closed"), rs.getLong("overdue"), rs.getLong("overdue_actions"), rs.getObject("oldest_open", Integer.class),
                days(rs, "median"), days(rs, "p90"), rs.getLong("verified"), rs.getLong("first_time_effective")));

        Map<NonconformityStatus, Long> byStatus = zeros(NonconformityStatus.class);
        Map<NonconformitySource, Long> bySource = zeros(NonconformitySource.class);
        Map<Severity, Long> bySeverity = zeros(Severity.class);
        List<UnitCount> byUnit = new ArrayList<>();
        List<ClauseCount> byClause = new ArrayList<>();
        jdbc.query("""
                WITH n AS (%2$s)
                SELECT 'STATUS' AS dimension, status AS key, count(*) AS total, count(*) FILTER (WHERE %1$s) AS open,
                       count(*) FILTER (WHERE overdue) AS overdue FROM n GROUP BY status
                UNION ALL
                SELECT 'SOURCE', source, count(*), count(*) FILTER (WHERE %1$s), count(*) FILTER (WHERE overdue) FROM n GROUP BY source
                UNION ALL
                SELECT 'SEVERITY', severity, count(*), count(*) FILTER (WHERE %1$s), count(*) FILTER (WHERE overdue) FROM n GROUP BY severity
                UNION ALL
                SELECT 'UNIT', unit, count(*), count(*) FILTER (WHERE %1$s), count(*) FILTER (WHERE overdue) FROM n GROUP BY unit
                UNION ALL
                SELECT 'CLAUSE', clause, count(*), count(*) FILTER (WHERE %1$s), count(*) FILTER (WHERE overdue) FROM n GROUP BY clause
                """.formatted(OPEN, SCOPED), params, rs -> {
            String key = rs.getString("key");
            long total = rs.getLong("total");
            switch (rs.getString("dimension")) {
                case "STATUS" -> byStatus.put(NonconformityStatus.valueOf(key), total);
                case "SOURCE" -> bySource.put(NonconformitySource.valueOf(key), total);
                case "SEVERITY" -> bySeverity.put(Severity.valueOf(key), total);
                case "UNIT" -> byUnit.add(new UnitCount(key, total, rs.getLong("open"), rs.getLong("overdue")));
                default -> byClause.add(new ClauseCount(key, Iso9001Clauses.title(key), total, rs.getLong("open"), rs.getLong("overdue")));
            }
        });
        byUnit.sort(Comparator.comparing(UnitCount::unit, Comparator.nullsLast(Comparator.naturalOrder())));
        byClause.sort(Comparator.comparing(ClauseCount::clause, ClauseOrder.COMPARATOR));
        return new NonconformitySummary(organisationId, year, asOf, totals.total(), totals.open(), totals.closed(),
                totals.overdue(), totals.overdueActions(), totals.oldestOpenAgeDays(), totals.median(), totals.p90(),
                totals.verified(), totals.firstTimeEffective(), Percentage.of(totals.firstTimeEffective(), totals.verified()),
                byStatus, bySource, bySeverity, byUnit, byClause, repeatClauses(organisationId, asOf));
    }

    /** Across every year: a clause that keeps failing audits is what this is for. */
    List<RepeatClause> repeatClauses(String organisationId, LocalDate asOf) {
        List<RepeatClause> repeats = jdbc.query("""
                WITH n AS (%s)
                SELECT clause, array_agg(DISTINCT origin_audit_id ORDER BY origin_audit_id) AS audit_ids,
                       array_agg(id ORDER BY raised_on, id) AS nonconformity_ids
                FROM n
                WHERE source = 'AUDIT_FINDING' AND clause IS NOT NULL AND origin_audit_id IS NOT NULL
                GROUP BY clause
                HAVING count(DISTINCT origin_audit_id) >= 2
                """.formatted(SCOPED), params(organisationId, null, asOf), (rs, row) -> new RepeatClause(rs.getString("clause"),
                Iso9001Clauses.title(rs.getString("clause")), strings(rs.getArray("audit_ids")), strings(rs.getArray("nonconformity_ids"))));
        return repeats.stream().sorted(Comparator.comparing(RepeatClause::clause, ClauseOrder.COMPARATOR)).toList();
    }

    public List<NonconformityRow> list(String organisationId, NonconformityFilter filter, LocalDate asOf, int limit, long offset) {
        return jdbc.query("SELECT * FROM (" + SCOPED + ") n" + FILTERS + " ORDER BY raised_on, id LIMIT :limit OFFSET :offset",
                filtered(organisationId, filter, asOf).addValue("limit", limit).addValue("offset", offset),
                (rs, row) -> row(rs));
    }

    public long count(String organisationId, NonconformityFilter filter, LocalDate asOf) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM (" + SCOPED + ") n" + FILTERS, filtered(organisationId, filter, asOf), Long.class);
        return count == null ? 0 : count;
    }

    public boolean objectiveExists(String objectiveId) {
        return !jdbc.queryForList("SELECT 1 FROM objective WHERE id = :id", Map.of("id", objectiveId), Integer.class).isEmpty();
    }

    /** The nonconformity as of the date; empty when it was not raised by then. */
    public Optional<NonconformityDetail> detail(String nonconformityId, LocalDate asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", asOf).addValue("id", nonconformityId);
        return jdbc.query("""
                WITH s AS (%s)
                SELECT s.*, a.title AS audit_title, a.year AS audit_year,
                       f.finding_id AS f_id, f.unit AS f_unit, f.clause AS f_clause, f.kind AS f_kind,
                       f.description AS f_description, f.evidence_seen AS f_evidence_seen, f.recorded_on AS f_recorded_on,
                       j.code AS objective_code, j.statement AS objective_statement, j.year AS objective_year
                FROM s
                LEFT JOIN audit a ON a.id = s.origin_audit_id
                LEFT JOIN finding f ON f.audit_id = s.origin_audit_id AND f.finding_id = s.origin_finding_id
                LEFT JOIN objective j ON j.id = s.origin_objective_id
                WHERE s.id = :id
                """.formatted(TrackingSql.NONCONFORMITIES), params, (rs, row) -> detail(rs, asOf)).stream().findFirst()
                .map(detail -> detail.withSteps(actions(params), closures(params)));
    }

    public ObjectiveNonconformities forObjective(String objectiveId, LocalDate asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", asOf).addValue("objectiveId", objectiveId);
        List<ObjectiveNonconformities.RelatedFinding> findings = jdbc.query("""
                WITH s AS (%s)
                SELECT f.*, s.id AS nonconformity_id, s.status
                FROM finding f
                LEFT JOIN s ON s.origin_audit_id = f.audit_id AND s.origin_finding_id = f.finding_id
                WHERE f.related_objective_id = :objectiveId AND f.recorded_on <= :asOf
                ORDER BY f.recorded_on, f.audit_id, f.finding_id
                """.formatted(TrackingSql.NONCONFORMITIES), params, (rs, row) -> new ObjectiveNonconformities.RelatedFinding(
                rs.getString("audit_id"), rs.getString("finding_id"), rs.getString("unit"), rs.getString("clause"),
                FindingKind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getString("related_measure_id"),
                rs.getObject("recorded_on", LocalDate.class), rs.getString("nonconformity_id"),
                rs.getString("status") == null ? null : NonconformityStatus.valueOf(rs.getString("status"))));
        List<NonconformityRow> nonconformities = jdbc.query("""
                WITH s AS (%s)
                SELECT s.* FROM s
                WHERE s.origin_objective_id = :objectiveId
                   OR EXISTS (SELECT 1 FROM finding f WHERE f.audit_id = s.origin_audit_id
                                 AND f.finding_id = s.origin_finding_id AND f.related_objective_id = :objectiveId)
                ORDER BY s.raised_on, s.id
                """.formatted(TrackingSql.NONCONFORMITIES), params, (rs, row) -> row(rs));
        return new ObjectiveNonconformities(objectiveId, asOf, findings, nonconformities);
    }

    // ---- rows ----------------------------------------------------------------------------------------------------

    private static NonconformityDetail detail(ResultSet rs, LocalDate asOf) throws SQLException {
        String clause = rs.getString("clause");
        String auditId = rs.getString("origin_audit_id");
        String findingId = rs.getString("f_id");
        String objectiveId = rs.getString("origin_objective_id");
        Origin origin = new Origin(NonconformitySource.valueOf(rs.getString("source")),
                auditId == null ? null : new AuditRef(auditId, rs.getString("audit_title"), rs.getObject("audit_year", Integer.class)),
                findingId == null ? null : new FindingRef(findingId, rs.getString("f_unit"), rs.getString("f_clause"),
                        Iso9001Clauses.title(rs.getString("f_clause")), FindingKind.valueOf(rs.getString("f_kind")),
                        rs.getString("f_description"), rs.getString("f_evidence_seen"), rs.getObject("f_recorded_on", LocalDate.class)),
                objectiveId == null ? null : new ObjectiveRef(objectiveId, rs.getString("objective_code"),
                        rs.getString("objective_statement"), rs.getObject("objective_year", Integer.class)),
                rs.getString("origin_measure_id"), rs.getString("complaint_reference"));
        LocalDate correctedOn = byThen(rs.getObject("corrected_on", LocalDate.class), asOf);
        LocalDate analysedOn = byThen(rs.getObject("analysed_on", LocalDate.class), asOf);
        return new NonconformityDetail(rs.getString("id"), rs.getString("organisation_id"), asOf,
                NonconformityStatus.valueOf(rs.getString("status")), rs.getObject("raised_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class), rs.getInt("age_days"), rs.getBoolean("overdue"),
                Severity.valueOf(rs.getString("severity")), rs.getString("unit"), clause, Iso9001Clauses.title(clause),
                rs.getString("description"), origin,
                correctedOn == null ? null : rs.getString("correction"), correctedOn,
                analysedOn == null ? null : rs.getString("root_cause"), analysedOn == null ? null : rs.getString("root_cause_method"),
                analysedOn, actor(rs, "raised_by"), correctedOn == null ? null : actor(rs, "corrected_by"),
                analysedOn == null ? null : actor(rs, "analysed_by"), List.of(), List.of());
    }

    private List<Action> actions(MapSqlParameterSource params) {
        Map<String, List<Verification>> verifications = new HashMap<>();
        jdbc.query("""
                SELECT * FROM verification WHERE nonconformity_id = :id AND verified_on <= :asOf ORDER BY stream_sequence
                """, params, rs -> {
            verifications.computeIfAbsent(rs.getString("action_id"), a -> new ArrayList<>()).add(
                    new Verification(rs.getBoolean("effective"), rs.getString("reason"), rs.getObject("verified_on", LocalDate.class),
                            actor(rs, "verified_by")));
        });
        return jdbc.query("""
                SELECT a.*, CAST(a.implemented_on <= :asOf AS boolean) AS implemented, %s AS overdue
                FROM corrective_action a
                WHERE a.nonconformity_id = :id AND a.planned_on <= :asOf
                ORDER BY a.planned_on, a.action_id
                """.formatted(TrackingSql.ACTION_OVERDUE), params, (rs, row) -> {
            boolean implemented = rs.getBoolean("implemented");
            DocumentReference evidence = !implemented || rs.getString("evidence_number") == null ? null : new DocumentReference(
                    rs.getString("evidence_number"), rs.getObject("evidence_date", LocalDate.class), rs.getString("evidence_issuer"),
                    rs.getString("evidence_title"), rs.getString("evidence_link"), rs.getString("evidence_sha256"));
            return new Action(rs.getString("action_id"), rs.getString("owner_unit"), rs.getString("description"),
                    rs.getObject("due_date", LocalDate.class), rs.getObject("planned_on", LocalDate.class),
                    implemented ? rs.getObject("implemented_on", LocalDate.class) : null, evidence,
                    implemented ? rs.getString("implementation_note") : null, rs.getBoolean("overdue"),
                    rs.getBoolean("overdue_recorded"), verifications.getOrDefault(rs.getString("action_id"), List.of()),
                    actor(rs, "planned_by"), implemented ? actor(rs, "implemented_by") : null);
        });
    }

    private List<Closure> closures(MapSqlParameterSource params) {
        return jdbc.query("""
                SELECT * FROM nonconformity_closure WHERE nonconformity_id = :id AND on_date <= :asOf ORDER BY stream_sequence
                """, params, (rs, row) -> new Closure(rs.getBoolean("closed"), rs.getObject("on_date", LocalDate.class), rs.getString("note"),
                actorOf(rs.getString("actor_id"), rs.getString("actor_name"))));
    }

    /** Who recorded a step, from the columns {@code <prefix>} (id) and {@code <prefix>_name}; null when not attributed. */
    private static ActorRef actor(ResultSet rs, String prefix) throws SQLException {
        return actorOf(rs.getString(prefix), rs.getString(prefix + "_name"));
    }

    private static ActorRef actorOf(String id, String name) {
        return id == null ? null : new ActorRef(id, name);
    }

    static NonconformityRow row(ResultSet rs) throws SQLException {
        return new NonconformityRow(rs.getString("id"), NonconformitySource.valueOf(rs.getString("source")),
                Severity.valueOf(rs.getString("severity")), rs.getString("unit"), rs.getString("clause"),
                rs.getString("description"), rs.getObject("raised_on", LocalDate.class),
                NonconformityStatus.valueOf(rs.getString("status")), rs.getObject("closed_on", LocalDate.class),
                rs.getInt("age_days"), rs.getBoolean("overdue"), rs.getLong("overdue_actions"), rs.getLong("actions_planned"),
                rs.getString("origin_audit_id"), rs.getString("origin_finding_id"), rs.getString("origin_objective_id"));
    }

    private static MapSqlParameterSource filtered(String organisationId, NonconformityFilter filter, LocalDate asOf) {
        return params(organisationId, filter.year(), asOf)
                .addValue("status", filter.status() == null ? null : filter.status().name())
                .addValue("source", filter.source() == null ? null : filter.source().name())
                .addValue("unit", filter.unit())
                .addValue("clause", filter.clause())
                .addValue("severity", filter.severity() == null ? null : filter.severity().name())
                .addValue("overdue", filter.overdue());
    }

    private static MapSqlParameterSource params(String organisationId, Integer year, LocalDate asOf) {
        return new MapSqlParameterSource("asOf", asOf).addValue("organisationId", organisationId).addValue("year", year);
    }

    private static LocalDate byThen(LocalDate date, LocalDate asOf) {
        return date == null || date.isAfter(asOf) ? null : date;
    }

    /** Days as a number with two decimals (percentile_cont may interpolate halfway between two ranks). */
    private static BigDecimal days(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0L);
        }
        return counts;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
