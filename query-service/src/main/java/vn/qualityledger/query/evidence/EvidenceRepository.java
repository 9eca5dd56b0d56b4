package vn.qualityledger.query.evidence;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the evidence register from the progress tables, each piece with its status computed for the date. */
@Repository
public class EvidenceRepository {

    /** Evidence filed after the date does not exist yet; a decision after it has not been taken yet. */
    private static final String REGISTER = """
            SELECT e.objective_id, j.code AS objective_code, e.measure_id, m.code AS measure_code, m.title AS measure_title,
                   m.monitors, e.occurrence_id, o.due_date, e.evidence_id, e.document_number, e.document_date,
                   e.document_issuer, e.document_title, e.document_link, e.document_sha256, e.submitted_on,
                   e.submitted_by, e.submitted_by_name, e.file_sha256, e.file_name, e.file_size, e.file_content_type,
                   CASE WHEN e.decided_on <= :asOf THEN e.status ELSE 'SUBMITTED' END AS status,
                   CASE WHEN e.decided_on <= :asOf THEN e.decided_on END AS decided_on,
                   CASE WHEN e.decided_on <= :asOf THEN e.effective_on END AS effective_on,
                   CASE WHEN e.decided_on <= :asOf THEN e.reason END AS reason
            FROM evidence e
            JOIN objective j ON j.id = e.objective_id
            JOIN measure m ON m.objective_id = e.objective_id AND m.measure_id = e.measure_id
            JOIN occurrence o ON o.objective_id = e.objective_id AND o.occurrence_id = e.occurrence_id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public EvidenceRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<EvidenceRow> find(EvidenceFilter filter, int limit, long offset) {
        MapSqlParameterSource params = parameters(filter).addValue("limit", limit).addValue("offset", offset);
        return jdbc.query(filtered(filter) + """
                ORDER BY submitted_on, objective_code, measure_code, evidence_id
                LIMIT :limit OFFSET :offset
                """, params, (rs, row) -> new EvidenceRow(rs.getString("objective_id"), rs.getString("objective_code"),
                rs.getString("measure_id"), rs.getString("measure_code"), rs.getString("measure_title"), strings(rs.getArray("monitors")),
                rs.getString("occurrence_id"), rs.getObject("due_date", LocalDate.class), rs.getString("evidence_id"),
                new EvidenceRow.Document(rs.getString("document_number"), rs.getObject("document_date", LocalDate.class),
                        rs.getString("document_issuer"), rs.getString("document_title"), rs.getString("document_link"),
                        rs.getString("document_sha256")),
                rs.getObject("submitted_on", LocalDate.class),
                rs.getString("submitted_by") == null ? null : new EvidenceRow.Filer(rs.getString("submitted_by"), rs.getString("submitted_by_name")),
                EvidenceStatus.valueOf(rs.getString("status")), rs.getObject("decided_on", LocalDate.class),
                rs.getObject("effective_on", LocalDate.class), rs.getString("reason"),
                rs.getString("file_sha256") == null ? null : new EvidenceRow.File(rs.getString("file_sha256"), rs.getString("file_name"),
                        rs.getLong("file_size"), rs.getString("file_content_type"))));
    }

    public long count(EvidenceFilter filter) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM (" + filtered(filter) + ") counted", parameters(filter), Long.class);
        return count == null ? 0 : count;
    }

    /** Only the filters given become conditions, so that PostgreSQL never has to type a null parameter. */
    private static String filtered(EvidenceFilter filter) {
        List<String> conditions = new ArrayList<>(List.of("e.submitted_on <= :asOf"));
        if (filter.organisationId() != null) {
            conditions.add("j.organisation_id = :organisationId");
        }
        if (filter.year() != null) {
            conditions.add("j.year = :year");
        }
        if (filter.objectiveId() != null) {
            conditions.add("e.objective_id = :objectiveId");
        }
        if (filter.occurrenceId() != null) {
            conditions.add("e.occurrence_id = :occurrenceId");
        }
        if (filter.monitor() != null) {
            conditions.add(":monitor = ANY (m.monitors)");
        }
        String register = "SELECT * FROM (" + REGISTER + "WHERE " + String.join(" AND ", conditions) + "\n) register ";
        // the status is computed for the date, so it filters the computed rows
        return filter.status() == null ? register : register + "WHERE status = :status\n";
    }

    private static MapSqlParameterSource parameters(EvidenceFilter filter) {
        return new MapSqlParameterSource("asOf", filter.asOf())
                .addValue("organisationId", filter.organisationId())
                .addValue("year", filter.year())
                .addValue("objectiveId", filter.objectiveId())
                .addValue("occurrenceId", filter.occurrenceId())
                .addValue("monitor", filter.monitor())
                .addValue("status", filter.status() == null ? null : filter.status().name());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
