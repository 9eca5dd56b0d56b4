package vn.qualityledger.support;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shares a processor's segments between the replicas of a service. A tracking processor claims every segment it has
 * threads for, so the replica that starts first holds them all; Axon balances them only with Axon Server. Every
 * {@code interval} each replica records its heartbeat, counts the replicas alive (a heartbeat within two and a half
 * intervals), and, holding more than its share (segments ÷ replicas, rounded up) of a processor, releases the surplus for
 * five intervals, long enough for a replica with an idle thread to claim it (Axon retries claims every 5 s). One replica alone releases nothing; when one stops, its claims time out
 * and the others' idle threads take its segments (each replica needs as many threads as there are segments for that).
 */
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final String table;
    private final Duration interval;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private ScheduledExecutorService timer;

    /** @param schema the schema of the service's {@code replica_heartbeat} (its JPA default schema, beside token_entry) */
    public SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, String schema, Duration interval, Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.table = schema + ".replica_heartbeat";
        this.interval = interval;
        this.clock = clock;
    }

    /** One round: the heartbeat, then each processor's surplus released. Failures are logged and retried next round. */
    void balance() {
        try {
            int replicas = heartbeat();
            processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                    .forEach(processor -> releaseSurplus(processor, replicas));
        } catch (RuntimeException e) {
            LOG.warn("Segment balancing skipped this round: {}", e.getMessage());
        }
    }

    private int heartbeat() {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO " + table + " (node, last_seen) VALUES (?, ?) ON CONFLICT (node) DO UPDATE SET last_seen = EXCLUDED.last_seen",
                node, now);
        // a replica killed without stopping is taken for dead two and a half rounds after its last heartbeat, before a
        // restarted one has even booted, so that a restart never waits for a replica that is gone
        Timestamp alive = Timestamp.from(clock.instant().minus(interval.multipliedBy(5).dividedBy(2)));
        jdbc.update("DELETE FROM " + table + " WHERE last_seen < ?", Timestamp.from(clock.instant().minus(interval.multipliedBy(30))));
        Integer count = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE last_seen >= ?", Integer.class, alive);
        return count == null ? 1 : Math.max(1, count);
    }

    private void releaseSurplus(StreamingEventProcessor processor, int replicas) {
        int segments = processing.tokenStore(processor.getName()).fetchSegments(processor.getName()).length;
        int share = (segments + replicas - 1) / replicas;
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        for (int segment : held.subList(Math.min(share, held.size()), held.size())) {
            LOG.info("{} holds {} of {} segments of {} with {} replicas alive: releasing segment {}", node, held.size(), segments,
                    processor.getName(), replicas, segment);
            processor.releaseSegment(segment, interval.multipliedBy(5).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::balance, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        try {
            jdbc.update("DELETE FROM " + table + " WHERE node = ?", node); // leaving: the others need not wait for it
        } catch (RuntimeException e) {
            LOG.debug("Heartbeat not removed on stop: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
