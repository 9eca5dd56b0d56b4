package vn.qualityledger.query.knownat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.query.progress.JdbcProjection;
import vn.qualityledger.query.progress.JdbcProjections;
import vn.qualityledger.query.progress.ObjectiveProgressProjection;
import vn.qualityledger.query.progress.ProjectionReplay;
import vn.qualityledger.query.progress.ReadModelSchema;
import vn.qualityledger.query.review.ManagementReviewProjection;
import vn.qualityledger.query.tracking.NonconformityTrackingProjection;

/**
 * Reads as they would have been answered at an instant: only what had been recorded by {@code knownAt} counts. The
 * streams concerned are replayed, up to that instant, with their projection's own code into temporary tables of this
 * transaction, and the reads run their usual SQL against those: the transaction's search path is the temporary schema
 * alone ({@link ReadModelSchema#use}), so an unqualified read-model table is the replay's copy, and a read of one that
 * this view did not replay fails rather than mix in today's rows. A 6-month report issued on a cut-off date is reproduced
 * exactly; what was recorded later (late corrections) is not in it.
 */
@Service
public class AsRecorded {

    /**
     * Streams to replay into temporary copies of a projection's tables. The tables are made even when there is no
     * stream, so that a read touching them finds them empty.
     */
    public record Replay(String processingGroup, Collection<String> streamIds) {

        /** Objective streams, into the objective-progress tables. */
        public static Replay objectives(Collection<String> objectiveIds) {
            return new Replay(ObjectiveProgressProjection.PROCESSING_GROUP, objectiveIds);
        }

        /** Audit and nonconformity streams, into the nonconformity-tracking tables. */
        public static Replay auditsAndNonconformities(Collection<String> streamIds) {
            return new Replay(NonconformityTrackingProjection.PROCESSING_GROUP, streamIds);
        }

        /** Management-review streams, into the management-review tables. */
        public static Replay reviews(Collection<String> reviewIds) {
            return new Replay(ManagementReviewProjection.PROCESSING_GROUP, reviewIds);
        }
    }

    /** Events per batch of statements in a replay. */
    private static final int CHUNK = 1_000;

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JdbcProjections projections;

    public AsRecorded(EventStore eventStore, JdbcTemplate jdbc, TransactionTemplate transaction, JdbcProjections projections) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.projections = projections;
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
            ReadModelSchema.use(jdbc, ReadModelSchema.TEMPORARY);
            for (Replay replay : replays) {
                JdbcProjection live = projections.get(replay.processingGroup());
                for (String table : live.tables()) {
                    jdbc.execute("CREATE TEMPORARY TABLE " + ReadModelSchema.quoted(table) + " (LIKE "
                            + ReadModelSchema.table(ReadModelSchema.LIVE_SCHEMA, table) + " INCLUDING ALL) ON COMMIT DROP");
                }
                ProjectionReplay projection = live.replayInto(ReadModelSchema.TEMPORARY);
                for (String streamId : replay.streamIds()) {
                    replay(streamId, knownAt, projection);
                }
            }
            return read.get();
        });
    }

    /**
     * Applies the stream's events recorded by {@code knownAt} in chunks of {@link #CHUNK}, each one batch of statements
     * ({@link ProjectionReplay#applyAll}): event by event, each in its savepoint, a 10,000-event objective took some
     * 30,000 round trips and 3.4 s (bench figure 4).
     */
    private void replay(String streamId, Instant knownAt, ProjectionReplay projection) {
        if (eventStore.lastSequenceNumberFor(streamId).isEmpty()) {
            return;
        }
        DomainEventStream events = eventStore.readEvents(streamId, 0);
        List<DomainEventMessage<?>> chunk = new ArrayList<>(CHUNK);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getTimestamp().isAfter(knownAt)) {
                break; // a stream is recorded in order: nothing after this was known yet
            }
            chunk.add(event);
            if (chunk.size() == CHUNK) {
                projection.applyAll(chunk);
                chunk.clear();
            }
        }
        projection.applyAll(chunk);
    }
}
