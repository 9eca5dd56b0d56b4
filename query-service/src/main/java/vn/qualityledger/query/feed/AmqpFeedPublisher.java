package vn.qualityledger.query.feed;

import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pushes the feed — every organisation, every published type — to a RabbitMQ topic exchange, routing key = the
 * CloudEvents type, each message one structured CloudEvent ({@code content-type: application/cloudevents+json}, the
 * CloudEvents AMQP binding's structured mode).
 *
 * <p>Delivers from a position kept in {@code query.feed_publication}: a round reads a page after it (the feed's gap
 * rule applies), publishes it, waits for the broker's confirms, and only then stores the page's resume position, in the
 * transaction that locked the row. A broker outage fails the round, the position stays, and the next round sends the
 * page again: nothing is lost, a message may arrive twice (consumers dedupe by the CloudEvent {@code id}). The lock
 * ({@code FOR UPDATE SKIP LOCKED}) lets one replica publish at a time.
 */
public class AmqpFeedPublisher implements SmartLifecycle {

    static final String PUBLISHER = "amqp";
    private static final Logger LOG = LoggerFactory.getLogger(AmqpFeedPublisher.class);
    private static final long CONFIRM_TIMEOUT_MILLIS = 10_000;

    private final FeedReader reader;
    private final CloudEvents cloudEvents;
    private final RabbitTemplate rabbit;
    private final RabbitAdmin admin;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final FeedProperties.Amqp settings;
    private ScheduledExecutorService scheduler;

    AmqpFeedPublisher(FeedReader reader, CloudEvents cloudEvents, ConnectionFactory connections, JdbcTemplate jdbc,
                      PlatformTransactionManager transactions, FeedProperties.Amqp settings) {
        this.reader = reader;
        this.cloudEvents = cloudEvents;
        this.rabbit = new RabbitTemplate(connections);
        this.admin = new RabbitAdmin(connections);
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
    }

    /**
     * One round: publishes the next page and returns how many events it confirmed (0 when there was nothing to send or
     * another replica holds the position).
     */
    public int publishRound() {
        jdbc.update("INSERT INTO query.feed_publication (publisher, position) VALUES (?, 0) ON CONFLICT DO NOTHING", PUBLISHER);
        Integer published = transaction.execute(status -> {
            List<Long> locked = jdbc.queryForList(
                    "SELECT position FROM query.feed_publication WHERE publisher = ? FOR UPDATE SKIP LOCKED", Long.class, PUBLISHER);
            if (locked.isEmpty()) {
                return 0;
            }
            long position = locked.get(0);
            FeedPage page = reader.read(new FeedQuery(position, null, List.of(), null, settings.batchSize()));
            if (!page.events().isEmpty()) {
                publish(page.events());
            }
            if (page.resumeAfter() != position) {
                jdbc.update("UPDATE query.feed_publication SET position = ?, updated_at = now() WHERE publisher = ?",
                        page.resumeAfter(), PUBLISHER);
            }
            return page.events().size();
        });
        return published == null ? 0 : published;
    }

    /** The position delivered up to (and confirmed). */
    public long position() {
        List<Long> position = jdbc.queryForList("SELECT position FROM query.feed_publication WHERE publisher = ?", Long.class, PUBLISHER);
        return position.isEmpty() ? 0 : position.get(0);
    }

    private void publish(List<StoredEvent> events) {
        admin.declareExchange(new TopicExchange(settings.exchange(), true, false));
        rabbit.invoke(channel -> {
            for (StoredEvent event : events) {
                CloudEvent cloudEvent = cloudEvents.of(event);
                MessageProperties properties = new MessageProperties();
                properties.setContentType(CloudEvents.CONTENT_TYPE);
                properties.setContentEncoding("UTF-8");
                properties.setMessageId(cloudEvent.getId());
                properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
                channel.send(settings.exchange(), cloudEvent.getType(), new Message(cloudEvents.structured(cloudEvent), properties));
            }
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
            return null;
        });
    }

    private void tick() {
        try {
            while (publishRound() == settings.batchSize()) {
                // a full page: more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warn("Feed push to RabbitMQ failed at position {}; retrying in {}: {}", position(), settings.pollInterval(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "feed-amqp");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
