package vn.qualityledger.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.objective.ObjectiveDefinedEvent;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.api.objective.ObjectiveRevisedEvent;
import vn.qualityledger.query.IntegrationDatabase;
import vn.qualityledger.support.ledger.Checkpoint;
import vn.qualityledger.support.ledger.LedgerKeys;
import vn.qualityledger.support.ledger.LedgerVerification;
import vn.qualityledger.support.ledger.OrganisationExport;
import vn.qualityledger.support.ledger.Rfc9162;
import vn.qualityledger.support.ledger.StreamExport;
import vn.qualityledger.support.security.LedgerUser;

/**
 * The ledger against the real PostgreSQL event store, written through Axon's JPA storage engine and read back through
 * the feed's outbox: checkpoints signed with the configured key, written to the directory, and exports (the events as
 * the store holds them, through Axon's API) that the shared verification accepts untouched and refuses once a stored
 * event is altered in SQL or a stream is cut short together with its leaves.
 */
@SpringBootTest(properties = {"spring.config.name=query-service", "quality-ledger.ledger.interval=PT0S"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerIntegrationTest {

    private static final KeyPair KEY = LedgerKeys.generate();
    private static final Path DIRECTORY = createDirectory();
    private static final String ORG = "so-ldtbxh-ledger";
    private static final RequestPostProcessor ADMIN = as("admin", Role.ADMIN);
    private static final RequestPostProcessor AUDITOR = as("danhgia", Role.AUDITOR);
    private static final RequestPostProcessor PROVINCE = as("tinh", Role.PROVINCE_AUDITOR);
    private static final RequestPostProcessor CONSUMER = as("kho-so", Role.FEED_CONSUMER, ORG, List.of());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_ledger");
        registry.add("spring.datasource.url", () -> url);
        registry.add("quality-ledger.ledger.signing-key", () -> LedgerKeys.privateKeyBase64(KEY));
        registry.add("quality-ledger.ledger.directory", DIRECTORY::toString);
    }

    @Autowired
    MockMvc mvc;
    /** A plain mapper, as an auditor's tool would read the JSON (the service's own refuses line breaks in requests). */
    private final JsonMapper json = JsonMapper.builder().build();
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    vn.qualityledger.query.feed.FeedReader feed;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    LedgerLog log;
    @Autowired
    LedgerProperties properties;
    @Autowired
    KeyPair ledgerSigningKey;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired
    org.springframework.beans.factory.ObjectProvider<EventStore> eventStoreProvider;

    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    @Test
    void anExportOfAStreamVerifiesWithThePublishedKeyAndOnlyWhileTheStoreIsUntouched() throws Exception {
        String objective = ORG + ".MTCL-EXPORT";
        String other = ORG + ".MTCL-OTHER";
        append(objective, defined(objective));
        append(other, defined(other));
        for (int i = 1; i <= 5; i++) {
            append(objective, revised(objective, "Mục tiêu " + i));
            append(other, revised(other, "Khác " + i));
        }
        Checkpoint first = signCheckpoint();
        append(objective, revised(objective, "Mục tiêu 6"));
        Checkpoint second = signCheckpoint();
        assertThat(second.treeSize()).as("the first checkpoint's own event, then the revision").isEqualTo(first.treeSize() + 2);

        PublicKey published = LedgerKeys.publicKey(read("/api/ledger/public-key", Map.class).get("publicKey").toString());
        assertThat(published.getEncoded()).isEqualTo(KEY.getPublic().getEncoded());
        Path file = DIRECTORY.resolve("checkpoint-" + second.treeSize() + "-" + second.keyId() + ".json");
        Checkpoint saved = json.readValue(Files.readAllBytes(file), Checkpoint.class);
        assertThat(saved.isSignedBy(published)).isTrue();

        StreamExport export = export(objective, second.treeSize(), first.treeSize());
        assertThat(export.events()).hasSize(7);
        var outcome = LedgerVerification.verify(List.of(published), List.of(first, saved), export);
        assertThat(outcome.verified()).as(outcome.message()).isTrue();

        // Altered in the event store in SQL after the checkpoint: the export carries the events as the store holds them
        // (through Axon's API), not the outbox's copy the leaves were hashed from, so the event is named.
        jdbc.update("""
                UPDATE event_store.domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Mục tiêu 3', 'Mục tiêu 9'), 'UTF8')
                WHERE aggregate_identifier = ? AND sequence_number = 3""", objective);
        outcome = LedgerVerification.verify(List.of(published), List.of(first), export(objective, second.treeSize(), first.treeSize()));
        assertThat(outcome.verified()).isFalse();
        assertThat(outcome.message()).contains("sequence 3", "does not match the ledger");

        // The other stream cut short together with its chain links, its outbox rows and its leaves: the signed head says
        // how long it was.
        jdbc.update("DELETE FROM event_store.event_chain WHERE aggregate_identifier = ? AND sequence_number >= 4", other);
        jdbc.update("DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number >= 4", other);
        jdbc.update("DELETE FROM query.feed_event WHERE aggregate_identifier = ? AND sequence_number >= 4", other);
        jdbc.update("DELETE FROM query.ledger_leaf WHERE aggregate_identifier = ? AND sequence_number >= 4", other);
        outcome = LedgerVerification.verify(List.of(published), List.of(), export(other, first.treeSize()));
        assertThat(outcome.verified()).as(outcome.message()).isFalse();
        assertThat(outcome.message()).contains("its head");
    }

    /** The tamperings of TamperEvidenceIntegrationTest, in SQL on the event store after a checkpoint, each on a stream of its own. */
    @Test
    void everyTamperingInSqlAfterACheckpointIsNamedByTheVerification() throws Exception {
        Map<String, String> tamperings = new java.util.LinkedHashMap<>();
        tamperings.put("metadata", "UPDATE event_store.domain_event_entry SET meta_data = convert_to('{\"actorId\":\"x\"}', 'UTF8') "
                + "WHERE aggregate_identifier = ? AND sequence_number = 2");
        tamperings.put("timestamp", "UPDATE event_store.domain_event_entry SET time_stamp = '2020-01-01T00:00:00Z' "
                + "WHERE aggregate_identifier = ? AND sequence_number = 2");
        tamperings.put("type", "UPDATE event_store.domain_event_entry SET payload_revision = '2' "
                + "WHERE aggregate_identifier = ? AND sequence_number = 2");
        tamperings.put("middle", "DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 2");
        tamperings.put("last", "DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 3");
        // Through -1: the unique (stream, sequence) constraint is checked row by row.
        tamperings.put("swapped", "UPDATE event_store.domain_event_entry SET sequence_number = -1 WHERE aggregate_identifier = ? AND sequence_number = 2;"
                + "UPDATE event_store.domain_event_entry SET sequence_number = 2 WHERE aggregate_identifier = ? AND sequence_number = 3;"
                + "UPDATE event_store.domain_event_entry SET sequence_number = 3 WHERE aggregate_identifier = ? AND sequence_number = -1");
        for (var tampering : tamperings.entrySet()) {
            String objective = ORG + ".MTCL-TAMPER-" + tampering.getKey();
            append(objective, defined(objective), revised(objective, "1"), revised(objective, "2"), revised(objective, "3"));
        }
        Checkpoint checkpoint = signCheckpoint();
        for (var tampering : tamperings.entrySet()) {
            String objective = ORG + ".MTCL-TAMPER-" + tampering.getKey();
            assertThat(LedgerVerification.verify(List.of(KEY.getPublic()), List.of(), export(objective, checkpoint.treeSize())).verified())
                    .as("before: " + tampering.getKey()).isTrue();
            for (String statement : tampering.getValue().split(";")) {
                jdbc.update(statement, objective);
            }
            var outcome = LedgerVerification.verify(List.of(KEY.getPublic()), List.of(), export(objective, checkpoint.treeSize()));
            assertThat(outcome.verified()).as(tampering.getKey()).isFalse();
            assertThat(outcome.message()).as(tampering.getKey()).contains(objective);
        }
    }

    @Test
    void anInclusionProofAndAConsistencyProofVerifyAgainstTheCheckpoints() throws Exception {
        String objective = ORG + ".MTCL-PROOF";
        append(objective, defined(objective), revised(objective, "A"));
        Checkpoint first = signCheckpoint();
        append(objective, revised(objective, "B"));
        Checkpoint second = signCheckpoint();
        String eventId = jdbc.queryForObject("SELECT event_identifier FROM event_store.domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 1", String.class, objective);

        var inclusion = read("/api/ledger/proofs/inclusion?event=" + eventId + "&treeSize=" + first.treeSize(),
                LedgerController.InclusionResponse.class);
        assertThat(Rfc9162.verifyInclusion(inclusion.event().leafHash(), inclusion.leafIndex(), first.treeSize(), inclusion.proof(),
                first.rootHash())).isTrue();
        var consistency = read("/api/ledger/proofs/consistency?from=" + first.treeSize() + "&to=" + second.treeSize(),
                LedgerController.ConsistencyResponse.class);
        assertThat(Rfc9162.verifyConsistency(first.treeSize(), second.treeSize(), first.rootHash(), second.rootHash(),
                consistency.proof())).isTrue();
        assertThat(read("/api/ledger/checkpoints", Checkpoint[].class)[0].treeSize()).isEqualTo(second.treeSize());
    }

    @Test
    void onlyAnAdministratorSignsACheckpointOnDemand() throws Exception {
        mvc.perform(post("/api/admin/ledger/checkpoints").with(AUDITOR)).andExpect(status().isForbidden());
    }

    @Test
    void refusesProofsAgainstSizesNobodySignedAndNamesTheBadParameter() throws Exception {
        mvc.perform(get("/api/ledger/proofs/consistency?from=1&to=999999").with(AUDITOR)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/ledger/proofs/consistency?from=5&to=1").with(AUDITOR)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$['invalid-params'][0].name").value("from"));
        mvc.perform(get("/api/ledger/streams/" + ORG + ".NO-SUCH-STREAM/export").with(AUDITOR)).andExpect(status().isNotFound());
        mvc.perform(get("/api/ledger/proofs/inclusion?event=no-such-event").with(AUDITOR)).andExpect(status().isNotFound());
        // A limit out of range is the client's error, named like every other bad parameter (it was a 500).
        mvc.perform(get("/api/ledger/checkpoints?limit=1001").with(AUDITOR)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].rule").value("Max"));
    }

    @Test
    void anOrganisationsExportHoldsEachOfItsStreamsAndVerifiesOffline() throws Exception {
        // An organisation of its own: the other tests tamper with streams of ORG.
        String organisation = "so-xuat-ca-don-vi";
        String a = organisation + ".MTCL-A";
        String b = organisation + ".MTCL-B";
        String elsewhere = "UBND-XA-09.MTCL-ORG-C";
        append(a, definedIn(organisation, a), revised(a, "A 1"));
        append(b, definedIn(organisation, b));
        append(elsewhere, definedIn("UBND-XA-09", elsewhere));
        Checkpoint first = signCheckpoint();
        append(a, revised(a, "A 2"));
        Checkpoint second = signCheckpoint();

        OrganisationExport earlier = readAs(PROVINCE, "/api/ledger/organisations/" + organisation + "/export?treeSize=" + first.treeSize(), OrganisationExport.class);
        OrganisationExport export = readAs(PROVINCE, "/api/ledger/organisations/" + organisation + "/export?treeSize=" + second.treeSize()
                + "&consistentWith=" + first.treeSize(), OrganisationExport.class);
        assertThat(export.streams()).extracting(StreamExport::stream).contains(a, b).doesNotContain(elsewhere);
        assertThat(export.streams().stream().filter(s -> s.stream().equals(a)).findFirst().orElseThrow().events()).hasSize(3);
        var outcome = LedgerVerification.verify(List.of(KEY.getPublic()), List.of(first), export, earlier);
        assertThat(outcome.verified()).as(outcome.message()).isTrue();

        // Its streams' organisation is no longer recorded (the file leaves them out): the auditor's earlier export names them.
        jdbc.update("UPDATE query.feed_stream SET organisation_id = 'KHAC' WHERE aggregate_identifier = ?", b);
        OrganisationExport without = readAs(PROVINCE, "/api/ledger/organisations/" + organisation + "/export?treeSize=" + second.treeSize()
                + "&consistentWith=" + first.treeSize(), OrganisationExport.class);
        outcome = LedgerVerification.verify(List.of(KEY.getPublic()), List.of(first), without, earlier);
        assertThat(outcome.verified()).isFalse();
        assertThat(outcome.message()).contains("stream " + b, "missing from this one");

        mvc.perform(get("/api/ledger/organisations/UBND-XA-09/export").with(AUDITOR)).andExpect(status().isForbidden());
    }

    /**
     * A checkpoint signed on demand is an event of the feed: its own type, at a position after every event it covers,
     * delivered with the organisation's events, its data the checkpoint, its dataschema the published schema.
     */
    @Test
    void aCheckpointSignedOnDemandIsAnEventOfTheFeedAfterTheEventsItCovers() throws Exception {
        String objective = ORG + ".MTCL-FEED";
        append(objective, defined(objective), revised(objective, "Mục tiêu feed"));
        Checkpoint checkpoint = signCheckpoint();
        long lastCovered = jdbc.queryForObject("SELECT global_index FROM query.ledger_leaf WHERE leaf_index = ?", Long.class,
                checkpoint.treeSize() - 1);
        long firstOfObjective = jdbc.queryForObject("SELECT min(global_index) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, objective);
        awaitTheOutbox();

        var page = feedPage(CONSUMER, "/api/feed?organisation=" + ORG + "&after=" + (firstOfObjective - 1) + "&limit=1000");
        List<String> subjects = new java.util.ArrayList<>();
        page.forEach(e -> subjects.add(e.get("subject").asString()));
        assertThat(subjects).as("the objective's events, then the checkpoint that covers them")
                .startsWith(objective, objective, "ledger-checkpoints");
        var event = checkpointEvent(page, checkpoint);
        assertThat(event.get("id").asString()).isEqualTo(page.get(2).get("id").asString());
        assertThat(event.get("position").asLong()).isGreaterThan(lastCovered);
        assertThat(event.get("subject").asString()).isEqualTo("ledger-checkpoints");
        assertThat(event.get("source").asString()).isEqualTo("urn:qualityledger");
        var data = event.get("data");
        assertThat(data.get("treeSize").asLong()).isEqualTo(checkpoint.treeSize());
        assertThat(data.get("rootHash").asString()).isEqualTo(java.util.Base64.getEncoder().encodeToString(checkpoint.rootHash()));
        assertThat(data.get("streamCount").asLong()).isEqualTo(checkpoint.streamCount());
        assertThat(data.get("streamsRoot").asString()).isEqualTo(java.util.Base64.getEncoder().encodeToString(checkpoint.streamsRoot()));
        assertThat(data.get("keyId").asString()).isEqualTo(LedgerKeys.keyId(KEY.getPublic()));
        assertThat(data.get("timestamp").asString()).isEqualTo(checkpoint.timestamp());
        assertThat(data.get("signature").asString()).isEqualTo(java.util.Base64.getEncoder().encodeToString(checkpoint.signature()));

        // dataschema resolves through the contract index, and the schema holds the data (and needs its signature).
        var index = json.readTree(mvc.perform(get("/api/feed/schemas").with(AUDITOR)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        var revision = java.util.stream.StreamSupport.stream(index.get("eventTypes").spliterator(), false)
                .filter(t -> t.get("name").asString().equals("vn.qualityledger.ledger.CheckpointSigned")).findFirst().orElseThrow()
                .get("revisions").get(0);
        assertThat(revision.get("cloudEventType").asString()).isEqualTo(event.get("type").asString());
        assertThat(revision.get("schemaId").asString()).isEqualTo(event.get("dataschema").asString());
        String schemaText = mvc.perform(get(java.net.URI.create(revision.get("schemaUrl").asString()).getPath()).with(AUDITOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
                .getSchema(schemaText, com.networknt.schema.InputFormat.JSON);
        assertThat(schema.validate(data.toString(), com.networknt.schema.InputFormat.JSON)).isEmpty();
        assertThat(schema.validate("{\"treeSize\": 1}", com.networknt.schema.InputFormat.JSON)).as("a checkpoint needs its signature").isNotEmpty();

        // Another organisation's reader gets the checkpoint too (it signs the whole log), not this organisation's events.
        var elsewhere = feedPage(as("kho-xa", Role.FEED_CONSUMER, "UBND-XA-09", List.of()),
                "/api/feed?organisation=UBND-XA-09&after=" + (firstOfObjective - 1) + "&limit=1000");
        assertThat(checkpointEvent(elsewhere, checkpoint).get("id").asString()).isEqualTo(event.get("id").asString());
        elsewhere.forEach(e -> assertThat(e.get("subject").asString()).isNotEqualTo(objective));
    }

    /** The checkpoint an auditor saves from the feed verifies with the published public key, and an export against it. */
    @Test
    void theCheckpointInTheFeedVerifiesWithThePublishedPublicKey() throws Exception {
        String objective = ORG + ".MTCL-FEED-KEY";
        append(objective, defined(objective), revised(objective, "Mục tiêu khóa"));
        Checkpoint signed = signCheckpoint();
        awaitTheOutbox();
        long before = jdbc.queryForObject("SELECT global_index FROM query.ledger_leaf WHERE leaf_index = ?", Long.class, signed.treeSize() - 1);
        var event = checkpointEvent(feedPage(CONSUMER, "/api/feed?organisation=" + ORG + "&after=" + before), signed);

        PublicKey published = LedgerKeys.publicKey(read("/api/ledger/public-key", Map.class).get("publicKey").toString());
        Checkpoint fromFeed = json.treeToValue(event.get("data"), Checkpoint.class);
        assertThat(fromFeed.isSignedBy(published)).as("the feed's checkpoint verifies with the published key").isTrue();
        var outcome = LedgerVerification.verify(List.of(published), List.of(fromFeed), export(objective, signed.treeSize()));
        assertThat(outcome.verified()).as(outcome.message()).isTrue();
        Checkpoint altered = json.treeToValue(((tools.jackson.databind.node.ObjectNode) event.get("data").deepCopy())
                .put("treeSize", signed.treeSize() - 1), Checkpoint.class);
        assertThat(altered.isSignedBy(published)).as("a checkpoint altered in transit").isFalse();
    }

    /**
     * Exactly once: signing again with nothing new (not even once the checkpoint's own event is a leaf) answers the same
     * checkpoint and publishes nothing; the next checkpoint covers the first one's event as a leaf, which proves in.
     */
    @Test
    void aCheckpointIsPublishedOnceAndItsEventIsALeafOfTheNext() throws Exception {
        String objective = ORG + ".MTCL-FEED-ONCE";
        append(objective, defined(objective));
        Checkpoint first = signCheckpoint();
        awaitTheOutbox();
        assertThat(signCheckpoint().signature()).as("nothing but the checkpoint's own event since").isEqualTo(first.signature());
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM event_store.domain_event_entry
                WHERE aggregate_identifier = 'ledger-checkpoints' AND convert_from(payload, 'UTF8')::jsonb ->> 'treeSize' = ?
                """, Long.class, Long.toString(first.treeSize()))).isEqualTo(1);

        append(objective, revised(objective, "Mục tiêu sau"));
        Checkpoint second = signCheckpoint();
        assertThat(second.treeSize()).isEqualTo(first.treeSize() + 2);
        String checkpointEvent = jdbc.queryForObject("""
                SELECT event_identifier FROM event_store.domain_event_entry
                WHERE aggregate_identifier = 'ledger-checkpoints' AND convert_from(payload, 'UTF8')::jsonb ->> 'treeSize' = ?
                """, String.class, Long.toString(first.treeSize()));
        var inclusion = read("/api/ledger/proofs/inclusion?event=" + checkpointEvent + "&treeSize=" + second.treeSize(),
                LedgerController.InclusionResponse.class);
        assertThat(inclusion.leafIndex()).isEqualTo(first.treeSize());
        assertThat(Rfc9162.verifyInclusion(inclusion.event().leafHash(), inclusion.leafIndex(), second.treeSize(), inclusion.proof(),
                second.rootHash())).isTrue();
    }

    /**
     * Two replicas signing at the same moment (two signers over the one database, each with its own lock of the JVM):
     * one checkpoint is signed and published, and both answer it.
     */
    @Test
    void twoSignersAtOnceSignAndPublishOneCheckpoint() throws Exception {
        String objective = ORG + ".MTCL-FEED-RACE";
        append(objective, defined(objective));
        Checkpoints replica = new Checkpoints(log, jdbc, json, properties, ledgerSigningKey, transactions, eventStoreProvider);
        var start = new java.util.concurrent.CyclicBarrier(2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> {
                start.await();
                return checkpoints.sign();
            });
            var b = pool.submit(() -> {
                start.await();
                return replica.sign();
            });
            Checkpoint first = a.get(30, java.util.concurrent.TimeUnit.SECONDS);
            Checkpoint second = b.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(second.signature()).as("the second signer answers the first one's checkpoint").isEqualTo(first.signature());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM query.ledger_checkpoint WHERE tree_size = ?", Long.class,
                    first.treeSize())).isEqualTo(1);
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM event_store.domain_event_entry
                    WHERE aggregate_identifier = 'ledger-checkpoints' AND convert_from(payload, 'UTF8')::jsonb ->> 'treeSize' = ?
                    """, Long.class, Long.toString(first.treeSize()))).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The checkpoint-only view: the same CloudEvents as the event feed, for a reader without the feed's role, by position. */
    @Test
    void theCheckpointFeedServesTheFeedsCheckpointEventsToAnAuditor() throws Exception {
        String objective = ORG + ".MTCL-FEED-VIEW";
        append(objective, defined(objective));
        Checkpoint first = signCheckpoint();
        append(objective, revised(objective, "Mục tiêu xem"));
        Checkpoint second = signCheckpoint();
        awaitTheOutbox();
        long before = jdbc.queryForObject("SELECT global_index FROM query.ledger_leaf WHERE leaf_index = ?", Long.class, first.treeSize() - 1);

        var response = mvc.perform(get("/api/ledger/checkpoints/feed?after=" + before + "&limit=1").with(AUDITOR))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/cloudevents-batch+json");
        var events = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(events).hasSize(1);
        var event = checkpointEvent(events, first);
        String resume = response.getHeader("Feed-Resume-After");
        assertThat(resume).isEqualTo(event.get("position").asString());
        assertThat(response.getHeader("Link")).contains("after=" + resume, "rel=\"next\"");
        var inTheFeed = checkpointEvent(feedPage(CONSUMER, "/api/feed?organisation=" + ORG + "&after=" + before), first);
        assertThat(event.get("id").asString()).isEqualTo(inTheFeed.get("id").asString());
        assertThat(event.get("data")).isEqualTo(inTheFeed.get("data"));

        // Resuming after it gives the second, exactly once.
        var next = json.readTree(mvc.perform(get("/api/ledger/checkpoints/feed?after=" + resume).with(AUDITOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(next).hasSize(1);
        assertThat(next.get(0).get("data").get("treeSize").asLong()).isEqualTo(second.treeSize());
        // The old address of the schema serves the published one.
        mvc.perform(get("/api/ledger/schemas/CheckpointSigned.v1.schema.json").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$['$id']").value(event.get("dataschema").asString()));
    }

    /** The checkpoint's event among a page of the feed, by its tree size. */
    private static tools.jackson.databind.JsonNode checkpointEvent(tools.jackson.databind.JsonNode page, Checkpoint checkpoint) {
        List<tools.jackson.databind.JsonNode> found = new java.util.ArrayList<>();
        page.forEach(e -> {
            if (e.get("type").asString().equals("vn.qualityledger.ledger.CheckpointSigned.v1")
                    && e.get("data").get("treeSize").asLong() == checkpoint.treeSize()) {
                found.add(e);
            }
        });
        assertThat(found).as("the checkpoint of size " + checkpoint.treeSize() + " in " + page).hasSize(1);
        return found.get(0);
    }

    private tools.jackson.databind.JsonNode feedPage(RequestPostProcessor reader, String url) throws Exception {
        var response = mvc.perform(get(url).with(reader)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/cloudevents-batch+json");
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    /** Until the outbox holds every stored event, the checkpoints' among them. */
    private void awaitTheOutbox() {
        long last = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> feed.watermark() >= last);
    }

    private Checkpoint signCheckpoint() throws Exception {
        String body = mvc.perform(post("/api/admin/ledger/checkpoints").with(ADMIN)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readValue(body, Checkpoint.class);
    }

    private StreamExport export(String stream, long treeSize, long... consistentWith) throws Exception {
        StringBuilder url = new StringBuilder("/api/ledger/streams/" + stream + "/export?treeSize=" + treeSize);
        for (long size : consistentWith) {
            url.append("&consistentWith=").append(size);
        }
        return read(url.toString(), StreamExport.class);
    }

    private <T> T read(String url, Class<T> type) throws Exception {
        return readAs(AUDITOR, url, type);
    }

    private <T> T readAs(RequestPostProcessor reader, String url, Class<T> type) throws Exception {
        String body = mvc.perform(get(url).with(reader)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readValue(body, type);
    }

    private void append(String stream, Object... events) {
        transaction.executeWithoutResult(status -> {
            for (Object event : events) {
                long sequence = sequences.merge(stream, 1L, Long::sum) - 1;
                eventStore.publish(new GenericDomainEventMessage<>("Objective", stream, sequence, event,
                        MetaData.from(Map.of("actorId", "thuky", "correlationId", "corr-" + stream + "-" + sequence))));
            }
        });
        // The leaves are taken from the outbox, which its processor fills a moment later.
        long last = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> feed.watermark() >= last);
    }

    private static ObjectiveDefinedEvent defined(String objective) {
        return new ObjectiveDefinedEvent(ObjectiveId.of(objective), ORG, 2024, "MT", "Mục tiêu", null);
    }

    private static ObjectiveDefinedEvent definedIn(String organisation, String objective) {
        return new ObjectiveDefinedEvent(ObjectiveId.of(objective), organisation, 2024, "MT", "Mục tiêu", null);
    }

    private static ObjectiveRevisedEvent revised(String objective, String statement) {
        return new ObjectiveRevisedEvent(ObjectiveId.of(objective), statement, null);
    }

    private static RequestPostProcessor as(String username, Role role) {
        return as(username, role, ORG, List.of());
    }

    private static RequestPostProcessor as(String username, Role role, String organisation, List<String> feedOrganisations) {
        return user(new LedgerUser(username, "{noop}x", new Actor(username, username, List.of(role), organisation, null), feedOrganisations));
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("ledger-checkpoints");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
