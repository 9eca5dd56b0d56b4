package vn.qualityledger.query.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the event feed ({@code quality-ledger.feed.*}).
 *
 * @param baseUrl    the service's public URL, for the {@code Link} URLs of the pages; blank: taken from each request
 * @param gapTimeout how long a gap in the global index holds back the events after it: a gap is a transaction that has
 *                   drawn a position and not yet committed, or one that rolled back and never will. Must exceed the
 *                   longest command transaction plus the clock difference between the services' hosts. It is
 *                   the JPA storage engine's gap timeout (EventStoreConfiguration): Axon's gap-aware tokens drop an
 *                   older gap when they read the next event; Axon Server has no gaps
 * @param stream     the live tail (Server-Sent Events)
 * @param amqp       the optional push to RabbitMQ
 */
@ConfigurationProperties("quality-ledger.feed")
public record FeedProperties(String baseUrl, Duration gapTimeout, Stream stream, Amqp amqp) {

    public FeedProperties {
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(10) : gapTimeout;
        stream = stream == null ? new Stream(null, null, null, 0) : stream;
        amqp = amqp == null ? new Amqp(false, null, 0, null, null, null, null, 0) : amqp;
    }

    /**
     * @param pollInterval how often an idle tail looks for new events
     * @param heartbeat    how long a tail may stay silent before it sends a comment line (keeps proxies from closing it)
     * @param timeout      how long one connection lasts; the client then reconnects with {@code Last-Event-ID}
     * @param threads      threads serving all open tails
     */
    public record Stream(Duration pollInterval, Duration heartbeat, Duration timeout, int threads) {

        public Stream {
            pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
            heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
            timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
            threads = threads <= 0 ? 4 : threads;
        }
    }

    /**
     * @param enabled      push the feed to RabbitMQ
     * @param exchange     the topic exchange (declared durable), routing key = the CloudEvents type
     * @param pollInterval how often the publisher looks for new events (and retries after a failure)
     * @param batchSize    events per publication round; the tracked position advances after each confirmed round
     */
    public record Amqp(boolean enabled, String host, int port, String username, String password, String exchange,
                       Duration pollInterval, int batchSize) {

        public Amqp {
            host = host == null ? "127.0.0.1" : host;
            port = port <= 0 ? 5672 : port;
            username = username == null ? "guest" : username;
            password = password == null ? "guest" : password;
            exchange = exchange == null ? "quality-ledger.events" : exchange;
            pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
            batchSize = batchSize <= 0 ? 100 : batchSize;
        }
    }
}
