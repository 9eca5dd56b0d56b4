package vn.qualityledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.nonconformity.NonconformityClosedEvent;
import vn.qualityledger.api.nonconformity.NonconformityId;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.api.objective.ObjectiveDefinedEvent;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.api.objective.ObjectiveRevisedEvent;
import vn.qualityledger.query.IntegrationDatabase;
import vn.qualityledger.support.security.LedgerUser;

/**
 * The feed's guarantees against the real PostgreSQL event store, written through Axon's JPA storage engine and served
 * from the outbox that the feed-outbox processor fills through Axon's EventStore API: position order, the stored
 * bytes, stable ids to dedupe by, late commits delivered and never skipped, exact resumption; and who may read it.
 * The gap timeout is 2 s here, so a test that leaves a rolled-back gap behind delays the others by at most that (and
 * the next event appended).
 */
@SpringBootTest(properties = {"spring.config.name=query-service", "quality-ledger.feed.gap-timeout=PT2S"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedIntegrationTest {

    private static final String ORG = "so-ldtbxh-bt";
    private static final String OTHER_ORG = "so-ldtbxh-vl";
    private static final RequestPostProcessor CONSUMER = as("kho-bt", Role.FEED_CONSUMER, ORG, List.of());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_feed");
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    FeedReader reader;

    FeedEvents events;

    @BeforeAll
    void writer() {
        events = new FeedEvents(eventStore, transaction);
    }

    // ---- the CloudEvents -----------------------------------------------------------------------------------------

    @Test
    void servesEachEventAsACloudEventWithItsStoredDataAndExtensions() throws Exception {
        String objective = "feed-obj-ce";
        events.append(objective, defined(objective, ORG, "Mục tiêu chất lượng: 100% hồ sơ đúng hạn"));
        long position = positionOf(objective, 0);
        awaitOutbox();

        mvc.perform(get("/api/feed").param("organisation", ORG).param("after", Long.toString(position - 1)).param("limit", "1").with(CONSUMER))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/cloudevents-batch+json"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].specversion").value("1.0"))
                .andExpect(jsonPath("$[0].id").value(jdbc.queryForObject(
                        "SELECT event_identifier FROM event_store.domain_event_entry WHERE global_index = ?", String.class, position)))
                .andExpect(jsonPath("$[0].source").value("urn:qualityledger:" + ORG))
                .andExpect(jsonPath("$[0].type").value("vn.qualityledger.objective.ObjectiveDefined.v1"))
                .andExpect(jsonPath("$[0].subject").value(objective))
                .andExpect(jsonPath("$[0].datacontenttype").value("application/json"))
                .andExpect(jsonPath("$[0].dataschema").value("https://qualityledger.vn/schemas/objective/ObjectiveDefined.v1.schema.json"))
                .andExpect(jsonPath("$[0].position").value(position))
                .andExpect(jsonPath("$[0].streamsequence").value("0"))
                .andExpect(jsonPath("$[0].sequence").value("0")) // contract 1.0.0's name, deprecated, kept readable
                .andExpect(jsonPath("$[0].actorid").value("thuky"))
                .andExpect(jsonPath("$[0].correlationid").value("corr-" + objective + "-0"))
                // the data is the stored JSON as is, Vietnamese included
                .andExpect(jsonPath("$[0].data.objectiveId").value(objective))
                .andExpect(jsonPath("$[0].data.organisationId").value(ORG))
                .andExpect(jsonPath("$[0].data.statement").value("Mục tiêu chất lượng: 100% hồ sơ đúng hạn"))
                .andExpect(header().string(FeedController.RESUME_AFTER, Long.toString(position)))
                .andExpect(header().string("Link", "<http://localhost/api/feed?organisation=" + ORG + "&after=" + position
                        + "&limit=1>; rel=\"next\""));
        JsonNode data = page("/api/feed?organisation=" + ORG + "&after=" + (position - 1) + "&limit=1").get(0).get("data");
        String stored = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry WHERE global_index = ?",
                String.class, position);
        assertThat(data).isEqualTo(json.readTree(stored));
    }

    @Test
    void servesOnlyTheAskedOrganisationsStreamsTypesAndStream() throws Exception {
        String mine = "feed-obj-filter-mine";
        String theirs = "feed-obj-filter-theirs";
        String nc = "NC-2024-FEED-1";
        long start = lastPosition();
        events.append(mine, defined(mine, ORG, "A"), new ObjectiveRevisedEvent(ObjectiveId.of(mine), "A'", null));
        events.append(theirs, defined(theirs, OTHER_ORG, "B"));
        events.append(nc, new vn.qualityledger.api.nonconformity.NonconformityRaisedEvent(NonconformityId.of(nc), ORG,
                null, Severity.MINOR, "Văn phòng Sở", "8.5.1", "Hồ sơ trễ hạn", LocalDate.parse("2024-03-01")),
                new NonconformityClosedEvent(NonconformityId.of(nc), "Đã khắc phục", LocalDate.parse("2024-04-01")));
        awaitOutbox();

        assertThat(subjects(page("/api/feed?organisation=" + ORG + "&after=" + start)))
                .containsExactly(mine, mine, nc, nc);
        assertThat(types(page("/api/feed?organisation=" + ORG + "&after=" + start + "&type=vn.qualityledger.objective.ObjectiveRevised")))
                .containsExactly("vn.qualityledger.objective.ObjectiveRevised.v1");
        assertThat(types(page("/api/feed?organisation=" + ORG + "&after=" + start
                + "&type=vn.qualityledger.nonconformity.NonconformityClosed.v1,vn.qualityledger.objective.ObjectiveDefined")))
                .containsExactly("vn.qualityledger.objective.ObjectiveDefined.v1", "vn.qualityledger.nonconformity.NonconformityClosed.v1");
        assertThat(page("/api/feed?organisation=" + ORG + "&after=" + start + "&type=vn.qualityledger.objective.ObjectiveRevised.v2")).isEmpty();
        assertThat(subjects(page("/api/feed?organisation=" + ORG + "&after=" + start + "&stream=" + nc))).containsExactly(nc, nc);
        // the NC's stream belongs to the organisation of its first event; the close carries no organisation of its own
        assertThat(page("/api/feed?organisation=" + ORG + "&after=" + start + "&stream=" + nc).get(1).get("source").asString())
                .isEqualTo("urn:qualityledger:" + ORG);
    }

    @Test
    void refusesUnknownTypesAndLimitsOutOfRangeNamingTheParameter() throws Exception {
        mvc.perform(get("/api/feed").param("organisation", ORG).param("type", "vn.qualityledger.objective.Nothing").with(CONSUMER))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$['invalid-params'][0].name").value("type"));
        mvc.perform(get("/api/feed").param("organisation", ORG).param("limit", "1001").with(CONSUMER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$['invalid-params'][0].name").value("limit"));
        mvc.perform(get("/api/feed").param("organisation", ORG).param("after", "-1").with(CONSUMER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$['invalid-params'][0].name").value("after"));
    }

    // ---- order, paging, dedupe -----------------------------------------------------------------------------------

    @Test
    void pagesFollowTheNextLinkInPositionOrderAndRepeatTheSameIdsWhenReadAgain() throws Exception {
        String organisation = "so-paging";
        long start = lastPosition();
        for (int i = 0; i < 5; i++) {
            String objective = "feed-obj-page-" + i;
            events.append(objective, defined(objective, organisation, "Mục tiêu " + i));
            events.append(objective, new ObjectiveRevisedEvent(ObjectiveId.of(objective), "Mục tiêu " + i + " (sửa)", null));
        }
        awaitOutbox();
        RequestPostProcessor consumer = as("kho-paging", Role.FEED_CONSUMER, organisation, List.of());
        List<JsonNode> read = new ArrayList<>();
        String next = "/api/feed?organisation=" + organisation + "&after=" + start + "&limit=3";
        for (int pages = 0; pages < 10; pages++) {
            MvcResult result = mvc.perform(get(next).with(consumer)).andExpect(status().isOk()).andReturn();
            JsonNode batch = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(read::add);
            String link = result.getResponse().getHeader("Link");
            next = link.substring(link.indexOf("/api/feed"), link.indexOf('>'));
        }
        List<Long> positions = read.stream().map(e -> e.get("position").asLong()).toList();
        assertThat(positions).hasSize(10).isSorted().doesNotHaveDuplicates()
                .isEqualTo(jdbc.queryForList("""
                        SELECT global_index FROM event_store.domain_event_entry
                        WHERE aggregate_identifier LIKE 'feed-obj-page-%' ORDER BY global_index""", Long.class));
        // Reading again from an earlier position delivers the same events under the same ids: consumers dedupe by id.
        JsonNode again = page("/api/feed?organisation=" + organisation + "&after=" + positions.get(3), consumer);
        assertThat(again.get(0).get("id")).isEqualTo(read.get(4).get("id"));
        assertThat(again.get(0)).isEqualTo(read.get(4));
    }

    // ---- late commits --------------------------------------------------------------------------------------------

    @Test
    void holdsBackEventsBehindAnUncommittedTransactionAndDeliversThemInOrderOnceItCommits() throws Exception {
        String slow = "feed-obj-slow";
        String fast = "feed-obj-fast";
        long start = lastPosition();
        CountDownLatch slowHasAppended = new CountDownLatch(1);
        CountDownLatch commitSlow = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<?> slowTransaction = thread.submit(() -> transaction.executeWithoutResult(status -> {
            events.appendInCurrentTransaction(slow, defined(slow, ORG, "Chậm"));
            slowHasAppended.countDown();
            awaitLatch(commitSlow);
        }));
        try {
            assertThat(slowHasAppended.await(10, TimeUnit.SECONDS)).isTrue();
            events.append(fast, defined(fast, ORG, "Nhanh")); // draws a higher position, commits first
            long fastPosition = positionOf(fast, 0);

            MvcResult held = mvc.perform(get("/api/feed").param("organisation", ORG).param("after", Long.toString(start)).with(CONSUMER))
                    .andExpect(status().isOk()).andReturn();
            // The gap below the fast event may still be filled: nothing at or after it is served, and the resume point
            // stays below it, as the outbox's watermark does once it has read the fast event.
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM query.feed_event WHERE position = ?", Long.class, fastPosition) == 1);
            assertThat(reader.watermark()).isLessThan(fastPosition - 1);
            assertThat(subjects(json.readTree(held.getResponse().getContentAsString()))).isEmpty();
            assertThat(held.getResponse().getHeader(FeedController.HELD_BACK)).isEqualTo("true");
            long resume = Long.parseLong(held.getResponse().getHeader(FeedController.RESUME_AFTER));
            assertThat(resume).isLessThan(fastPosition - 1);

            commitSlow.countDown();
            slowTransaction.get(10, TimeUnit.SECONDS);
            long slowPosition = positionOf(slow, 0);
            assertThat(slowPosition).isLessThan(fastPosition);
            awaitOutbox();
            JsonNode after = page("/api/feed?organisation=" + ORG + "&after=" + resume);
            assertThat(subjects(after)).containsExactly(slow, fast);
            assertThat(after.get(0).get("position").asLong()).isEqualTo(slowPosition);
        } finally {
            commitSlow.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void aStreamWhoseFirstEventCommittedAfterItsGapTimedOutIsStillServedFromItsNextEvent() throws Exception {
        String late = "feed-obj-later-than-the-timeout";
        String meanwhile = "feed-obj-meanwhile";
        String next = "feed-obj-after-the-timeout";
        long start = lastPosition();
        CountDownLatch lateHasAppended = new CountDownLatch(1);
        CountDownLatch commitLate = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<?> lateTransaction = thread.submit(() -> transaction.executeWithoutResult(status -> {
            events.appendInCurrentTransaction(late, defined(late, ORG, "Rất chậm"));
            lateHasAppended.countDown();
            awaitLatch(commitLate);
        }));
        try {
            assertThat(lateHasAppended.await(10, TimeUnit.SECONDS)).isTrue();
            events.append(meanwhile, defined(meanwhile, ORG, "Trong lúc chờ"));
            // past the 2 s gap timeout, the next event read drops the gap (Axon's gap cleaning) and both flow
            Thread.sleep(2500);
            events.append(next, defined(next, ORG, "Sau thời hạn"));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(subjects(page("/api/feed?organisation=" + ORG + "&after=" + start))).containsExactly(meanwhile, next));
            commitLate.countDown();
            lateTransaction.get(10, TimeUnit.SECONDS);
        } finally {
            commitLate.countDown();
            thread.shutdownNow();
        }
        long resume = positionOf(next, 0);
        events.append(late, new ObjectiveRevisedEvent(ObjectiveId.of(late), "Đã sửa", null));
        awaitOutbox();
        // its first event is lost to the outbox (the documented cost of the timeout), but not its stream: the outbox
        // reads the stream's organisation from its first event through the EventStore API
        assertThat(subjects(page("/api/feed?organisation=" + ORG + "&after=" + resume))).containsExactly(late);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM query.feed_event WHERE position = ?", Long.class, positionOf(late, 0)))
                .isZero();
    }

    @Test
    void passesAGapLeftByARolledBackTransactionAtTheFirstEventReadAfterTheGapTimeout() throws Exception {
        String rolledBack = "feed-obj-rolled-back";
        String next = "feed-obj-after-rollback";
        String later = "feed-obj-later-after-rollback";
        long start = lastPosition();
        transaction.executeWithoutResult(status -> {
            events.appendInCurrentTransaction(rolledBack, defined(rolledBack, ORG, "Không bao giờ lưu"));
            status.setRollbackOnly();
        });
        events.append(next, defined(next, ORG, "Sau khi hủy"));
        long nextPosition = positionOf(next, 0);
        assertThat(nextPosition).as("the rolled-back transaction drew a position").isGreaterThan(start + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM query.feed_event WHERE position = ?", Long.class, nextPosition) == 1);

        MvcResult held = mvc.perform(get("/api/feed").param("organisation", ORG).param("after", Long.toString(start)).with(CONSUMER))
                .andReturn();
        assertThat(held.getResponse().getHeader(FeedController.HELD_BACK)).isEqualTo("true");
        assertThat(subjects(json.readTree(held.getResponse().getContentAsString()))).isEmpty();
        // After the 2 s gap timeout the gap is taken to be permanent as the next event is read, and both flow.
        Thread.sleep(2500);
        events.append(later, defined(later, ORG, "Sau nữa"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(subjects(page("/api/feed?organisation=" + ORG + "&after=" + start))).containsExactly(next, later));
    }

    /** What the outbox stores is what Axon stored: for an event no upcaster touches, the same bytes and text. */
    @Test
    void theOutboxHoldsEachEventAsStoredUnderItsGlobalIndex() throws Exception {
        String objective = "feed-obj-bytes";
        events.append(objective, defined(objective, ORG, "Giữ nguyên từng byte: ắ ằ ẳ ẵ ặ"),
                new ObjectiveRevisedEvent(ObjectiveId.of(objective), "Đã sửa", null));
        awaitOutbox();
        String columns = "event_identifier, aggregate_identifier, sequence_number, payload_type, payload_revision, time_stamp, payload, meta_data";
        List<java.util.Map<String, Object>> stored = jdbc.queryForList("SELECT global_index AS position, " + columns
                + " FROM event_store.domain_event_entry WHERE aggregate_identifier = ? ORDER BY global_index", objective);
        List<java.util.Map<String, Object>> outbox = jdbc.queryForList("SELECT position, " + columns
                + " FROM query.feed_event WHERE aggregate_identifier = ? ORDER BY position", objective);
        assertThat(outbox).hasSize(2);
        for (int i = 0; i < 2; i++) {
            for (String column : stored.get(i).keySet()) {
                assertThat(outbox.get(i).get(column)).as(column).isEqualTo(stored.get(i).get(column));
            }
        }
        assertThat(jdbc.queryForObject("SELECT organisation_id FROM query.feed_event WHERE aggregate_identifier = ? AND sequence_number = 1",
                String.class, objective)).isEqualTo(ORG);
    }

    @Test
    void aConsumerResumingFromItsLastPositionGetsEveryEventExactlyOnceInOrderWhileConcurrentTransactionsCommitOutOfOrder()
            throws Exception {
        String organisation = "so-concurrent";
        RequestPostProcessor consumer = as("kho-concurrent", Role.FEED_CONSUMER, organisation, List.of());
        int writers = 4;
        int streamsPerWriter = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> writing = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            writing.add(pool.submit(() -> {
                for (int s = 0; s < streamsPerWriter; s++) {
                    String objective = "feed-obj-conc-" + writer + "-" + s;
                    transaction.executeWithoutResult(status -> {
                        events.appendInCurrentTransaction(objective, defined(objective, organisation, "Song song"));
                        // hold the transaction open a little, so that commits overtake one another
                        sleep(ThreadLocalRandom.current().nextInt(0, 15));
                        events.appendInCurrentTransaction(objective, new ObjectiveRevisedEvent(ObjectiveId.of(objective), "Song song'", null));
                    });
                }
            }));
        }
        List<JsonNode> received = new ArrayList<>();
        long after = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int expected = writers * streamsPerWriter * 2;
        while (received.size() < expected && System.nanoTime() < deadline) {
            MvcResult result = mvc.perform(get("/api/feed").param("organisation", organisation).param("after", Long.toString(after))
                    .param("limit", "7").with(consumer)).andExpect(status().isOk()).andReturn();
            json.readTree(result.getResponse().getContentAsString()).forEach(received::add);
            after = Long.parseLong(result.getResponse().getHeader(FeedController.RESUME_AFTER));
        }
        for (Future<?> w : writing) {
            w.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<Long> positions = received.stream().map(e -> e.get("position").asLong()).toList();
        Set<String> ids = new HashSet<>();
        received.forEach(e -> assertThat(ids.add(e.get("id").asString())).as("delivered once: " + e.get("id")).isTrue());
        assertThat(positions).isSorted().isEqualTo(jdbc.queryForList("""
                SELECT global_index FROM event_store.domain_event_entry
                WHERE aggregate_identifier LIKE 'feed-obj-conc-%' ORDER BY global_index""", Long.class));
        assertThat(positions).hasSize(expected);
        // and within each stream, in stream order
        for (JsonNode event : received) {
            String stream = event.get("subject").asString();
            long sequence = event.get("streamsequence").asLong();
            assertThat(received.stream().filter(e -> e.get("subject").asString().equals(stream)).map(e -> e.get("streamsequence").asLong()).toList())
                    .containsExactly(0L, 1L).contains(sequence);
            assertThat(event.get("sequence").asString()).as("the deprecated name, the same value").isEqualTo(event.get("streamsequence").asString());
        }
    }

    // ---- access --------------------------------------------------------------------------------------------------

    @Test
    void onlyTheFeedConsumerRoleOrAnAdministratorReadsTheFeed() throws Exception {
        mvc.perform(get("/api/feed").param("organisation", ORG).with(as("thuky", Role.ISO_SECRETARY, ORG, List.of())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Only the feed consumer role or an administrator reads the event feed"));
        mvc.perform(get("/api/feed").param("organisation", ORG).with(as("tinh", Role.PROVINCE_AUDITOR, null, List.of())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/feed").param("organisation", ORG).with(as("admin", Role.ADMIN, ORG, List.of())))
                .andExpect(status().isOk());
        mvc.perform(get("/api/feed").param("organisation", ORG)).andExpect(status().isUnauthorized());
        // and the machine role reads no dashboards
        mvc.perform(get("/api/organisations/" + ORG + "/years/2024/summary").with(CONSUMER)).andExpect(status().isForbidden());
    }

    @Test
    void aConsumerReadsItsOwnOrganisationAndThoseGrantedToIt() throws Exception {
        mvc.perform(get("/api/feed").param("organisation", ORG).with(CONSUMER)).andExpect(status().isOk());
        mvc.perform(get("/api/feed").param("organisation", OTHER_ORG).with(CONSUMER))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("You may read the feed of " + ORG + ", not of " + OTHER_ORG));
        mvc.perform(get("/api/feed").with(CONSUMER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$['invalid-params'][0].name").value("organisation"));

        RequestPostProcessor province = as("kho-tinh", Role.FEED_CONSUMER, null, List.of(ORG));
        mvc.perform(get("/api/feed").param("organisation", ORG).with(province)).andExpect(status().isOk());
        mvc.perform(get("/api/feed").param("organisation", OTHER_ORG).with(province)).andExpect(status().isForbidden());
        mvc.perform(get("/api/feed").param("organisation", ORG).with(as("kho-none", Role.FEED_CONSUMER, null, List.of())))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("You may read the feed of no organisation, not of " + ORG));

        // "*" grants every organisation, and then the organisation may be left out
        RequestPostProcessor everything = as("kho-all", Role.FEED_CONSUMER, null, List.of("*"));
        String mine = "feed-obj-all-a";
        String theirs = "feed-obj-all-b";
        long start = lastPosition();
        events.append(mine, defined(mine, ORG, "A"));
        events.append(theirs, defined(theirs, OTHER_ORG, "B"));
        awaitOutbox();
        assertThat(subjects(page("/api/feed?after=" + start, everything))).containsExactly(mine, theirs);
        mvc.perform(get("/api/feed").param("organisation", OTHER_ORG).with(everything)).andExpect(status().isOk());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static RequestPostProcessor as(String username, Role role, String organisation, List<String> feedOrganisations) {
        return user(new LedgerUser(username, "{noop}x", new Actor(username, username, List.of(role), organisation, null), feedOrganisations));
    }

    private JsonNode page(String url) throws Exception {
        return page(url, CONSUMER);
    }

    private JsonNode page(String url, RequestPostProcessor consumer) throws Exception {
        MvcResult result = mvc.perform(get(url).with(consumer)).andExpect(status().isOk()).andReturn();
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> subjects(JsonNode batch) {
        List<String> subjects = new ArrayList<>();
        batch.forEach(e -> subjects.add(e.get("subject").asString()));
        return subjects;
    }

    private static List<String> types(JsonNode batch) {
        List<String> types = new ArrayList<>();
        batch.forEach(e -> types.add(e.get("type").asString()));
        return types;
    }

    private long positionOf(String stream, long sequence) {
        return jdbc.queryForObject("SELECT global_index FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                Long.class, stream, sequence);
    }

    /** Until the outbox serves every event stored so far (none is held by a gap in these tests' callers). */
    private void awaitOutbox() {
        long last = lastPosition();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> reader.watermark() >= last);
    }

    private long lastPosition() {
        Long last = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        return last == null ? 0 : last;
    }

    static ObjectiveDefinedEvent defined(String objective, String organisation, String statement) {
        return new ObjectiveDefinedEvent(ObjectiveId.of(objective), organisation, 2024, "MT", statement, null);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
