package vn.qualityledger.query.reminder;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.qualityledger.query.progress.AsOfSql;

/**
 * The reminders' tables (schema query, migration V23) and the reads of the progress tables they need: which work is
 * not done today, and whose it is. Every read of the progress tables goes through progress's as-of SQL, so that what
 * a reminder calls overdue is what the board shows as overdue.
 */
@Repository
class ReminderRepository {

    /** Occurrences not cancelled, not completed and of an objective not closed, all as of {@code ?} (today). */
    private static final String OPEN_WORK = """
            SELECT j.organisation_id, o.objective_id, j.code AS objective_code, j.statement AS objective_statement,
                   o.measure_id, m.code AS measure_code, m.title AS measure_title, o.occurrence_id, o.due_date,
                   CASE WHEN (%1$s) IS NOT NULL THEN ARRAY[(%1$s)] ELSE m.lead_units END AS units,
                   %2$s AS person
            FROM query.occurrence o
            JOIN query.objective j ON j.id = o.objective_id
            JOIN query.measure m ON m.objective_id = o.objective_id AND m.measure_id = o.measure_id
            WHERE NOT %3$s
              AND (o.completed_on IS NULL OR o.completed_on > :asOf)
              AND (j.closed_on IS NULL OR j.closed_on > :asOf)
            """.formatted(AsOfSql.UNIT, AsOfSql.PERSON, AsOfSql.CANCELLED);

    private static final RowMapper<DueWork> DUE_WORK = (rs, row) -> new DueWork(rs.getString("organisation_id"),
            rs.getString("objective_id"), rs.getString("objective_code"), rs.getString("objective_statement"),
            rs.getString("measure_id"), rs.getString("measure_code"), rs.getString("measure_title"),
            rs.getString("occurrence_id"), rs.getObject("due_date", LocalDate.class), strings(rs, "units"),
            rs.getString("person"));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ReminderRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Open work due after {@code after} and on or before {@code until}, not yet reminded of at this step. */
    List<DueWork> notYetReminded(ReminderStep step, LocalDate today, LocalDate after, LocalDate until) {
        return named.query("SELECT * FROM (" + OPEN_WORK + """
                  AND o.due_date > :after AND o.due_date <= :until
                  AND NOT EXISTS (SELECT 1 FROM query.reminder r
                                  WHERE r.objective_id = o.objective_id AND r.occurrence_id = o.occurrence_id AND r.step = :step)
                ) work ORDER BY due_date, objective_code, measure_code, occurrence_id
                """, new MapSqlParameterSource("asOf", today)
                .addValue("after", after).addValue("until", until).addValue("step", step.name()), DUE_WORK);
    }

    /** The organisation's open work due on or before today: what the board shows as overdue. */
    List<DueWork> overdue(String organisationId, LocalDate today) {
        return named.query("SELECT * FROM (" + OPEN_WORK + """
                  AND o.due_date <= :asOf AND j.organisation_id = :organisationId
                ) work ORDER BY due_date, objective_code, measure_code, occurrence_id
                """, new MapSqlParameterSource("asOf", today)
                .addValue("organisationId", organisationId), DUE_WORK);
    }

    /** Organisations with an objective open today (a closed year's leftover work is nobody's to do any more). */
    List<String> organisationsWithOpenObjectives(LocalDate today) {
        return jdbc.queryForList("""
                SELECT DISTINCT organisation_id FROM query.objective WHERE closed_on IS NULL OR closed_on > ?
                ORDER BY organisation_id
                """, String.class, today);
    }

