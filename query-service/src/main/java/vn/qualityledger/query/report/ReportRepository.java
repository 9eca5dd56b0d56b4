package vn.qualityledger.query.report;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The one list of the report no other read has: the evidence accepted, from the progress tables. */
@Repository
class ReportRepository {

    /**
     * Accepted by the date (decided on or before it). An occurrence is complete on its accepted evidence's effective
     * day (README, "How the figures are read"), which is the completion the counts read.
     */
    private static final String ACCEPTED_EVIDENCE = """
            SELECT e.objective_id, e.measure_id, e.occurrence_id, o.due_date, e.document_number, e.document_date,
                   e.document_issuer, e.document_title, e.decided_on, e.effective_on
            FROM evidence e
            JOIN objective j ON j.id = e.objective_id
            JOIN occurrence o ON o.objective_id = e.objective_id AND o.occurrence_id = e.occurrence_id
            WHERE j.organisation_id = :organisationId AND j.year = :year
              AND e.status = 'ACCEPTED' AND e.decided_on <= :asOf
            ORDER BY j.code, e.objective_id, o.due_date, e.occurrence_id, e.evidence_id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    ReportRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<AcceptedEvidence> acceptedEvidence(String organisationId, int year, LocalDate asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", asOf)
                .addValue("organisationId", organisationId).addValue("year", year);
        return jdbc.query(ACCEPTED_EVIDENCE, params, (rs, row) -> new AcceptedEvidence(rs.getString("objective_id"),
                rs.getString("measure_id"), rs.getString("occurrence_id"), rs.getObject("due_date", LocalDate.class),
                rs.getString("document_number"), rs.getObject("document_date", LocalDate.class), rs.getString("document_issuer"),
                rs.getString("document_title"), rs.getObject("decided_on", LocalDate.class),
                rs.getObject("effective_on", LocalDate.class)));
    }
}
