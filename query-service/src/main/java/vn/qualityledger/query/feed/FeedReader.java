package vn.qualityledger.query.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.api.contract.EventContract;

/**
 * Reads the event store in position (global index) order, never serving an event that a slower transaction could
 * still commit a lower position under.
 *
 * <p>The global index comes from a sequence, drawn when an event is stored and visible only when its transaction
 * commits: a slow transaction commits after a faster one that drew a higher index, and a rolled-back one leaves a
 * permanent gap. A consumer that resumes after position {@code p} must never be owed an event below {@code p}. So the
 * feed serves events only up to a <em>watermark</em> ({@code query.feed_watermark}), which advances to the last
 * position before the first gap that is younger than {@link FeedProperties#gapTimeout()} — a gap's age taken from the
 * time stamp of the first event after it. Once the gap is filled the watermark moves on; a gap that outlives the
 * timeout is taken to be a rollback and passed.
 *
 * <p>As it advances the watermark, the reader records the organisation of every stream whose first event it passes
 * ({@code query.feed_stream}), so that every event up to the watermark has its stream's organisation there: a stream's
 * first event has a lower position than its others, and is committed before any of them is appended.
 *
 * <p>Each page is read in one REPEATABLE READ snapshot, so that the watermark and the events agree.
 */
@Component
public class FeedReader {

    /** How many positions one advance of the watermark looks at, to keep its transaction short on a large store. */
    private static final long MAX_ADVANCE = 50_000;

    /** Each gap after {@code :after} up to {@code :upTo}: the last position before it and the time of the event after it. */
    private static final String GAPS = """
            SELECT g.previous, e.time_stamp
            FROM (SELECT global_index, lag(global_index, 1, CAST(:after AS bigint)) OVER (ORDER BY global_index) AS previous
                  FROM event_store.domain_event_entry
                  WHERE global_index > :after AND global_index <= :upTo) g
            JOIN event_store.domain_event_entry e ON e.global_index = g.global_index
            WHERE g.global_index > g.previous + 1
            ORDER BY g.global_index
            """;

    /**
     * Every stream with an event in the window, by its first event wherever that lies: normally in the window too, but
     * a first event that committed after its gap was taken for a rollback lies below it, and its stream must not vanish.
     */
    private static final String RECORD_STREAMS = """
            INSERT INTO query.feed_stream (aggregate_identifier, organisation_id, first_position)
            SELECT f.aggregate_identifier,
                   CASE WHEN f.payload_type IN (:published) THEN convert_from(f.payload, 'UTF8')::jsonb ->> 'organisationId' END,
                   f.global_index
            FROM event_store.domain_event_entry f
            WHERE f.sequence_number = 0
              AND f.aggregate_identifier IN (SELECT w.aggregate_identifier FROM event_store.domain_event_entry w
                                             WHERE w.global_index > :from AND w.global_index <= :to)
            ON CONFLICT (aggregate_identifier) DO NOTHING
            """;

    private static final String EVENTS = """
            SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.payload_type,
                   e.payload_revision, e.time_stamp, e.payload, e.meta_data, s.organisation_id
            FROM event_store.domain_event_entry e
            JOIN query.feed_stream s ON s.aggregate_identifier = e.aggregate_identifier
            WHERE e.global_index > :after AND e.global_index <= :watermark
            """;

    private static final List<String> PUBLISHED_TYPES = EventContract.EVENTS.stream().map(Class::getName).toList();

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate advance;
    private final FeedProperties properties;
    private final Clock clock;

    @Autowired
    public FeedReader(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, FeedProperties properties) {
        this(jdbc, transactions, properties, Clock.systemUTC());
    }

    FeedReader(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, FeedProperties properties, Clock clock) {
        this.jdbc = jdbc;
        // Transactions of their own even inside another (the AMQP publisher's), whose snapshot could be older.
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        this.advance = new TransactionTemplate(transactions);
        advance.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        // Gap ages are real elapsed time, whatever clock the dashboards use for "today".
        this.clock = clock;
    }

    public FeedPage read(FeedQuery query) {
        advanceWatermark();
        return snapshot.execute(status -> readInSnapshot(query));
    }