    /** Records the reminder unless one exists for the occurrence and step; true when this call recorded it. */
    boolean insertReminder(ReminderStep step, DueWork work, LocalDate today, Instant now, String subject, String body,
                           List<String> recipients, MailStatus status) {
        int inserted = jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO query.reminder (organisation_id, objective_id, occurrence_id, step, objective_code, measure_id,
                        measure_code, measure_title, due_date, units, person, recorded_on, recorded_at, subject, body,
                        recipients, mail_status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT ON CONSTRAINT reminder_once DO NOTHING
                    """);
            statement.setString(1, work.organisationId());
            statement.setString(2, work.objectiveId());
            statement.setString(3, work.occurrenceId());
            statement.setString(4, step.name());
            statement.setString(5, work.objectiveCode());
            statement.setString(6, work.measureId());
            statement.setString(7, work.measureCode());
            statement.setString(8, work.measureTitle());
            statement.setObject(9, work.dueDate());
            statement.setArray(10, array(connection, work.units()));
            statement.setString(11, work.person());
            statement.setObject(12, today);
            statement.setObject(13, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            statement.setString(14, subject);
            statement.setString(15, body);
            statement.setArray(16, array(connection, recipients));
            statement.setString(17, status.name());
            return statement;
        });
        return inserted == 1;
    }

    /** Records the organisation's digest for the week unless it exists; true when this call recorded it. */
    boolean insertDigest(String organisationId, String isoWeek, LocalDate today, int overdueCount, Instant now, String subject,
                         String body, List<String> recipients, MailStatus status) {
        int inserted = jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO query.reminder_digest (organisation_id, iso_week, as_of, overdue_count, recorded_at, subject, body,
                        recipients, mail_status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (organisation_id, iso_week) DO NOTHING
                    """);
            statement.setString(1, organisationId);
            statement.setString(2, isoWeek);
            statement.setObject(3, today);
            statement.setInt(4, overdueCount);
            statement.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            statement.setString(6, subject);
            statement.setString(7, body);
            statement.setArray(8, array(connection, recipients));
            statement.setString(9, status.name());
            return statement;
        });
        return inserted == 1;
    }

    boolean digestExists(String organisationId, String isoWeek) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM query.reminder_digest WHERE organisation_id = ? AND iso_week = ?",
                Integer.class, organisationId, isoWeek);
        return count != null && count > 0;
    }

    /** An e-mail waiting to be sent, locked by this transaction (rows locked by another sweep are skipped). */
    record Outgoing(String table, String key1, String key2, List<String> recipients, String subject, String body, int attempts) {
    }

    /**
     * Locks the next pending reminder (then digest) not tried in this sweep, or nothing. Must run inside a transaction:
     * the lock is what keeps a concurrent sweep from sending the same e-mail.
     */
    Optional<Outgoing> lockNextPending(Collection<String> triedInThisSweep) {
        List<Outgoing> reminder = jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    SELECT id, recipients, subject, body, attempts FROM query.reminder
                    WHERE mail_status = 'PENDING' AND NOT (('reminder:' || id) = ANY (?))
                    ORDER BY last_attempt_at NULLS FIRST, id LIMIT 1 FOR UPDATE SKIP LOCKED
                    """);
            statement.setArray(1, array(connection, triedInThisSweep));
            return statement;
        }, (rs, row) -> new Outgoing("reminder", Long.toString(rs.getLong("id")), null, strings(rs, "recipients"),
                rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")));
        if (!reminder.isEmpty()) {
            return Optional.of(reminder.get(0));
        }
        List<Outgoing> digest = jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    SELECT organisation_id, iso_week, recipients, subject, body, attempts FROM query.reminder_digest
                    WHERE mail_status = 'PENDING' AND NOT (('digest:' || organisation_id || ':' || iso_week) = ANY (?))
                    ORDER BY last_attempt_at NULLS FIRST, organisation_id, iso_week LIMIT 1 FOR UPDATE SKIP LOCKED
                    """);
            statement.setArray(1, array(connection, triedInThisSweep));
            return statement;
        }, (rs, row) -> new Outgoing("reminder_digest", rs.getString("organisation_id"), rs.getString("iso_week"),
                strings(rs, "recipients"), rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")));
        return digest.stream().findFirst();
    }

    /**
     * Whether the reminder's work is still open today (not completed, not cancelled, its objective not closed): a
     * reminder whose e-mail waited for a retry is withdrawn once the work is done.
     */
    boolean stillOpen(Outgoing outgoing, LocalDate today) {
        if (!outgoing.table().equals("reminder")) {
            return true;
        }
        Integer open = named.queryForObject("""
                SELECT count(*) FROM query.reminder r
                JOIN query.occurrence o ON o.objective_id = r.objective_id AND o.occurrence_id = r.occurrence_id
                JOIN query.objective j ON j.id = o.objective_id
                WHERE r.id = :id AND NOT %s
                  AND (o.completed_on IS NULL OR o.completed_on > :asOf)
                  AND (j.closed_on IS NULL OR j.closed_on > :asOf)
                """.formatted(AsOfSql.CANCELLED), new MapSqlParameterSource("id", Long.parseLong(outgoing.key1())).addValue("asOf", today),
                Integer.class);
        return open != null && open > 0;
    }

    void markWithdrawn(Outgoing outgoing) {
        update(outgoing, "mail_status = 'WITHDRAWN'");
    }

    /** The key {@link #lockNextPending} excludes once this e-mail was tried in a sweep. */
    static String triedKey(Outgoing outgoing) {
        return outgoing.table().equals("reminder") ? "reminder:" + outgoing.key1() : "digest:" + outgoing.key1() + ":" + outgoing.key2();
    }

    void markSent(Outgoing outgoing, Instant now) {
        update(outgoing, "mail_status = 'SENT', attempts = attempts + 1, last_attempt_at = ?, sent_at = ?, last_error = NULL",
                Timestamp.from(now), Timestamp.from(now));
    }

    void markFailed(Outgoing outgoing, Instant now, String error, boolean givenUp) {
        update(outgoing, "mail_status = ?, attempts = attempts + 1, last_attempt_at = ?, last_error = ?",
                givenUp ? MailStatus.FAILED.name() : MailStatus.PENDING.name(), Timestamp.from(now), error);
    }

    private void update(Outgoing outgoing, String set, Object... values) {
        List<Object> arguments = new ArrayList<>(Arrays.asList(values));
        if (outgoing.table().equals("reminder")) {
            arguments.add(Long.parseLong(outgoing.key1()));
            jdbc.update("UPDATE query.reminder SET " + set + " WHERE id = ?", arguments.toArray());
        } else {
            arguments.add(outgoing.key1());
            arguments.add(outgoing.key2());
            jdbc.update("UPDATE query.reminder_digest SET " + set + " WHERE organisation_id = ? AND iso_week = ?", arguments.toArray());
        }
    }

    // ---- the read endpoint ----------------------------------------------------------------------------------------

    private static final RowMapper<ReminderView> VIEW = (rs, row) -> new ReminderView(rs.getLong("id"),
            ReminderStep.valueOf(rs.getString("step")), rs.getString("organisation_id"), rs.getString("objective_id"),
            rs.getString("objective_code"), rs.getString("measure_id"), rs.getString("measure_code"), rs.getString("measure_title"),
            rs.getString("occurrence_id"), rs.getObject("due_date", LocalDate.class), strings(rs, "units"), rs.getString("person"),
            rs.getObject("recorded_on", LocalDate.class), rs.getTimestamp("recorded_at").toInstant(), rs.getString("subject"),
            MailStatus.valueOf(rs.getString("mail_status")), rs.getInt("attempts"),
            rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant());

    /** A page of reminders, newest first; {@code organisationId} null: every organisation (a province-level reader). */
    List<ReminderView> find(String organisationId, String unitId, ReminderStep step, int limit, long offset) {
        Filter filter = filter(organisationId, unitId, step);
        List<Object> arguments = new ArrayList<>(filter.arguments());
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.query("SELECT * FROM query.reminder r " + filter.where() + " ORDER BY recorded_at DESC, id DESC LIMIT ? OFFSET ?",
                VIEW, arguments.toArray());
    }

    long count(String organisationId, String unitId, ReminderStep step) {
        Filter filter = filter(organisationId, unitId, step);
        Long count = jdbc.queryForObject("SELECT count(*) FROM query.reminder r " + filter.where(), Long.class, filter.arguments().toArray());
        return count == null ? 0 : count;
    }

    /**
     * The occurrences reminded of (at any step) whose work is still open today: not completed, not cancelled, of an
     * objective not closed — as {@link #stillOpen} reads one reminder's work. One occurrence reminded twice counts once.
     */
    long openWork(String organisationId, String unitId, LocalDate today) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("asOf", today)
                .addValue("organisationId", organisationId).addValue("unitId", unitId);
        Long count = named.queryForObject("""
                SELECT count(*) FROM (
                    SELECT DISTINCT r.objective_id, r.occurrence_id FROM query.reminder r
                    WHERE (CAST(:organisationId AS TEXT) IS NULL OR r.organisation_id = :organisationId)
                      AND (CAST(:unitId AS TEXT) IS NULL OR :unitId = ANY (r.units))
                ) reminded
                JOIN query.occurrence o ON o.objective_id = reminded.objective_id AND o.occurrence_id = reminded.occurrence_id
                JOIN query.objective j ON j.id = o.objective_id
                WHERE NOT %s
                  AND (o.completed_on IS NULL OR o.completed_on > :asOf)
                  AND (j.closed_on IS NULL OR j.closed_on > :asOf)
                """.formatted(AsOfSql.CANCELLED), parameters, Long.class);
        return count == null ? 0 : count;
    }

    private record Filter(String where, List<Object> arguments) {
    }

    private static Filter filter(String organisationId, String unitId, ReminderStep step) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        if (organisationId != null) {
            conditions.add("r.organisation_id = ?");
            arguments.add(organisationId);
        }
        if (unitId != null) {
            conditions.add("? = ANY (r.units)");
            arguments.add(unitId);
        }
        if (step != null) {
            conditions.add("r.step = ?");
            arguments.add(step.name());
        }
        return new Filter(conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions), arguments);
    }

    private static Array array(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
