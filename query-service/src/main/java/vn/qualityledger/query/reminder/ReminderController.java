package vn.qualityledger.query.reminder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.query.web.ListScope;
import vn.qualityledger.query.web.PageResponse;
import vn.qualityledger.query.web.ReadAccess;
import vn.qualityledger.support.security.CurrentActor;

/**
 * The reminders in the application: a unit's (or an organisation's) reminders, newest first, and the QMR's weekly
 * digests. Readers of an organisation read its reminders; a user whose only roles are a unit's (STAFF, UNIT_HEAD)
 * reads their own unit's.
 */
@RestController
@Tag(name = "Reminders")
public class ReminderController {

    /** Roles that read the whole organisation's reminders; anyone else who reads reads only their unit's. */
    private static final List<Role> ORGANISATION_READERS = List.of(Role.ADMIN, Role.ISO_SECRETARY, Role.QMR, Role.AUDITOR,
            Role.VIEWER, Role.PROVINCE_AUDITOR);

    private final ReminderRepository reminders;
    private final ReadAccess access;
    private final CurrentActor actors;
    private final JdbcTemplate jdbc;
    private final java.time.Clock clock;

    public ReminderController(ReminderRepository reminders, ReadAccess access, CurrentActor actors, JdbcTemplate jdbc,
                              java.time.Clock clock) {
        this.reminders = reminders;
        this.access = access;
        this.actors = actors;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/api/reminders")
    @Operation(summary = "Reminders recorded (due soon, overdue), newest first, with where their e-mail stands")
    public PageResponse<ReminderView> reminders(
            @RequestParam(required = false) String organisationId,
            @Parameter(description = "A unit code: the reminders of its work (STAFF and UNIT_HEAD: their own unit, the default)")
            @RequestParam(required = false) String unitId,
            @RequestParam(required = false) ReminderStep step,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
        String organisation = ListScope.organisation(access, null, organisationId);
        String unit = unitScope(unitId);
        return PageResponse.of(reminders.find(organisation, unit, step, size, (long) page * size), page, size,
                reminders.count(organisation, unit, step));
    }

    /**
     * How much of the work reminded of is still to do today.
     *
     * @param openWork pieces of work (occurrences) reminded of — due soon or overdue — and still open today: not done,
     *                 not cancelled, of an objective not closed; an occurrence reminded at both steps counts once
     */
    public record ReminderCount(String organisationId, String unitId, java.time.LocalDate asOf, long openWork) {
    }

    @GetMapping("/api/reminders/count")
    @Operation(summary = "How many pieces of work reminded of are still open today: one cheap read, e.g. for a badge in a header")
    public ReminderCount count(
            @RequestParam(required = false) String organisationId,
            @Parameter(description = "A unit code: its reminded work (STAFF and UNIT_HEAD: their own unit, the default)")
            @RequestParam(required = false) String unitId) {
        String organisation = ListScope.organisation(access, null, organisationId);
        String unit = unitScope(unitId);
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), vn.qualityledger.query.QueryServiceApplication.AGENCY_ZONE);
        return new ReminderCount(organisation, unit, today, reminders.openWork(organisation, unit, today));
    }

    /** One week's digest of an organisation's overdue work. */
    public record DigestView(String organisationId, String isoWeek, java.time.LocalDate asOf, int overdueCount,
                             java.time.Instant recordedAt, String subject, String body, MailStatus mailStatus, int attempts,
                             java.time.Instant sentAt) {
    }

    @GetMapping("/api/reminders/digests")
    @Operation(summary = "The QMR's weekly digests of overdue work, newest week first")
    public PageResponse<DigestView> digests(
            @RequestParam(required = false) String organisationId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int size) {
        String organisation = ListScope.organisation(access, null, organisationId);
        if (unitOnly(actor())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The weekly digest is for readers of the whole organisation");
        }
        String where = organisation == null ? "" : "WHERE organisation_id = ?";
        Object[] filter = organisation == null ? new Object[0] : new Object[] {organisation};
        List<Object> arguments = new java.util.ArrayList<>(List.of(filter));
        arguments.add(size);
        arguments.add((long) page * size);
        List<DigestView> content = jdbc.query("SELECT * FROM query.reminder_digest " + where
                        + " ORDER BY iso_week DESC, organisation_id LIMIT ? OFFSET ?",
                (rs, row) -> new DigestView(rs.getString("organisation_id"), rs.getString("iso_week"),
                        rs.getObject("as_of", java.time.LocalDate.class), rs.getInt("overdue_count"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("subject"), rs.getString("body"),
                        MailStatus.valueOf(rs.getString("mail_status")), rs.getInt("attempts"),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()),
                arguments.toArray());
        Long total = jdbc.queryForObject("SELECT count(*) FROM query.reminder_digest " + where, Long.class, filter);
        return PageResponse.of(content, page, size, total == null ? 0 : total);
    }

    /** The unit filter: as asked for organisation-wide readers; a unit's own for everyone else. */
    private String unitScope(String unitId) {
        Actor actor = actor();
        if (!unitOnly(actor)) {
            return unitId;
        }
        if (actor.unit() == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "You read the reminders of your own unit, and you have none");
        }
        if (unitId != null && !unitId.equals(actor.unit())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "You read only your own unit's reminders (" + actor.unit() + ")");
        }
        return actor.unit();
    }

    private static boolean unitOnly(Actor actor) {
        return ORGANISATION_READERS.stream().noneMatch(actor::has);
    }

    private Actor actor() {
        return actors.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to read"));
    }
}
