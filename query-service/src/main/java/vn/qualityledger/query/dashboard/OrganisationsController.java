package vn.qualityledger.query.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
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

    private final JdbcTemplate jdbc;
    private final ReadAccess access;

    OrganisationsController(JdbcTemplate jdbc, ReadAccess access) {
        this.jdbc = jdbc;
        this.access = access;
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
}
