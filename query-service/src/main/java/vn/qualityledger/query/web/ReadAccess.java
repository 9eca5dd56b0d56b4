package vn.qualityledger.query.web;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.audit.InternalAuditPlannedEvent;
import vn.qualityledger.api.nonconformity.NonconformityRaisedEvent;
import vn.qualityledger.api.objective.ObjectiveDefinedEvent;
import vn.qualityledger.api.review.ManagementReviewPlannedEvent;
import vn.qualityledger.support.security.CurrentActor;

/**
 * Who may read what: everyone reads only their own organisation's data, except the province's ISO steering committee
 * (PROVINCE_AUDITOR), which reads every organisation. The feed's machine role reads no dashboards.
 */
@Component
public class ReadAccess {

    private static final List<Role> READERS = List.of(Role.ADMIN, Role.ISO_SECRETARY, Role.QMR, Role.UNIT_HEAD, Role.STAFF,
            Role.AUDITOR, Role.VIEWER, Role.PROVINCE_AUDITOR);

    private final CurrentActor actors;
    private final JdbcTemplate jdbc;
    private final EventStore eventStore;

    public ReadAccess(CurrentActor actors, JdbcTemplate jdbc, EventStore eventStore) {
        this.actors = actors;
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    /** The reader's own organisation, or null for a province-level reader, who may read every organisation. */
    public String organisationScope() {
        Actor actor = reader();
        return actor.has(Role.PROVINCE_AUDITOR) ? null : actor.organisation();
    }

    /**
     * The province's roll-up: its auditors, and administrators, for whom it is the province's published aggregate
     * figures (its drill-down still follows {@link #organisationScope()}).
     */
    public boolean readsProvince() {
        Actor actor = reader();
        return actor.has(Role.PROVINCE_AUDITOR) || actor.has(Role.ADMIN);
    }

    public void requireOrganisation(String organisationId) {
        String scope = organisationScope();
        if (scope != null && !scope.equals(organisationId)) {
            throw forbidden("You read only your own organisation's data (" + scope + ")");
        }
    }

    /** Unknown objectives pass, so that the read answers 404 as it would for anyone. */
    public void requireObjective(String objectiveId) {
        requireStream(objectiveId);
    }

    /** The same for any stream: an objective, an audit or a nonconformity. */
    public void requireStream(String streamId) {
        String organisationId = organisationOf(streamId);
        if (organisationId != null) {
            requireOrganisation(organisationId);
        }
    }

    private String organisationOf(String streamId) {
        List<String> projected = jdbc.queryForList("""
                SELECT organisation_id FROM query.objective WHERE id = ?
                UNION ALL SELECT organisation_id FROM query.audit WHERE id = ?
                UNION ALL SELECT organisation_id FROM query.nonconformity WHERE id = ?
                UNION ALL SELECT organisation_id FROM query.management_review WHERE id = ?
                """, String.class, streamId, streamId, streamId, streamId);
        if (!projected.isEmpty()) {
            return projected.get(0);
        }
        // not projected yet: the stream's first event says whose it is (EventContract)
        if (eventStore.lastSequenceNumberFor(streamId).isEmpty()) {
            return null;
        }
        DomainEventStream stream = eventStore.readEvents(streamId, 0);
        Object first = stream.hasNext() ? stream.next().getPayload() : null;
        if (first instanceof ObjectiveDefinedEvent defined) {
            return defined.organisationId();
        }
        if (first instanceof InternalAuditPlannedEvent planned) {
            return planned.organisationId();
        }
        if (first instanceof ManagementReviewPlannedEvent planned) {
            return planned.organisationId();
        }
        return first instanceof NonconformityRaisedEvent raised ? raised.organisationId() : null;
    }

    private Actor reader() {
        Actor actor = actors.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to read"));
        if (READERS.stream().noneMatch(actor::has)) {
            throw forbidden("Your roles do not include reading dashboards");
        }
        return actor;
    }

    private static ResponseStatusException forbidden(String detail) {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, detail);
    }
}
