package vn.qualityledger.query.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The names organisations and units are known by now, for reads that show a code. Read from the live directory
 * tables with a plain JDBC template, never from a replay's copy: a read {@code knownAt} an instant shows its figures as
 * recorded then and its names as known now (a rename is a new name for the same code, not other figures). A code with no
 * name recorded has none here, and the reader shows the code.
 */
@Component
public class DirectoryNames {

    /** An organisation's own name and its parent body's (null when not recorded). */
    public record OrganisationName(String organisationId, String name, String parentName) {
    }

    /** A unit of the directory. */
    public record UnitName(String code, String name, String kind) {
    }

    private final JdbcTemplate jdbc;

    public DirectoryNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrganisationName> organisation(String organisationId) {
        return jdbc.query("SELECT organisation_id, name, parent_name FROM query.organisation_directory WHERE organisation_id = ?",
                (rs, n) -> new OrganisationName(rs.getString(1), rs.getString(2), rs.getString(3)), organisationId).stream().findFirst();
    }

    /** Organisation code to name, for those of the codes that have one recorded. */
    public Map<String, String> organisationNames(Collection<String> organisationIds) {
        Map<String, String> names = new LinkedHashMap<>();
        if (organisationIds.isEmpty()) {
            return names;
        }
        new NamedParameterJdbcTemplate(jdbc).query("SELECT organisation_id, name FROM query.organisation_directory WHERE organisation_id IN (:ids)",
                new MapSqlParameterSource("ids", List.copyOf(organisationIds)), rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** The organisation's units in the order its directory lists them. */
    public List<UnitName> units(String organisationId) {
        return jdbc.query("SELECT code, name, kind FROM query.directory_unit WHERE organisation_id = ? ORDER BY position",
                (rs, n) -> new UnitName(rs.getString(1), rs.getString(2), rs.getString(3)), organisationId);
    }

    /** Unit code to name in the organisation's directory. */
    public Map<String, String> unitNames(String organisationId) {
        Map<String, String> names = new LinkedHashMap<>();
        for (UnitName unit : units(organisationId)) {
            names.put(unit.code(), unit.name());
        }
        return names;
    }

    /**
     * Unit names by the organisation of each objective (live {@code query.objective}), for lists that span
     * organisations: objective id to (unit code to name).
     */
    public Map<String, Map<String, String>> unitNamesByObjective(Collection<String> objectiveIds) {
        Map<String, Map<String, String>> byObjective = new LinkedHashMap<>();
        if (objectiveIds.isEmpty()) {
            return byObjective;
        }
        Map<String, Map<String, String>> byOrganisation = new LinkedHashMap<>();
        new NamedParameterJdbcTemplate(jdbc).query("SELECT id, organisation_id FROM query.objective WHERE id IN (:ids)",
                new MapSqlParameterSource("ids", List.copyOf(objectiveIds)), rs -> {
                    byObjective.put(rs.getString(1), byOrganisation.computeIfAbsent(rs.getString(2), this::unitNames));
                });
        return byObjective;
    }
}
