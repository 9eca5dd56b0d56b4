package vn.qualityledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The live tail over real HTTP: read it, disconnect, resume with Last-Event-ID — nothing lost, nothing repeated. */
class FeedStreamTest extends FeedHttpTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aTailResumedWithLastEventIdNeitherLosesNorRepeatsAnEvent() throws Exception {
        FeedEvents events = new FeedEvents(eventStore, transaction);
        long start = lastPosition();
        for (int i = 1; i <= 3; i++) {
            events.append("tail-obj-" + i, FeedIntegrationTest.defined("tail-obj-" + i, ORG, "Mục tiêu " + i));
        }
        events.append("tail-obj-other", FeedIntegrationTest.defined("tail-obj-other", "so-khac", "Không phải của tôi"));

        List<SseEvent> first = new ArrayList<>();
        try (Tail tail = open("/api/feed/stream?organisation=" + ORG + "&after=" + start, null)) {
            first.add(tail.next());
            first.add(tail.next());
            first.add(tail.next());
            // an idle tail keeps its connection alive with comment lines
            assertThat(tail.comment()).isEqualTo(":heartbeat");
        }
        assertThat(first).extracting(e -> e.data().get("subject").asString()).containsExactly("tail-obj-1", "tail-obj-2", "tail-obj-3");
        for (SseEvent event : first) {
            assertThat(event.id()).isEqualTo(event.data().get("position").asString());
            assertThat(event.data().get("type").asString()).isEqualTo("vn.qualityledger.objective.ObjectiveDefined.v1");
            assertThat(event.data().get("specversion").asString()).isEqualTo("1.0");
        }

        // while disconnected
        events.append("tail-obj-4", FeedIntegrationTest.defined("tail-obj-4", ORG, "Mục tiêu 4"));
        events.append("tail-obj-2", new vn.qualityledger.api.objective.ObjectiveRevisedEvent(
                vn.qualityledger.api.objective.ObjectiveId.of("tail-obj-2"), "Mục tiêu 2 (sửa)", null));

        try (Tail tail = open("/api/feed/stream?organisation=" + ORG, first.get(2).id())) {
            SseEvent fourth = tail.next();
            SseEvent revised = tail.next();
            assertThat(fourth.data().get("subject").asString()).isEqualTo("tail-obj-4");
            assertThat(revised.data().get("subject").asString()).isEqualTo("tail-obj-2");
            assertThat(revised.data().get("streamsequence").asString()).isEqualTo("1");
            assertThat(revised.data().get("sequence").asString()).as("contract 1.0.0's name, deprecated").isEqualTo("1");
            // and live: an event appended now arrives on the open tail, after the others
            events.append("tail-obj-5", FeedIntegrationTest.defined("tail-obj-5", ORG, "Mục tiêu 5"));
            SseEvent live = tail.next();
            assertThat(live.data().get("subject").asString()).isEqualTo("tail-obj-5");
            assertThat(Long.parseLong(live.id())).isGreaterThan(Long.parseLong(revised.id()));
            assertThat(tail.nextOrNull(700)).as("nothing repeated").isNull();
        }
    }

    @Test
    void refusesTheTailToReadersWithoutTheFeedRole() throws Exception {
        HttpResponse<String> response = http.send(request("/api/feed/stream?organisation=" + ORG, "tinh")
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    // ---- a minimal Server-Sent Events reader -------------------------------------------------------------------------

    record SseEvent(String id, JsonNode data) {
    }

    private Tail open(String path, String lastEventId) throws Exception {
        var builder = request(path, "kho").header("Accept", "text/event-stream");
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return new Tail(response.body());
    }

    private final class Tail implements AutoCloseable {

        private final Stream<String> lines;
        private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        private final Thread reader;

        Tail(Stream<String> lines) {
            this.lines = lines;
            this.reader = new Thread(() -> {
                String id = null;
                StringBuilder data = new StringBuilder();
                try {
                    for (String line : (Iterable<String>) lines::iterator) {
                        if (line.startsWith(":")) {
                            received.add(line);
                        } else if (line.startsWith("id:")) {
                            id = line.substring(3).trim();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5));
                        } else if (line.isEmpty() && !data.isEmpty()) {
                            received.add(new SseEvent(id, json.readTree(data.toString())));
                            id = null;
                            data.setLength(0);
                        }
                    }
                } catch (RuntimeException closed) {
                    // the test closed the connection
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        SseEvent next() throws InterruptedException {
            SseEvent event = nextOrNull(10_000);
            assertThat(event).as("an event within 10 s").isNotNull();
            return event;
        }

        SseEvent nextOrNull(long millis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + millis;
            while (System.currentTimeMillis() < deadline) {
                Object item = received.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
                if (item instanceof SseEvent event) {
                    return event;
                }
            }
            return null;
        }

        String comment() throws InterruptedException {
            long deadline = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < deadline) {
                Object item = received.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
                if (item instanceof String comment) {
                    return comment;
                }
                assertThat(item).as("no event while idle").isNull();
            }
            return null;
        }

        @Override
        public void close() {
            lines.close();
            reader.interrupt();
        }
    }

    private long lastPosition() {
        Long last = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        return last == null ? 0 : last;
    }
}
