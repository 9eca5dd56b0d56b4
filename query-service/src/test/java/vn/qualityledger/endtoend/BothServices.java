package vn.qualityledger.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.command.CommandServiceApplication;
import vn.qualityledger.query.QueryServiceApplication;
import vn.qualityledger.support.TestDatabase;

/**
 * Both services in one JVM against one fresh database, on a settable clock for business dates, driven over HTTP as the
 * demo users of quality-ledger-security.yml (password "demo").
 */
final class BothServices implements AutoCloseable {

    /** How a scenario's days reach the services. */
    enum Days {
        /** Living the year: the services' clock shows each day of the scenario, and the requests state none. */
        LIVED,
        /** Entering the year late, in one sitting: the clock shows the real today, and each request states its day. */
        ENTERED_LATE
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MutableClock clock = new MutableClock();
    private final ConfigurableApplicationContext commandService;
    private final ConfigurableApplicationContext queryService;
    private final RestClient commands;
    private final RestClient queries;
    private final Days days;
    /** The scenario's day, when requests state it. */
    private volatile String day;
    /** Every Location a 201 answered, with who was answered: each must be a read that exists. */
    private final List<Created> created = new java.util.concurrent.CopyOnWriteArrayList<>();

    private record Created(String user, String command, URI location) {
    }

    BothServices(String database, String... commandServiceArguments) {
        this(database, Days.LIVED, commandServiceArguments);
    }

    BothServices(String database, Days days, String... commandServiceArguments) {
        this.days = days;
        clock.setToday(LocalDate.now(clock.getZone()));
        String url = TestDatabase.recreate(database);
        // query-service's port is chosen first: command-service's Location headers name its public address
        int queryPort = freePort();
        List<String> commandArguments = new ArrayList<>(List.of(commandServiceArguments));
        commandArguments.add("--quality-ledger.query-service.public-url=http://127.0.0.1:" + queryPort);
        commandService = start(CommandServiceApplication.application(), url, 0, commandArguments.toArray(String[]::new));
        try {
            queryService = start(QueryServiceApplication.application(), url, queryPort);
        } catch (RuntimeException failed) {
            commandService.close();
            throw failed;
        }
        commands = RestClient.create("http://localhost:" + port(commandService));
        queries = RestClient.create("http://localhost:" + port(queryService));
    }

    private ConfigurableApplicationContext start(SpringApplication application, String url, int port, String... more) {
        application.addInitializers(context -> ((GenericApplicationContext) context)
                .registerBean("scenarioClock", Clock.class, () -> clock, definition -> definition.setPrimary(true)));
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port, "--spring.datasource.url=" + url));
        arguments.addAll(List.of(more));
        return application.run(arguments.toArray(String[]::new));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** What happens from here on happens on this day: the services' today, or the day the requests state. */
    void on(String day) {
        if (days == Days.LIVED) {
            clock.setToday(LocalDate.parse(day));
        } else {
            this.day = LocalDate.parse(day).toString();
        }
    }

    /**
     * A request body that says on which day its step happened, as {@code field}, when the year is entered late; the
     * body unchanged when the services' clock shows the day. An empty body becomes an object of that one member.
     */
    String dated(String body, String field) {
        if (days == Days.LIVED) {
            return body;
        }
        String member = "\"" + field + "\": \"" + day + "\"";
        String object = body.isBlank() ? "{}" : body.strip();
        int end = object.lastIndexOf('}');
        boolean empty = object.substring(object.indexOf('{') + 1, end).isBlank();
        return object.substring(0, end) + (empty ? "" : ", ") + member + "}";
    }

    /** A command as a user, expecting a status; its JSON answer (null node when empty). */
    JsonNode post(String user, String path, String body, int expectedStatus) {
        return commands.post().uri(path).header("Authorization", basic(user)).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((request, response) -> {
                    String raw = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(response.getStatusCode().value()).as("POST %s as %s answered %s", path, user, raw).isEqualTo(expectedStatus);
                    if (expectedStatus == 201) {
                        assertThat(response.getHeaders().getLocation()).as("POST %s answered 201 without a Location", path).isNotNull();
                        created.add(new Created(user, path, response.getHeaders().getLocation()));
                    }
                    return raw.isEmpty() ? JSON.nullNode() : JSON.readTree(raw);
                });
    }

