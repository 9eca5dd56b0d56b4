package vn.qualityledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.api.objective.ObjectiveRevisedEvent;
import vn.qualityledger.query.IntegrationDatabase;

/**
 * The push to the real RabbitMQ of the development and CI machines (127.0.0.1:5672, guest/guest): every event arrives
 * on the topic exchange in position order as a structured CloudEvent, and a broker outage loses nothing.
 */
@SpringBootTest(properties = {"spring.config.name=query-service", "quality-ledger.feed.gap-timeout=PT2S",
        "quality-ledger.feed.amqp.enabled=true", "quality-ledger.feed.amqp.exchange=" + AmqpFeedPublisherIntegrationTest.EXCHANGE,
        "quality-ledger.feed.amqp.poll-interval=PT0.2S", "quality-ledger.feed.amqp.batch-size=7"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmqpFeedPublisherIntegrationTest {

    static final String EXCHANGE = "quality-ledger.events.test";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_feed_amqp");
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    AmqpFeedPublisher publisher;
    @Autowired
    CachingConnectionFactory feedConnectionFactory;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    CachingConnectionFactory testConnections;
    RabbitTemplate rabbit;
    Queue queue;
    FeedEvents events;

    @BeforeAll
    void bindATestQueue() {
        testConnections = new CachingConnectionFactory("127.0.0.1", 5672);
        testConnections.setUsername("guest");
        testConnections.setPassword("guest");
        RabbitAdmin admin = new RabbitAdmin(testConnections);
        TopicExchange exchange = new TopicExchange(EXCHANGE, true, false);
        admin.declareExchange(exchange);
        // not auto-delete: receive() cancels its consumer each time, which would delete an auto-delete queue
        queue = new Queue("quality-ledger.feed-test." + UUID.randomUUID(), false, false, false);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("vn.qualityledger.#"));
        rabbit = new RabbitTemplate(testConnections);
        events = new FeedEvents(eventStore, transaction);
    }

    @AfterAll
    void close() {
        new RabbitAdmin(testConnections).deleteQueue(queue.getName());
        testConnections.destroy();
    }

    @Test
    void deliversEveryEventInPositionOrderAsAStructuredCloudEventRoutedByItsType() {
        for (int i = 0; i < 6; i++) {
            String objective = "amqp-obj-" + i;
            events.append(objective, FeedIntegrationTest.defined(objective, i % 2 == 0 ? "so-a" : "so-b", "Mục tiêu " + i),
                    new ObjectiveRevisedEvent(ObjectiveId.of(objective), "Mục tiêu " + i + " (sửa)", null));
        }
        List<Message> messages = receive(12);

        assertThat(positions(messages)).isEqualTo(storedPositions("amqp-obj-%"));
        Message first = messages.get(0);
        assertThat(first.getMessageProperties().getContentType()).isEqualTo("application/cloudevents+json");
        assertThat(first.getMessageProperties().getReceivedExchange()).isEqualTo(EXCHANGE);
        assertThat(first.getMessageProperties().getReceivedRoutingKey()).isEqualTo("vn.qualityledger.objective.ObjectiveDefined.v1");
        JsonNode event = body(first);
        assertThat(event.get("type").asString()).isEqualTo("vn.qualityledger.objective.ObjectiveDefined.v1");
        assertThat(event.get("source").asString()).isEqualTo("urn:qualityledger:so-a");
        assertThat(event.get("data").get("statement").asString()).isEqualTo("Mục tiêu 0");
        assertThat(first.getMessageProperties().getMessageId()).isEqualTo(event.get("id").asString());
        assertThat(body(messages.get(1)).get("type").asString()).isEqualTo("vn.qualityledger.objective.ObjectiveRevised.v1");
        await().untilAsserted(() -> assertThat(publisher.position()).isEqualTo(storedPositions("amqp-obj-%").get(11)));
    }

    @Test
    void losesNothingWhileTheBrokerIsUnreachableAndResumesFromTheConfirmedPosition() throws Exception {
        drain();
        await().until(() -> publisher.position() == lastPosition());
        long before = publisher.position();
        // the broker "goes away": the publisher's connections now go to a closed port
        feedConnectionFactory.setPort(1);
        feedConnectionFactory.resetConnection();
        try {
            for (int i = 0; i < 10; i++) {
                String objective = "amqp-outage-" + i;
                events.append(objective, FeedIntegrationTest.defined(objective, "so-a", "Trong lúc mất kết nối " + i));
            }
            Thread.sleep(1500); // several failed rounds
            assertThat(publisher.position()).as("no position advances without the broker's confirms").isEqualTo(before);
            assertThat(rabbit.receive(queue.getName(), 100)).isNull();
        } finally {
            feedConnectionFactory.setPort(5672);
            feedConnectionFactory.resetConnection();
        }
        List<Message> messages = receive(10);
        assertThat(positions(messages)).isEqualTo(storedPositions("amqp-outage-%"));
        await().untilAsserted(() -> assertThat(publisher.position()).isEqualTo(lastPosition()));
    }

    /** Receives {@code count} distinct events (a redelivery, allowed by at-least-once, is dropped by its id). */
    private List<Message> receive(int count) {
        Map<String, Message> byId = new LinkedHashMap<>();
        long deadline = System.currentTimeMillis() + 20_000;
        while (byId.size() < count && System.currentTimeMillis() < deadline) {
            Message message = rabbit.receive(queue.getName(), 500);
            if (message != null) {
                byId.putIfAbsent(message.getMessageProperties().getMessageId(), message);
            }
        }
        assertThat(byId).hasSize(count);
        return new ArrayList<>(byId.values());
    }

    private void drain() {
        while (rabbit.receive(queue.getName(), 200) != null) {
            // left over from another test
        }
    }

    private List<Long> positions(List<Message> messages) {
        return messages.stream().map(m -> body(m).get("position").asLong()).toList();
    }

    private JsonNode body(Message message) {
        return json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
    }

    private List<Long> storedPositions(String streams) {
        return jdbc.queryForList("SELECT global_index FROM event_store.domain_event_entry WHERE aggregate_identifier LIKE ? ORDER BY global_index",
                Long.class, streams);
    }

    private long lastPosition() {
        Long last = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        return last == null ? 0 : last;
    }
}
