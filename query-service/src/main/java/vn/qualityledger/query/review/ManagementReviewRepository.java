package vn.qualityledger.query.review;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The management-review reads, computed at read time from the management-review tables for a date asOf. */
@Repository
public class ManagementReviewRepository {

    /** One review as a row of a list. status: PLANNED, HELD, MINUTES_ISSUED, CANCELLED. */
    public record ReviewRow(String id, String title, String trigger, String auditId, LocalDate periodFrom, LocalDate periodTo,
                            LocalDate scheduledOn, String status, LocalDate heldOn, int decisions, int decisionsOpen,
                            int decisionsOverdue, int decisionsDone) {
    }

    // Named for the API document: springdoc names schemas by simple name, and another record is called the same.
    @Schema(name = "ReviewParticipant")
    public record Person(String name, String title) {
    }

    // Named for the API document: springdoc names schemas by simple name, and another record is called the same.
    /** status as of asOf: DONE (completed on or before), OVERDUE (not done, asOf after dueDate), else OPEN. */
    @Schema(name = "ReviewDecision")
    public record Decision(String reviewId, String decisionId, String kind, String description, String ownerUnit,
                           LocalDate dueDate, LocalDate recordedOn, String recordedBy, String status, LocalDate completedOn,
                           Boolean completedOnTime, String completedBy, String evidenceNumber, String evidenceTitle,
                           String completionNote) {
    }

    public record Notes(String contextChanges, String stakeholderFeedback, String externalProviders, String resourceAdequacy,
                        String risksAndOpportunities, String improvementProposals, String other, LocalDate recordedOn,
                        String recordedBy) {
    }

    public record Detail(String id, String organisationId, String title, String trigger, String auditId, LocalDate periodFrom,
                         LocalDate periodTo, LocalDate scheduledOn, String status, Person chair, List<Person> participants,
                         LocalDate plannedOn, String plannedBy, Notes notes, LocalDate heldOn, Instant cutOff,
                         List<Person> attendees, String minutesSummary, Boolean qmsSuitable, Boolean qmsAdequate,
                         Boolean qmsEffective, String conclusion, String heldBy, String minutesNumber,
                         String minutesDocxSha256, LocalDate minutesIssuedOn, String minutesIssuedBy, LocalDate cancelledOn,
                         String cancelReason, String cancelledBy, List<Decision> decisions) {
    }

    private static final String STATUS = """
            CASE WHEN r.cancelled_on IS NOT NULL THEN 'CANCELLED' WHEN r.minutes_issued_on IS NOT NULL THEN 'MINUTES_ISSUED'
                 WHEN r.held_on IS NOT NULL THEN 'HELD' ELSE 'PLANNED' END""";
    private static final String DECISION_STATUS = """
            CASE WHEN d.completed_on <= :asOf THEN 'DONE' WHEN :asOf > d.due_date THEN 'OVERDUE' ELSE 'OPEN' END""";

    private final NamedParameterJdbcTemplate jdbc;

