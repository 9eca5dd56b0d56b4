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
import vn.qualityledger.query.progress.ProjectionTables;
import vn.qualityledger.query.progress.ReadModelSchema;
import vn.qualityledger.query.tracking.NonconformityTrackingProjection;

/**
 * Reads as they would have been answered at an instant: only what had been recorded by {@code knownAt} counts. The
 * streams concerned are replayed, up to that instant, with their projection's own code into temporary tables of this
 * transaction, and the reads run their usual SQL against those. A 6-month report issued on a cut-off date is reproduced
 * exactly; what was recorded later (late corrections) is not in it.
 */
@Service
public class AsRecorded {

    /** PostgreSQL's schema of the current session's temporary tables. */
    private static final String TEMPORARY = "pg_temp";

    /**
     * Streams to replay into temporary copies of a projection's tables. The tables are made even when there is no
     * stream, so that a read touching them finds them empty.
     */
    public record Replay(ProjectionTables projection, Collection<String> streamIds) {

        /** Objective streams, into the objective-progress tables. */
        public static Replay objectives(Collection<String> objectiveIds) {
            return new Replay(ObjectiveProgressProjection.DESCRIPTION, objectiveIds);
        }

        /** Audit and nonconformity streams, into the nonconformity-tracking tables. */
        public static Replay auditsAndNonconformities(Collection<String> streamIds) {
            return new Replay(NonconformityTrackingProjection.DESCRIPTION, streamIds);
        }
    }

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

    /** The same for reads of any projections' tables. */
    public <T> T orNowReplaying(Instant knownAt, Supplier<List<Replay>> replays, Supplier<T> read) {
        return knownAt == null ? read.get() : replaying(knownAt, replays.get(), read);
    }

    /** The objectives of an organisation (of one year, when given), as the live read model knows them. */
    public List<String> objectivesOf(String organisationId, Integer year) {
        return year == null
                ? jdbc.queryForList("SELECT id FROM query.objective WHERE organisation_id = ?", String.class, organisationId)
                : jdbc.queryForList("SELECT id FROM query.objective WHERE organisation_id = ? AND year = ?", String.class, organisationId, year);
    }

    /** The audit and nonconformity streams of an organisation, as the live read model knows them. */
    public List<String> auditsAndNonconformitiesOf(String organisationId) {
        return jdbc.queryForList("""
                SELECT id FROM query.audit WHERE organisation_id = ?
                UNION ALL
                SELECT id FROM query.nonconformity WHERE organisation_id = ?
                """, String.class, organisationId, organisationId);
    }

    public <T> T at(Instant knownAt, Collection<String> objectiveIds, Supplier<T> read) {
        return replaying(knownAt, List.of(Replay.objectives(objectiveIds)), read);
    }

    public <T> T replaying(Instant knownAt, List<Replay> replays, Supplier<T> read) {
        return transaction.execute(status -> {
            for (Replay replay : replays) {
                for (String table : replay.projection().tables()) {
                    jdbc.execute("CREATE TEMPORARY TABLE " + table + " (LIKE " + ReadModelSchema.LIVE_SCHEMA + "." + table
                            + " INCLUDING ALL) ON COMMIT DROP");
                }
                ProjectionReplay projection = replay.projection().replayInto(jdbc, TEMPORARY);
                for (String streamId : replay.streamIds()) {
                    replay(streamId, knownAt, projection);
                }
            }
            return ReadModelSchema.readingFrom(TEMPORARY, read);
        });
    }

    private void replay(String streamId, Instant knownAt, ProjectionReplay projection) {
        if (eventStore.lastSequenceNumberFor(streamId).isEmpty()) {
            return;
        }
        DomainEventStream events = eventStore.readEvents(streamId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getTimestamp().isAfter(knownAt)) {
                return; // a stream is recorded in order: nothing after this was known yet
            }
            projection.apply(event);
        }
    }
}
