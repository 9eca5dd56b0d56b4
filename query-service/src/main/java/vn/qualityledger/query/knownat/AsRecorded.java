package vn.qualityledger.query.knownat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.query.progress.ObjectiveProgressProjection;
import vn.qualityledger.query.progress.ProjectionReplay;
import vn.qualityledger.query.progress.ReadModelSchema;

/**
 * Reads as they would have been answered at an instant: only what had been recorded by {@code knownAt} counts. The
 * streams of the objectives concerned are replayed, up to that instant, with the projection's own code into temporary
 * tables of this transaction, and the reads run their usual SQL against those. A 6-month report issued on a cut-off
 * date is reproduced exactly; what was recorded later (late corrections) is not in it.
 */
@Service
public class AsRecorded {

    /** PostgreSQL's schema of the current session's temporary tables. */
    private static final String TEMPORARY = "pg_temp";

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public AsRecorded(EventStore eventStore, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** The read as answered now ({@code knownAt} null), or as it would have been at {@code knownAt}. */
    public <T> T orNow(Instant knownAt, Supplier<? extends Collection<String>> objectiveIds, Supplier<T> read) {
        return knownAt == null ? read.get() : at(knownAt, objectiveIds.get(), read);
    }

    /** The objectives of an organisation (of one year, when given), as the live read model knows them. */
    public List<String> objectivesOf(String organisationId, Integer year) {
        return year == null
                ? jdbc.queryForList("SELECT id FROM query.objective WHERE organisation_id = ?", String.class, organisationId)
                : jdbc.queryForList("SELECT id FROM query.objective WHERE organisation_id = ? AND year = ?", String.class, organisationId, year);
    }

    public <T> T at(Instant knownAt, Collection<String> objectiveIds, Supplier<T> read) {
        return transaction.execute(status -> {
            for (String table : ObjectiveProgressProjection.TABLES) {
                jdbc.execute("CREATE TEMPORARY TABLE " + table + " (LIKE " + ObjectiveProgressProjection.LIVE_SCHEMA + "." + table
                        + " INCLUDING ALL) ON COMMIT DROP");
            }
            ProjectionReplay projection = new ProjectionReplay(jdbc, TEMPORARY);
            for (String objectiveId : objectiveIds) {
                replay(objectiveId, knownAt, projection);
            }
            return ReadModelSchema.readingFrom(TEMPORARY, read);
        });
    }

    private void replay(String objectiveId, Instant knownAt, ProjectionReplay projection) {
        if (eventStore.lastSequenceNumberFor(objectiveId).isEmpty()) {
            return;
        }
        DomainEventStream events = eventStore.readEvents(objectiveId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getTimestamp().isAfter(knownAt)) {
                return; // a stream is recorded in order: nothing after this was known yet
            }
            projection.apply(event);
        }
    }
}
