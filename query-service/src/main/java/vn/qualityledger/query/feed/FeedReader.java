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
 * Reads the event store in position (global index) order, holding back whatever a gap might still be filled under.
 *
 * <p>The global index comes from a sequence, drawn when an event is stored and visible only when its transaction
 * commits: a slow transaction commits after a faster one that drew a higher index, and a rolled-back one leaves a
 * permanent gap. A consumer that resumes after position {@code p} must never be owed an event below {@code p}, so a page
 * ends before the first gap that is younger than {@link FeedProperties#gapTimeout()} — its age taken from the time stamp
 * of the first event after it. Once the gap is filled the events flow again; a gap that outlives the timeout is taken to
 * be a rollback and passed.
 *
 * <p>A stream's organisation is the {@code organisationId} of its first event (sequence number 0), found through the
 * unique index on (aggregate_identifier, sequence_number) and read from its JSON. Measured against a table of streams
 * kept up to date by the reader (README, "Feed"), the join cost nothing measurable and needs no state of its own.
 *
 * <p>Every page is read in one REPEATABLE READ snapshot, so that the gap check and the events agree on what had
 * committed.
 */
@Component
public class FeedReader {

    private static final String COLUMNS = """
            SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.payload_type,
                   e.payload_revision, e.time_stamp, e.payload, e.meta_data,
                   convert_from(f.payload, 'UTF8')::jsonb ->> 'organisationId' AS organisation_id
            FROM event_store.domain_event_entry e
            LEFT JOIN event_store.domain_event_entry f
                   ON f.aggregate_identifier = e.aggregate_identifier AND f.sequence_number = 0
            """;

    /** Each gap after {@code :after} up to {@code :upTo}: the last position before it and the first event after it. */
    private static final String GAPS = """
            SELECT g.previous, g.global_index, e.time_stamp
            FROM (SELECT global_index, lag(global_index, 1, CAST(:after AS bigint)) OVER (ORDER BY global_index) AS previous
                  FROM event_store.domain_event_entry
                  WHERE global_index > :after AND global_index <= :upTo) g
            JOIN event_store.domain_event_entry e ON e.global_index = g.global_index
            WHERE g.global_index > g.previous + 1
            ORDER BY g.global_index
            """;

    private static final List<String> PUBLISHED_TYPES = EventContract.EVENTS.stream().map(Class::getName).toList();

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final FeedProperties properties;
    private final Clock clock;

    @Autowired
    public FeedReader(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, FeedProperties properties) {
        this(jdbc, transactions, properties, Clock.systemUTC());
    }

    FeedReader(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, FeedProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        // A snapshot of its own even inside another transaction (the AMQP publisher's), whose snapshot could be older.
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        this.properties = properties;
        // Gap ages are real elapsed time, whatever clock the dashboards use for "today".
        this.clock = clock;
    }

    public FeedPage read(FeedQuery query) {
        return snapshot.execute(status -> readInSnapshot(query));
    }

    private FeedPage readInSnapshot(FeedQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource("after", query.after()).addValue("limit", query.limit());
        StringBuilder sql = new StringBuilder(COLUMNS).append("WHERE e.global_index > :after\n");
        if (query.organisationId() != null) {
            sql.append("AND convert_from(f.payload, 'UTF8')::jsonb ->> 'organisationId' = :organisation\n");
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
        List<StoredEvent> candidates = jdbc.query(sql.toString(), params, (rs, row) -> new StoredEvent(
                rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), rs.getString("payload_type"), rs.getString("payload_revision"),
                Instant.parse(rs.getString("time_stamp")), rs.getString("organisation_id"), rs.getBytes("payload"),
                rs.getBytes("meta_data")));

        // How far the page may reach: past its last event only when it is not full, i.e. the query matched nothing more.
        long upTo = candidates.size() == query.limit() ? candidates.get(candidates.size() - 1).position()
                : lastPosition(query.after());
        long safe = upTo;
        boolean heldBack = false;
        Instant expiry = clock.instant().minus(properties.gapTimeout());
        for (var gap : jdbc.queryForList(GAPS, new MapSqlParameterSource("after", query.after()).addValue("upTo", upTo))) {
            Instant after = Instant.parse((String) gap.get("time_stamp"));
            if (after.isAfter(expiry)) {
                safe = ((Number) gap.get("previous")).longValue();
                heldBack = true;
                break;
            }
        }
        long horizon = safe;
        return new FeedPage(candidates.stream().filter(e -> e.position() <= horizon).toList(), safe, heldBack);
    }

    private long lastPosition(long after) {
        Long last = jdbc.getJdbcTemplate().queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        return last == null ? after : Math.max(last, after);
    }
}