    /**
     * Moves the watermark up to the first young gap (or the last event), recording the streams that begin on the way.
     * One reader at a time advances it; the others read with the watermark as it stands. The ledger calls it too: it
     * takes its leaves in the same order, up to the same watermark.
     */
    public void advanceWatermark() {
        advance.executeWithoutResult(status -> {
            List<Long> locked = jdbc.getJdbcTemplate().queryForList(
                    "SELECT position FROM query.feed_watermark WHERE id = 1 FOR UPDATE SKIP LOCKED", Long.class);
            if (locked.isEmpty()) {
                return;
            }
            long watermark = locked.get(0);
            Long last = jdbc.getJdbcTemplate().queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
            if (last == null || last <= watermark) {
                return;
            }
            // The window ends on an event, so that every gap in it has an event after it to tell its age by.
            long upTo = last <= watermark + MAX_ADVANCE ? last : jdbc.getJdbcTemplate().queryForObject(
                    "SELECT min(global_index) FROM event_store.domain_event_entry WHERE global_index >= ?", Long.class,
                    watermark + MAX_ADVANCE);
            long safe = upTo;
            Instant expiry = clock.instant().minus(properties.gapTimeout());
            for (var gap : jdbc.queryForList(GAPS, new MapSqlParameterSource("after", watermark).addValue("upTo", upTo))) {
                if (Instant.parse((String) gap.get("time_stamp")).isAfter(expiry)) {
                    safe = ((Number) gap.get("previous")).longValue();
                    break;
                }
            }
            if (safe > watermark) {
                jdbc.update(RECORD_STREAMS, new MapSqlParameterSource("published", PUBLISHED_TYPES)
                        .addValue("from", watermark).addValue("to", safe));
                jdbc.getJdbcTemplate().update("UPDATE query.feed_watermark SET position = ? WHERE id = 1", safe);
            }
        });
    }

    /** The last position the feed serves: no later commit can land at or below it (README, "Event feed"). */
    public long watermark() {
        return jdbc.getJdbcTemplate().queryForObject("SELECT position FROM query.feed_watermark WHERE id = 1", Long.class);
    }

    private FeedPage readInSnapshot(FeedQuery query) {
        long watermark = jdbc.getJdbcTemplate().queryForObject("SELECT position FROM query.feed_watermark WHERE id = 1", Long.class);
        MapSqlParameterSource params = new MapSqlParameterSource("after", query.after()).addValue("watermark", watermark)
                .addValue("limit", query.limit());
        StringBuilder sql = new StringBuilder(EVENTS);
        if (query.organisationId() != null) {
            sql.append("AND s.organisation_id = :organisation\n");
            params.addValue("organisation", query.organisationId());
        }
        if (query.streamId() != null) {
            sql.append("AND e.aggregate_identifier = :stream\n");
            params.addValue("stream", query.streamId());
        }
        if (query.types().isEmpty()) {
            sql.append("AND e.payload_type IN (:published)\n");
            params.addValue("published", PUBLISHED_TYPES);
        } else {
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < query.types().size(); i++) {
                FeedQuery.EventTypeFilter type = query.types().get(i);
                params.addValue("type" + i, type.payloadType());
                if (type.revision() == null) {
                    alternatives.add("e.payload_type = :type" + i);
                } else {
                    params.addValue("revision" + i, type.revision());
                    alternatives.add("(e.payload_type = :type" + i + " AND e.payload_revision = :revision" + i + ")");
                }
            }
            sql.append("AND (").append(String.join(" OR ", alternatives)).append(")\n");
        }
        sql.append("ORDER BY e.global_index LIMIT :limit");
        List<StoredEvent> events = jdbc.query(sql.toString(), params, (rs, row) -> new StoredEvent(
                rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), rs.getString("payload_type"), rs.getString("payload_revision"),
                Instant.parse(rs.getString("time_stamp")), rs.getString("organisation_id"), rs.getBytes("payload"),
                rs.getBytes("meta_data")));
        // A full page resumes after its last event; otherwise nothing more matches up to the watermark.
        long resumeAfter = events.size() == query.limit() ? events.get(events.size() - 1).position()
                : Math.max(query.after(), watermark);
        Long last = jdbc.getJdbcTemplate().queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        boolean heldBack = last != null && last > watermark;
        return new FeedPage(events, resumeAfter, heldBack);
    }
}
