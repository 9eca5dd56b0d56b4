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
        assertThat(second.treeSize()).isEqualTo(first.treeSize() + 1);

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

    /** Each signed checkpoint is a CheckpointSigned CloudEvent of the checkpoint feed, in signing order, resumable by its id. */
    @Test
    void theCheckpointFeedServesEverySignedCheckpointInOrderWithItsSchema() throws Exception {
        String objective = ORG + ".MTCL-FEED";
        append(objective, defined(objective));
        Checkpoint first = signCheckpoint();
        append(objective, revised(objective, "Mục tiêu feed"));
        Checkpoint second = signCheckpoint();
        List<Long> ids = jdbc.queryForList("SELECT id FROM query.ledger_checkpoint WHERE tree_size IN (?, ?) ORDER BY id", Long.class,
                first.treeSize(), second.treeSize());
        long before = ids.get(0) - 1;

        var page = mvc.perform(get("/api/ledger/checkpoints/feed?after=" + before + "&limit=1").with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Feed-Resume-After", Long.toString(ids.get(0))))
                .andReturn().getResponse();
        assertThat(page.getContentType()).startsWith("application/cloudevents-batch+json");
        assertThat(page.getHeader("Link")).contains("after=" + ids.get(0), "rel=\"next\"");
        var events = json.readTree(page.getContentAsString(StandardCharsets.UTF_8));
        assertThat(events).hasSize(1);
        var event = events.get(0);
        assertThat(event.get("type").asString()).isEqualTo("vn.qualityledger.ledger.CheckpointSigned.v1");
        assertThat(event.get("id").asString()).isEqualTo("checkpoint-" + ids.get(0));
        assertThat(event.get("checkpointid").asString()).isEqualTo(Long.toString(ids.get(0)));
        assertThat(event.get("dataschema").asString()).isEqualTo("https://qualityledger.vn/schemas/ledger/CheckpointSigned.v1.schema.json");
        Checkpoint served = json.treeToValue(event.get("data"), Checkpoint.class);
        assertThat(served.treeSize()).isEqualTo(first.treeSize());
        assertThat(served.isSignedBy(KEY.getPublic())).as("the served checkpoint verifies with the published key").isTrue();

        String schemaText = mvc.perform(get("/api/ledger/schemas/CheckpointSigned.v1.schema.json").with(AUDITOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
                .getSchema(schemaText, com.networknt.schema.InputFormat.JSON);
        assertThat(schema.validate(event.get("data").toString(), com.networknt.schema.InputFormat.JSON)).isEmpty();
        assertThat(schema.validate("{\"treeSize\": 1}", com.networknt.schema.InputFormat.JSON)).as("a checkpoint needs its signature").isNotEmpty();

        // Resuming after the first gives the second, exactly once.
        var next = json.readTree(mvc.perform(get("/api/ledger/checkpoints/feed?after=" + ids.get(0)).with(AUDITOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(next).isNotEmpty();
        assertThat(next.get(0).get("id").asString()).isEqualTo("checkpoint-" + ids.get(1));
        assertThat(json.treeToValue(next.get(0).get("data"), Checkpoint.class).treeSize()).isEqualTo(second.treeSize());
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
        return user(new LedgerUser(username, "{noop}x", new Actor(username, username, List.of(role), ORG, null), List.of()));
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("ledger-checkpoints");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
