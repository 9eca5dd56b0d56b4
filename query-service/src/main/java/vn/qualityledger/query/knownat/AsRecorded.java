package vn.qualityledger.query.knownat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * Reads as they would have been answered at an instant: only what had been recorded by {@code knownAt} counts. A read
 * runs its usual SQL, unqualified table names, in a transaction whose search path leads to copies of the tables as
 * recorded then ({@link ReadModelSchema#use}); a read of a table this view did not provide fails rather than mix in
 * today's rows. A 6-month report issued on a cut-off date is reproduced exactly; what was recorded later (late
 * corrections) is not in it.
 *
 * <p>The objective-progress tables keep every version of their rows with the interval it was recorded for
 * (V30__recorded_rows.sql): for objective streams the copies are views over those versions, one query whatever the
 * length of the streams. The other streams (audits, nonconformities, reviews) are replayed, up to that instant, with
 * their projection's own code into temporary tables of the transaction. {@link #byReplay} replays the objective
 * streams too: the check that proves the versions right.
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

        /** Objective streams: read from their rows' versions rather than replayed (but for {@link #byReplay}). */
        boolean isOfObjectives() {
            return ObjectiveProgressProjection.PROCESSING_GROUP.equals(processingGroup);
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
        List<Replay> objectives = replays.stream().filter(Replay::isOfObjectives).toList();
        if (objectives.isEmpty()) {
            return byReplay(knownAt, replays, read);
        }
        return transaction.execute(status -> {
            ReadModelSchema.use(jdbc, ReadModelSchema.TEMPORARY, ReadModelSchema.AS_RECORDED);
            jdbc.queryForList("""
                    SELECT set_config('qualityledger.as_recorded_objectives', CAST(? AS text[])::text, true),
                           set_config('qualityledger.as_recorded_at', CAST(? AS timestamptz)::text, true)
                    """,
                    objectives.stream().flatMap(replay -> replay.streamIds().stream()).distinct().toArray(String[]::new),
                    // Versions start at whole milliseconds (the store's timestamps): the floor of knownAt admits the same ones.
                    knownAt.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
            for (Replay replay : replays) {
                if (!replay.isOfObjectives()) {
                    replayIntoTemporaryTables(knownAt, replay);
                }
            }
            return read.get();
        });
    }

    /** The same read with every stream replayed into temporary tables, objectives too: what the versions must agree with. */
    public <T> T byReplay(Instant knownAt, List<Replay> replays, Supplier<T> read) {
        return transaction.execute(status -> {
            ReadModelSchema.use(jdbc, ReadModelSchema.TEMPORARY);
            for (Replay replay : replays) {
                replayIntoTemporaryTables(knownAt, replay);
            }
            return read.get();
        });
    }

    private void replayIntoTemporaryTables(Instant knownAt, Replay replay) {
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
