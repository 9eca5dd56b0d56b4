package vn.qualityledger.query.auditprogramme;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.web.NotFoundException;
import vn.qualityledger.query.web.ReadAccess;

/**
 * One internal audit round as the read model has it now: its plan, its team as last appointed (with names, V26), each
 * scope unit's audit as last scheduled and the days it was held (with counts of checklist notes), its findings with
 * the nonconformity each raised, the report and the closing. The checklist notes themselves are only in the round's
 * event stream ({@code /api/audits/{id}/history}).
 */
@RestController
@Tag(name = "Audit programme")
public class AuditRoundController {

    // Named for the API document: springdoc names schemas by simple name, and another record is called the same.
    @Schema(name = "AuditTeamMember")
    public record Person(String userId, String name) {
    }

    public record Team(Person lead, List<Person> members, String decisionNumber, LocalDate decisionDate, LocalDate appointedOn) {
    }

    public record Held(LocalDate heldOn, int notes, int nonconformingNotes) {
    }

    public record UnitAudit(String unit, LocalDate scheduledDate, List<String> auditors, List<Held> held) {
    }

    /** @param nonconformityId the nonconformity the service raised from it (major and minor nonconformities), once projected */
    public record Finding(String findingId, String unit, String clause, String kind, String description, String evidenceSeen,
                          String relatedObjectiveId, String relatedMeasureId, LocalDate recordedOn, String nonconformityId) {
    }

    public record Report(String number, String summary, LocalDate issuedOn) {
    }

    public record AuditRound(String auditId, String organisationId, int year, String title, List<String> scopeUnits, String criteria,
                             List<String> clauses, LocalDate plannedFrom, LocalDate plannedTo, LocalDate plannedOn, Team team,
                             List<UnitAudit> unitAudits, List<Finding> findings, Report report, LocalDate closedOn) {
    }

    private final JdbcTemplate jdbc;
    private final ReadAccess access;

    public AuditRoundController(JdbcTemplate jdbc, ReadAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @GetMapping("/api/audits/{auditId}")
    @Operation(summary = "One internal audit round as recorded now: plan, team, unit audits, findings with their nonconformities, report, closing")
    public AuditRound round(@PathVariable String auditId) {
        access.requireStream(auditId);
        List<AuditRound> rounds = jdbc.query("SELECT * FROM query.audit WHERE id = ?", (rs, row) -> new AuditRound(
                rs.getString("id"), rs.getString("organisation_id"), rs.getInt("year"), rs.getString("title"), strings(rs, "scope_units"),
                rs.getString("criteria"), strings(rs, "clauses"), day(rs, "planned_from"), day(rs, "planned_to"), day(rs, "planned_on"),
                team(rs), unitAudits(auditId), findings(auditId),
                rs.getString("report_number") == null && rs.getDate("report_issued_on") == null ? null
                        : new Report(rs.getString("report_number"), rs.getString("report_summary"), day(rs, "report_issued_on")),
                day(rs, "closed_on")), auditId);
        if (rounds.isEmpty()) {
            throw new NotFoundException("No audit " + auditId);
        }
        return rounds.get(0);
    }

    /** The team as last appointed: user ids from {@code team}, names from {@code team_names} (null before V26 until a rebuild). */
    private static Team team(ResultSet rs) throws SQLException {
        if (day(rs, "team_appointed_on") == null) {
            return null;
        }
        List<String> ids = strings(rs, "team");
        List<String> names = strings(rs, "team_names");
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            people.add(new Person(ids.get(i), i < names.size() ? names.get(i) : i == 0 ? rs.getString("lead_auditor") : null));
        }
        return new Team(people.isEmpty() ? null : people.get(0), people.size() > 1 ? List.copyOf(people.subList(1, people.size())) : List.of(),
                rs.getString("decision_number"), day(rs, "decision_date"), day(rs, "team_appointed_on"));
    }

    private List<UnitAudit> unitAudits(String auditId) {
        Map<String, List<Held>> held = new LinkedHashMap<>();
        jdbc.query("SELECT unit, held_on, note_count, nonconforming_notes FROM query.unit_audit_held WHERE audit_id = ? ORDER BY unit, held_on",
                rs -> {
                    held.computeIfAbsent(rs.getString("unit"), unit -> new ArrayList<>())
                            .add(new Held(day(rs, "held_on"), rs.getInt("note_count"), rs.getInt("nonconforming_notes")));
                }, auditId);
        List<UnitAudit> audits = new ArrayList<>();
        jdbc.query("SELECT unit, scheduled_date, auditors FROM query.unit_audit WHERE audit_id = ? ORDER BY scheduled_date, unit",
                rs -> {
                    audits.add(new UnitAudit(rs.getString("unit"), day(rs, "scheduled_date"), strings(rs, "auditors"),
                            List.copyOf(held.getOrDefault(rs.getString("unit"), List.of()))));
                }, auditId);
        return audits;
    }

    private List<Finding> findings(String auditId) {
        return jdbc.query("""
                SELECT f.*, (SELECT n.id FROM query.nonconformity n
                             WHERE n.origin_audit_id = f.audit_id AND n.origin_finding_id = f.finding_id LIMIT 1) AS nonconformity_id
                FROM query.finding f WHERE f.audit_id = ? ORDER BY f.recorded_on, f.finding_id
                """, (rs, row) -> new Finding(rs.getString("finding_id"), rs.getString("unit"), rs.getString("clause"), rs.getString("kind"),
                rs.getString("description"), rs.getString("evidence_seen"), rs.getString("related_objective_id"),
                rs.getString("related_measure_id"), day(rs, "recorded_on"), rs.getString("nonconformity_id")), auditId);
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