    public ManagementReviewRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The reviews whose period ends in the year, by period. */
    public List<ReviewRow> reviews(String organisationId, int year, LocalDate asOf) {
        return jdbc.query("""
                SELECT r.id, r.title, r.trigger, r.audit_id, r.period_from, r.period_to, r.scheduled_on, r.held_on,
                       %s AS status,
                       (SELECT count(*) FROM review_decision d WHERE d.review_id = r.id) AS decisions,
                       (SELECT count(*) FROM review_decision d WHERE d.review_id = r.id AND %s = 'OPEN') AS open,
                       (SELECT count(*) FROM review_decision d WHERE d.review_id = r.id AND %s = 'OVERDUE') AS overdue,
                       (SELECT count(*) FROM review_decision d WHERE d.review_id = r.id AND %s = 'DONE') AS done
                FROM management_review r
                WHERE r.organisation_id = :organisation AND EXTRACT(YEAR FROM r.period_to) = :year
                ORDER BY r.period_to, r.scheduled_on, r.id
                """.formatted(STATUS, DECISION_STATUS, DECISION_STATUS, DECISION_STATUS),
                Map.of("organisation", organisationId, "year", year, "asOf", asOf),
                (rs, i) -> new ReviewRow(rs.getString("id"), rs.getString("title"), rs.getString("trigger"),
                        rs.getString("audit_id"), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class), rs.getObject("scheduled_on", LocalDate.class),
                        rs.getString("status"), rs.getObject("held_on", LocalDate.class), rs.getInt("decisions"),
                        rs.getInt("open"), rs.getInt("overdue"), rs.getInt("done")));
    }

    /** The organisation's review streams, as the live read model knows them (what a past view replays). */
    public List<String> reviewsOf(String organisationId) {
        return jdbc.queryForList("SELECT id FROM management_review WHERE organisation_id = :organisation",
                Map.of("organisation", organisationId), String.class);
    }

    /** The I.4 rule for the organisation as of asOf ({@link ReviewDue}). */
    public ReviewDue due(String organisationId, LocalDate asOf) {
        LocalDate lastHeld = jdbc.queryForObject("""
                SELECT max(held_on) FROM management_review
                WHERE organisation_id = :organisation AND held_on <= :asOf
                """, Map.of("organisation", organisationId, "asOf", asOf), LocalDate.class);
        Map<String, Object> parameters = new java.util.HashMap<>(Map.of("organisation", organisationId, "asOf", asOf));
        parameters.put("lastHeld", lastHeld);
        List<Map<String, Object>> audits = jdbc.queryForList("""
                SELECT id, closed_on FROM audit
                WHERE organisation_id = :organisation AND closed_on <= :asOf
                  AND (CAST(:lastHeld AS DATE) IS NULL OR closed_on > CAST(:lastHeld AS DATE))
                  -- an audit a held review names (AFTER_INTERNAL_AUDIT) is reviewed, even if it was closed after the meeting
                  AND id NOT IN (SELECT audit_id FROM management_review
                                 WHERE organisation_id = :organisation AND audit_id IS NOT NULL AND held_on <= :asOf)
                ORDER BY closed_on, id LIMIT 1
                """, parameters);
        if (audits.isEmpty()) {
            return ReviewDue.of(asOf, lastHeld, null, null);
        }
        return ReviewDue.of(asOf, lastHeld, (String) audits.get(0).get("id"),
                ((java.sql.Date) audits.get(0).get("closed_on")).toLocalDate());
    }

    /** The organisation's decisions, optionally of one status as of asOf, by due date. */
    public List<Decision> decisions(String organisationId, String status, LocalDate asOf) {
        Map<String, Object> parameters = new java.util.HashMap<>(Map.of("organisation", organisationId, "asOf", asOf));
        parameters.put("status", status);
        return jdbc.query("""
                SELECT d.*, %s AS status FROM review_decision d
                WHERE d.organisation_id = :organisation AND (CAST(:status AS TEXT) IS NULL OR %s = CAST(:status AS TEXT))
                ORDER BY d.due_date, d.review_id, d.decision_id
                """.formatted(DECISION_STATUS, DECISION_STATUS), parameters, (rs, i) -> decision(rs));
    }

    public java.util.Optional<Detail> review(String reviewId, LocalDate asOf) {
        List<Decision> decisions = jdbc.query("""
                SELECT d.*, %s AS status FROM review_decision d WHERE d.review_id = :id
                ORDER BY d.recorded_on, d.decision_id
                """.formatted(DECISION_STATUS), Map.of("id", reviewId, "asOf", asOf), (rs, i) -> decision(rs));
        return jdbc.query("SELECT r.*, %s AS status FROM management_review r WHERE r.id = :id".formatted(STATUS),
                Map.of("id", reviewId), (rs, i) -> new Detail(rs.getString("id"), rs.getString("organisation_id"),
                        rs.getString("title"), rs.getString("trigger"), rs.getString("audit_id"),
                        rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                        rs.getObject("scheduled_on", LocalDate.class), rs.getString("status"),
                        new Person(rs.getString("chair_name"), rs.getString("chair_title")),
                        people(rs, "participant"), rs.getObject("planned_on", LocalDate.class), rs.getString("planned_by"),
                        new Notes(rs.getString("notes_context_changes"), rs.getString("notes_stakeholder_feedback"),
                                rs.getString("notes_external_providers"), rs.getString("notes_resource_adequacy"),
                                rs.getString("notes_risks_and_opportunities"), rs.getString("notes_improvement_proposals"),
                                rs.getString("notes_other"), rs.getObject("notes_recorded_on", LocalDate.class),
                                rs.getString("notes_recorded_by")),
                        rs.getObject("held_on", LocalDate.class), instant(rs.getObject("cut_off", OffsetDateTime.class)),
                        people(rs, "attendee"), rs.getString("minutes_summary"), (Boolean) rs.getObject("qms_suitable"),
                        (Boolean) rs.getObject("qms_adequate"), (Boolean) rs.getObject("qms_effective"),
                        rs.getString("conclusion_statement"), rs.getString("held_by"), rs.getString("minutes_number"),
                        rs.getString("minutes_docx_sha256"), rs.getObject("minutes_issued_on", LocalDate.class),
                        rs.getString("minutes_issued_by"), rs.getObject("cancelled_on", LocalDate.class),
                        rs.getString("cancel_reason"), rs.getString("cancelled_by"), decisions))
                .stream().findFirst();
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        LocalDate completedOn = rs.getObject("completed_on", LocalDate.class);
        LocalDate dueDate = rs.getObject("due_date", LocalDate.class);
        boolean done = "DONE".equals(rs.getString("status"));
        return new Decision(rs.getString("review_id"), rs.getString("decision_id"), rs.getString("kind"),
                rs.getString("description"), rs.getString("owner_unit"), dueDate, rs.getObject("recorded_on", LocalDate.class),
                rs.getString("recorded_by"), rs.getString("status"), done ? completedOn : null,
                done ? !completedOn.isAfter(dueDate) : null, done ? rs.getString("completed_by") : null,
                done ? rs.getString("evidence_number") : null, done ? rs.getString("evidence_title") : null,
                done ? rs.getString("completion_note") : null);
    }

    private static List<Person> people(ResultSet rs, String prefix) throws SQLException {
        String[] names = strings(rs.getArray(prefix + "_names"));
        String[] titles = strings(rs.getArray(prefix + "_titles"));
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String title = i < titles.length && !titles[i].isEmpty() ? titles[i] : null;
            people.add(new Person(names[i], title));
        }
        return people;
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
