package vn.qualityledger.query.feed;

import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live tails: each open tail polls the feed from its last sent position and sends what it finds as Server-Sent
 * Events ({@code id} = the position, data = the structured CloudEvent), or a comment line when it has been silent for a
 * heartbeat. The ids are what a reconnecting client sends back as {@code Last-Event-ID}, and the reader's gap rule
 * applies as to pages, so a resumed tail neither loses nor repeats an event. A small pool serves all tails: a tail
 * occupies a thread only while it reads and sends.
 * <p>
 * On shutdown every open tail is completed before the web server's graceful shutdown begins (this lifecycle's phase is
 * the default, later than the web server's, so it stops first): an open tail is an async request that would otherwise
 * hold the graceful shutdown for its whole timeout. The clients reconnect with {@code Last-Event-ID} to another replica.
 */
@Component
public class FeedTails implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(FeedTails.class);
    private static final MediaType CLOUD_EVENT_JSON = MediaType.parseMediaType(CloudEvents.CONTENT_TYPE);

    private final FeedReader reader;
    private final CloudEvents cloudEvents;
    private final FeedProperties.Stream settings;
    private final ScheduledExecutorService scheduler;
    private final Set<Tail> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public FeedTails(FeedReader reader, CloudEvents cloudEvents, FeedProperties properties) {
        this.reader = reader;
        this.cloudEvents = cloudEvents;
        this.settings = properties.stream();
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(settings.threads(), task -> {
            Thread thread = new Thread(task, "feed-tail-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public SseEmitter open(FeedQuery query) {
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        Tail tail = new Tail(emitter, query);
        emitter.onCompletion(tail::close);
        emitter.onTimeout(tail::close);
        emitter.onError(error -> tail.close());
        open.add(tail);
        if (!running) {
            // opened while shutting down: end it at once, the client reconnects elsewhere
            tail.complete();
            return emitter;
        }
        try {
            scheduler.execute(tail);
        } catch (java.util.concurrent.RejectedExecutionException stoppedMeanwhile) {
            tail.complete();
        }
        return emitter;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Completes every open tail, then stops the threads. */
    @Override
    public void stop() {
        running = false;
        for (Tail tail : Set.copyOf(open)) {
            tail.complete();
        }
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The open tails, for the shutdown test. */
    int openTails() {
        return open.size();
    }

    private final class Tail implements Runnable {

        private final SseEmitter emitter;
        private final AtomicBoolean closed = new AtomicBoolean();
        private FeedQuery query;
        private long silentSince = System.nanoTime();

        Tail(SseEmitter emitter, FeedQuery query) {
            this.emitter = emitter;
            this.query = query;
        }

        @Override
        public void run() {
            if (closed.get()) {
                return;
            }
            try {
                FeedPage page = reader.read(query);
                for (StoredEvent event : page.events()) {
                    CloudEvent cloudEvent = cloudEvents.of(event);
                    emitter.send(SseEmitter.event().id(Long.toString(event.position()))
                            .data(new String(cloudEvents.structured(cloudEvent), StandardCharsets.UTF_8), CLOUD_EVENT_JSON));
                    silentSince = System.nanoTime();
                }
                // Past events that do not match too, so they are not read again; a reconnect resumes from the last id sent.
                query = query.resumingAfter(page.resumeAfter());
                if (System.nanoTime() - silentSince >= settings.heartbeat().toNanos()) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    silentSince = System.nanoTime();
                }
                boolean more = page.events().size() == query.limit();
                schedule(more ? Duration.ZERO : settings.pollInterval());
            } catch (IOException | IllegalStateException e) {
                // the client has gone (or the emitter completed): nothing to resume here, the client reconnects
                close();
            } catch (RuntimeException e) {
                LOG.warn("Feed tail failed; closing it so that the client reconnects", e);
                emitter.completeWithError(e);
                close();
            }
        }

        private void schedule(Duration delay) {
            if (!closed.get()) {
                scheduler.schedule(this, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        void close() {
            closed.set(true);
            open.remove(this);
        }

        void complete() {
            close();
            emitter.complete();
        }
    }
}
