package vn.qualityledger.query.rebuild;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.query.progress.JdbcProjection;
import vn.qualityledger.query.progress.JdbcProjections;
import vn.qualityledger.query.progress.ProjectionReplay;
import vn.qualityledger.query.progress.ReadModelSchema;

/**
 * Rebuilds a projection's read model (each {@link JdbcProjection} bean: objective-progress, nonconformity-tracking,
 * management-review, organisation-directory) from the event store while the service keeps answering, and checks the live read model against a fresh rebuild. Each projection has its own processor,
 * tables, shadow schema and progress, so one can be rebuilt while the other is checked.
 *
 * <p>Both replay every event into a shadow schema with the projection's own code. The live processor keeps running
 * meanwhile; it is paused only at the end, when each of its segments' tokens says exactly which events the live tables
 * hold: the shadow receives those same events (an event up to its segment's position), so that the two compare like
 * for like. The replay's transactions reach the shadow through {@link ReadModelSchema#use}; the statements that compare
 * or copy name both schemas explicitly. A check then compares table by table; a rebuild copies the shadow's rows over the live ones in one
 * transaction. Then the live processor resumes from the same tokens.
 */
@Service
public class ProjectionRebuilds {

    /** One transaction and one batch of statements per this many events (ProjectionReplay#applyAll). */
    private static final int EVENTS_PER_TRANSACTION = 5000;
    private static final int DIFFERENCES_LISTED = 1000;
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuilds.class);

    /**
     * Where the latest rebuild or check stands. {@code secondsLeft} is an estimate from the rate so far.
     * {@code skippedStreams}: streams the replay stopped at an event the projection cannot apply, as the live
     * processor's dead-letter queue parks them (see ProjectionReplay); the rest of the run goes on.
     */
    public record Progress(String projection, String operation, String state, long eventsProcessed, long eventsTotal,
                           double eventsPerSecond, Long secondsLeft, Instant startedAt, Instant finishedAt, String error,
                           List<ProjectionReplay.SkippedStream> skippedStreams) {
    }

    /** A row that is in one side only: {@code live} (the served table) or {@code rebuild} (what the events give). */
    public record Difference(String table, String side, String row) {
    }

    /** {@code skippedStreams}: as in {@link Progress}; both sides lack those streams from their poison event on. */
    public record ConsistencyReport(String projection, boolean consistent, long differenceCount, List<Difference> differences,
                                    List<ProjectionReplay.SkippedStream> skippedStreams) {
    }

    /** Refused because a rebuild or check is already under way. */
    public static class AlreadyRunning extends RuntimeException {
        AlreadyRunning(String projection) {
            super("A rebuild or check of " + projection + " is already under way");
        }
    }

    /** One projection's rebuilds: never two at once, and the latest one's progress. */
    private static final class Runs {
        final JdbcProjection projection;
        final String shadowSchema;
        /**
         * Taken by the request that starts a run and given back by whichever thread finishes it (a rebuild ends on the
         * background thread), so it must not belong to a thread: a ReentrantLock released elsewhere stayed held.
         */
        final AtomicBoolean busy = new AtomicBoolean();
        final AtomicReference<Progress> progress = new AtomicReference<>();

        Runs(JdbcProjection projection) {
            this.projection = projection;
            this.shadowSchema = "query_shadow_" + projection.processingGroup().replace('-', '_');
            this.progress.set(new Progress(projection.processingGroup(), null, "IDLE", 0, 0, 0, null, null, null, null, List.of()));
        }

        String name() {
            return projection.processingGroup();
        }
    }

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "projection-rebuild"));
    private final Map<String, Runs> runs = new java.util.TreeMap<>();

    public ProjectionRebuilds(EventStore eventStore, EventProcessingConfiguration processing, TokenStore tokenStore,
                              JdbcTemplate jdbc, TransactionTemplate transaction, JdbcProjections projections) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.jdbc = jdbc;
        this.transaction = transaction;
        projections.all().forEach(projection -> runs.put(projection.processingGroup(), new Runs(projection)));
    }

    /** The processing groups that can be rebuilt. */
    public List<String> projections() {
        return List.copyOf(runs.keySet());
    }

    public boolean knows(String projection) {
        return runs.containsKey(projection);
    }

    public Progress progress(String projection) {
        return runs(projection).progress.get();
    }

    /** Starts a rebuild in the background; its progress is then {@link #progress(String)}. */
    public Progress startRebuild(String projection) {
        Runs run = runs(projection);
        if (!run.busy.compareAndSet(false, true)) {
            throw new AlreadyRunning(projection);
        }
        run.progress.set(new Progress(projection, "REBUILD", "RUNNING", 0, 0, 0, null, Instant.now(), null, null, List.of()));
        try {
            background.submit(() -> {
                try {
                    withShadow(run, "REBUILD", shadow -> replaceLiveRows(run, shadow));
                } finally {
                    run.busy.set(false);
                }
            });
        } catch (RuntimeException e) {
            run.busy.set(false); // never submitted (shutting down): nothing runs, so nothing holds it
            throw e;
        }
        return run.progress.get();
    }

    /** Rebuilds into the shadow and reports every row in which the live read model differs from it. */
    public ConsistencyReport check(String projection) {
        Runs run = runs(projection);
        if (!run.busy.compareAndSet(false, true)) {
            throw new AlreadyRunning(projection);
        }
        try {
            run.progress.set(new Progress(projection, "CHECK", "RUNNING", 0, 0, 0, null, Instant.now(), null, null, List.of()));
            return withShadow(run, "CHECK", shadow -> compare(run, shadow));
        } finally {
            run.busy.set(false);
        }
    }

    private Runs runs(String projection) {
        Runs run = runs.get(projection);
        if (run == null) {
            throw new IllegalArgumentException("No projection " + projection);
        }
        return run;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    private <T> T withShadow(Runs run, String operation, Function<String, T> finish) {
        StreamingEventProcessor live = processing.eventProcessor(run.name(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + run.name()));
        Instant started = run.progress.get().startedAt();
        boolean paused = false;
        try {
            createShadow(run);
            ProjectionReplay handlers = run.projection.replayInto(run.shadowSchema);
            long head = eventStore.createHeadToken().position().orElse(0);
            try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
                replay(run, events, handlers, head, null, operation, started, head);
                awaitCaughtUp(run, live, head);
                live.shutDown();
                paused = true;
                Map<Segment, Long> positions = livePositions(run);
                long upTo = positions.values().stream().mapToLong(Long::longValue).max().orElse(head);
                replay(run, events, handlers, upTo, positions, operation, started, head);
            }
            T result = finish.apply(run.shadowSchema);
            Progress last = run.progress.get();
            run.progress.set(new Progress(run.name(), operation, "DONE", last.eventsProcessed(), last.eventsTotal(),
                    last.eventsPerSecond(), 0L, started, Instant.now(), null, handlers.skippedStreams()));
            LOG.info("{} of {} done: {} events", operation, run.name(), last.eventsProcessed());
            return result;
        } catch (RuntimeException e) {
            Progress last = run.progress.get();
            run.progress.set(new Progress(run.name(), operation, "FAILED", last.eventsProcessed(), last.eventsTotal(),
                    last.eventsPerSecond(), null, started, Instant.now(), e.getMessage(), last.skippedStreams()));
            LOG.error("{} of {} failed", operation, run.name(), e);
            throw e;
        } finally {
            if (paused) {
                live.start();
            }
            jdbc.execute("DROP SCHEMA IF EXISTS " + ReadModelSchema.quoted(run.shadowSchema) + " CASCADE");
        }
    }

    private void createShadow(Runs run) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + ReadModelSchema.quoted(run.shadowSchema) + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + ReadModelSchema.quoted(run.shadowSchema));
        for (String table : run.projection.tables()) {
            jdbc.execute("CREATE TABLE " + ReadModelSchema.table(run.shadowSchema, table) + " (LIKE "
                    + ReadModelSchema.table(ReadModelSchema.LIVE_SCHEMA, table) + " INCLUDING ALL)");
        }
        run.projection.completeCopy(run.shadowSchema);
    }

    /**
     * Applies the stream's next events up to position {@code upTo} to the shadow, in transactions of a few thousand, each one batch of statements. With
     * {@code positions}, an event is applied only if its segment had handled it (position up to the segment's token).
     */
    private void replay(Runs run, BlockingStream<TrackedEventMessage<?>> events, ProjectionReplay handlers, long upTo,
                        Map<Segment, Long> positions, String operation, Instant started, long total) {
        long[] processed = {run.progress.get().eventsProcessed()};
        Instant[] lastLog = {Instant.now()};
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transaction.execute(status -> {
                ReadModelSchema.use(jdbc, run.shadowSchema);
                List<TrackedEventMessage<?>> chunk = new ArrayList<>();
                boolean full = true;
                for (int i = 0; i < EVENTS_PER_TRANSACTION; i++) {
                    Optional<TrackedEventMessage<?>> next = events.peek();
                    long position = next.flatMap(e -> positionOf(e.trackingToken())).orElse(Long.MAX_VALUE);
                    if (next.isEmpty() || position > upTo) {
                        full = false;
                        break;
                    }
                    TrackedEventMessage<?> event = nextOf(events);
                    if (positions == null || handledByLive(event, position, positions)) {
                        chunk.add(event);
                    }
                    processed[0]++;
                }
                handlers.applyAll(chunk);
                return full;
            }));
            double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
            double rate = processed[0] / seconds;
            long totalSoFar = Math.max(total, processed[0]);
            Long left = rate > 0 ? (long) Math.ceil((totalSoFar - processed[0]) / rate) : null;
            run.progress.set(new Progress(run.name(), operation, "RUNNING", processed[0], totalSoFar, Math.round(rate * 10) / 10.0,
                    left, started, null, null, handlers.skippedStreams()));
            if (Duration.between(lastLog[0], Instant.now()).toSeconds() >= 5) {
                LOG.info("{} of {}: {}/{} events, {}/s, about {} s left", operation, run.name(), processed[0], totalSoFar,
                        Math.round(rate), left);
                lastLog[0] = Instant.now();
            }
        }
    }

    private static boolean handledByLive(TrackedEventMessage<?> event, long position, Map<Segment, Long> positions) {
        Object sequence = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
        return positions.entrySet().stream().anyMatch(p -> p.getKey().matches(sequence) && position <= p.getValue());
    }

    private static TrackedEventMessage<?> nextOf(BlockingStream<TrackedEventMessage<?>> events) {
        try {
            return events.nextAvailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        }
    }

    private static Optional<Long> positionOf(TrackingToken token) {
        return token == null || token.position().isEmpty() ? Optional.empty() : Optional.of(token.position().getAsLong());
    }

    private void awaitCaughtUp(Runs run, StreamingEventProcessor live, long head) {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<Integer, EventTrackerStatus> status = live.processingStatus();
            boolean caughtUp = !status.isEmpty() && status.values().stream()
                    .allMatch(s -> s.getCurrentPosition().isPresent() && s.getCurrentPosition().getAsLong() >= head);
            if (caughtUp) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + run.name(), e);
            }
        }
        throw new IllegalStateException(run.name() + " did not reach position " + head + " within " + CATCH_UP_LIMIT);
    }

    /** Each segment of the paused processor with the position its token records. */
    private Map<Segment, Long> livePositions(Runs run) {
        return transaction.execute(status -> {
            int[] ids = tokenStore.fetchSegments(run.name());
            Map<Segment, Long> positions = new HashMap<>();
            for (int id : ids) {
                TrackingToken token = tokenStore.fetchToken(run.name(), id);
                positions.put(Segment.computeSegment(id, ids), positionOf(token).orElse(-1L));
                tokenStore.releaseClaim(run.name(), id);
            }
            return positions;
        });
    }

    private ConsistencyReport compare(Runs run, String shadow) {
        List<Difference> differences = new ArrayList<>();
        long count = 0;
        for (String table : run.projection.tables()) {
            String live = ReadModelSchema.table(ReadModelSchema.LIVE_SCHEMA, table);
            String rebuilt = ReadModelSchema.table(shadow, table);
            List<Difference> rows = jdbc.query("""
                    SELECT 'live', to_jsonb(d)::text FROM (SELECT * FROM %1$s EXCEPT ALL SELECT * FROM %2$s) d
                    UNION ALL
                    SELECT 'rebuild', to_jsonb(d)::text FROM (SELECT * FROM %2$s EXCEPT ALL SELECT * FROM %1$s) d
                    """.formatted(live, rebuilt), (rs, i) -> new Difference(table, rs.getString(1), rs.getString(2)));
            count += rows.size();
            rows.stream().limit(Math.max(0, DIFFERENCES_LISTED - differences.size())).forEach(differences::add);
        }
        return new ConsistencyReport(run.name(), count == 0, count, differences, run.progress.get().skippedStreams());
    }

    private Void replaceLiveRows(Runs run, String shadow) {
        transaction.executeWithoutResult(status -> {
            List<String> live = run.projection.tables().stream().map(t -> ReadModelSchema.table(ReadModelSchema.LIVE_SCHEMA, t)).toList();
            jdbc.execute("TRUNCATE " + String.join(", ", live));
            // The rows are copied as they are, their versions with them: the live tables' triggers (which would record
            // each copied row as a new version) are off for the copy, in this transaction only.
            for (String table : live) {
                jdbc.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            }
            for (String table : run.projection.tables()) {
                jdbc.execute("INSERT INTO " + ReadModelSchema.table(ReadModelSchema.LIVE_SCHEMA, table) + " SELECT * FROM "
                        + ReadModelSchema.table(shadow, table));
            }
            for (String table : live) {
                jdbc.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
            }
        });
        return null;
    }
}