    /** A read as a user, expecting 200. */
    JsonNode get(String user, String path) {
        return queries.get().uri(path).header("Authorization", basic(user)).exchange((request, response) -> {
            String raw = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response.getStatusCode().value()).as("GET %s answered %s", path, raw).isEqualTo(200);
            return JSON.readTree(raw);
        });
    }

    /**
     * Follows every Location a 201 answered so far, as the user it answered, once the read side has caught up: each is
     * a read that answers 200 (an absolute address is query-service's public one; a relative one, command-service's).
     * Returns "user location" of each distinct one followed.
     */
    List<String> assertEveryLocationIsARead() throws InterruptedException {
        assertThat(created).as("no command answered 201").isNotEmpty();
        awaitReadSideCaughtUp();
        List<String> followed = new ArrayList<>();
        for (Created answer : created) {
            String key = answer.user() + " " + answer.location();
            if (followed.contains(key)) {
                continue;
            }
            followed.add(key);
            URI target = answer.location().isAbsolute() ? answer.location()
                    : URI.create("http://127.0.0.1:" + commandPort()).resolve(answer.location());
            int status = RestClient.create().get().uri(target).header("Authorization", basic(answer.user()))
                    .exchange((request, response) -> response.getStatusCode().value());
            assertThat(status).as("the Location %s of POST %s (as %s)", answer.location(), answer.command(), answer.user()).isEqualTo(200);
        }
        return followed;
    }

    /** Plain text from either service as a user (say, a metrics scrape), expecting a status. */
    String text(boolean fromQueryService, String user, String path, int expectedStatus) {
        return (fromQueryService ? queries : commands).get().uri(path).header("Authorization", basic(user)).exchange((request, response) -> {
            String raw = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response.getStatusCode().value()).as("GET %s as %s answered %s", path, user, raw).isEqualTo(expectedStatus);
            return raw;
        });
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** The port command-service listens on (for raw requests: the fuzz test). */
    int commandPort() {
        return port(commandService);
    }

    /** The port query-service listens on. */
    int queryPort() {
        return port(queryService);
    }

    /** The shared database, as command-service reaches it. */
    JdbcTemplate database() {
        return commandService.getBean(JdbcTemplate.class);
    }

    /**
     * Appends events to a new stream directly, as an aggregate of command-service would (sequence 0, 1, …): for what
     * no demo user may command, such as another organisation's records.
     */
    void append(String aggregateType, String streamId, Object... events) {
        org.axonframework.eventsourcing.eventstore.EventStore eventStore =
                commandService.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class);
        commandService.getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(status -> {
            for (int sequence = 0; sequence < events.length; sequence++) {
                eventStore.publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>(aggregateType, streamId, sequence,
                        events[sequence]));
            }
        });
    }

    /** An instant strictly between the events recorded before and after it. */
    static Instant aMomentLater() throws InterruptedException {
        Thread.sleep(20);
        Instant moment = Instant.now();
        Thread.sleep(20);
        return moment;
    }

    /** Waits until every segment of every query-service processor has handled the last stored event. */
    void awaitReadSideCaughtUp() throws InterruptedException {
        long head = database().queryForObject("select max(global_index) from event_store.domain_event_entry", Long.class);
        EventProcessingConfiguration processing = queryService.getBean(EventProcessingConfiguration.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<StreamingEventProcessor> processors = new ArrayList<>();
            processing.eventProcessors().values().forEach(p -> {
                if (p instanceof StreamingEventProcessor s) {
                    processors.add(s);
                }
            });
            boolean caughtUp = !processors.isEmpty() && processors.stream().allMatch(p -> !p.processingStatus().isEmpty()
                    && p.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                    .allMatch(position -> position.isPresent() && position.getAsLong() >= head));
            if (caughtUp) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the read side did not reach global index " + head + " within 60 s");
    }

    @Override
    public void close() {
        queryService.close();
        commandService.close();
    }
}
