package vn.qualityledger.query.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.directory.DirectoryNames;
import vn.qualityledger.query.web.ReadAccess;

/**
 * The organisations and years a reader can open: their own organisation, or every one for a province-level reader.
 * What a dashboard needs to offer a choice instead of asking for a code.
 */
@RestController
@Tag(name = "Dashboards")
class OrganisationsController {

    /** An organisation with the years it has objectives for, newest first. */
    record OrganisationYears(String organisationId, List<Integer> years) {
    }

    record Organisations(List<OrganisationYears> organisations) {
    }

    /**
     * The units an organisation's records name, for forms that offer a choice of unit, and the names its directory
     * records.
     *
     * @param year             the year asked for, or null for every year
     * @param units            unit codes, sorted: the lead, coordinating and assigned units of its measures and
     *                         occurrences, the scope units, unit audits and findings of its audits, and the units of its
     *                         nonconformities and of their corrective actions; plan groups ({@code ALL_UNITS},
     *                         {@code UNIT_HEADS}) left out
     * @param organisationName the organisation's name as its directory records it, or null (show the code)
     * @param parentName       its parent body's name, or null
     * @param directory        every unit of its directory (groups included) with its name and kind, in the directory's
     *                         order: how a page shows a code as its name; empty when no names are recorded
     */
    record OrganisationUnits(String organisationId, Integer year, List<String> units, String organisationName, String parentName,
                             List<DirectoryNames.UnitName> directory) {
    }

    private final JdbcTemplate jdbc;
    private final ReadAccess access;
    private final DirectoryNames names;

    OrganisationsController(JdbcTemplate jdbc, ReadAccess access, DirectoryNames names) {
        this.jdbc = jdbc;
        this.access = access;
        this.names = names;
    }

    @GetMapping("/api/organisations")
    @Operation(summary = "The organisations the reader may read, each with the years it has objectives for")
    Organisations organisations() {
        String scope = access.organisationScope();
        String sql = "SELECT DISTINCT organisation_id, year FROM query.objective"
                + (scope == null ? "" : " WHERE organisation_id = ?") + " ORDER BY organisation_id, year DESC";
        Map<String, List<Integer>> years = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            years.computeIfAbsent(rs.getString("organisation_id"), id -> new ArrayList<>()).add(rs.getInt("year"));
        }, scope == null ? new Object[0] : new Object[]{scope});
        return new Organisations(years.entrySet().stream().map(e -> new OrganisationYears(e.getKey(), List.copyOf(e.getValue()))).toList());
    }

    /**
     * {@code units} is what the organisation's records name (a unit no record names yet is typed by hand in the forms);
     * {@code directory} what its directory names, from the plan documents or {@code PUT …/directory}.
     */
    @GetMapping("/api/organisations/{organisationId}/units")
    @Operation(summary = "The units the organisation's plan, work, audits and nonconformities name (for forms offering a unit)")
    OrganisationUnits units(@PathVariable String organisationId,
                            @RequestParam(required = false) @jakarta.validation.constraints.Min(2000) @jakarta.validation.constraints.Max(2100) Integer year) {
        access.requireOrganisation(organisationId);
        MapSqlParameterSource parameters = new MapSqlParameterSource("organisationId", organisationId).addValue("year", year);
        List<String> units = new NamedParameterJdbcTemplate(jdbc).queryForList("""
                SELECT DISTINCT u FROM (
                    SELECT unnest(m.lead_units || m.coordinating_units || CASE WHEN m.assigned_unit IS NULL THEN '{}'::text[]
                                                                              ELSE ARRAY[m.assigned_unit] END) AS u
                    FROM query.measure m JOIN query.objective j ON j.id = m.objective_id
                    WHERE j.organisation_id = :organisationId AND (CAST(:year AS INTEGER) IS NULL OR j.year = :year)
                    UNION
                    SELECT o.assigned_unit FROM query.occurrence o JOIN query.objective j ON j.id = o.objective_id
                    WHERE j.organisation_id = :organisationId AND (CAST(:year AS INTEGER) IS NULL OR j.year = :year)
                    UNION
                    SELECT unnest(a.scope_units) FROM query.audit a
                    WHERE a.organisation_id = :organisationId AND (CAST(:year AS INTEGER) IS NULL OR a.year = :year)
                    UNION
                    SELECT ua.unit FROM query.unit_audit ua JOIN query.audit a ON a.id = ua.audit_id
                    WHERE a.organisation_id = :organisationId AND (CAST(:year AS INTEGER) IS NULL OR a.year = :year)
                    UNION
                    SELECT f.unit FROM query.finding f
                    WHERE f.organisation_id = :organisationId AND (CAST(:year AS INTEGER) IS NULL OR f.year = :year)
                    UNION
                    SELECT n.unit FROM query.nonconformity n
                    WHERE n.organisation_id = :organisationId AND (CAST(:year AS INTEGER) IS NULL OR extract(year FROM n.raised_on) = :year)
                    UNION
                    SELECT c.owner_unit FROM query.corrective_action c JOIN query.nonconformity n ON n.id = c.nonconformity_id
                    WHERE n.organisation_id = :organisationId AND (CAST(:year AS INTEGER) IS NULL OR extract(year FROM n.raised_on) = :year)
                ) named
                WHERE u IS NOT NULL AND u <> '' AND left(u, 4) <> 'ALL_' AND u <> 'UNIT_HEADS'
                ORDER BY u
                """, parameters, String.class);
        Optional<DirectoryNames.OrganisationName> organisation = names.organisation(organisationId);
        return new OrganisationUnits(organisationId, year, units, organisation.map(DirectoryNames.OrganisationName::name).orElse(null),
                organisation.map(DirectoryNames.OrganisationName::parentName).orElse(null), names.units(organisationId));
    }
}
