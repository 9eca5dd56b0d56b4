package vn.qualityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.api.objective.ObjectiveDefinedEvent;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.api.objective.ObjectiveRevisedEvent;
import vn.qualityledger.support.SegmentClaims;
import vn.qualityledger.support.openapi.ApiDocumentExamples;
import vn.qualityledger.support.openapi.ApiSchemaNames;

/** The storage and operations wiring query-service shares with command-service, checked on a real database. */
@SpringBootTest(properties = "spring.config.name=query-service")
@AutoConfigureMockMvc
@WithUserDetails("tinh") // a demo user of quality-ledger-security.yml who reads every organisation
class QueryServiceWiringIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_query_wiring");
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    SegmentClaims segmentClaims;

    @Test
    void storesEventPayloadsMetadataAndTokensAsByteaNeverAsLargeObjects() {
        ObjectiveId objective = ObjectiveId.of("obj-bytea");
        new ObjectiveStreams(eventStore, transaction).append(objective,
                new ObjectiveDefinedEvent(objective, "so-ldtbxh-bt", 2024, "MT9", "Kiểm tra lưu trữ", null));
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(
                jdbc.queryForObject("SELECT count(*) FROM query.objective WHERE id = 'obj-bytea'", Integer.class)).isEqualTo(1));

        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_schema || '.' || table_name || '.' || column_name AS name, data_type
                FROM information_schema.columns
                WHERE (table_schema = 'event_store' AND table_name = 'domain_event_entry' AND column_name IN ('payload', 'meta_data'))
                   OR (table_schema = 'query' AND table_name = 'token_entry' AND column_name = 'token')
                ORDER BY 1
                """);
        assertThat(columns).containsExactly(
                Map.of("name", "event_store.domain_event_entry.meta_data", "data_type", "bytea"),
                Map.of("name", "event_store.domain_event_entry.payload", "data_type", "bytea"),
                Map.of("name", "query.token_entry.token", "data_type", "bytea"));
        // The processor has written its tokens, and nothing went to pg_largeobject on the way.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM query.token_entry WHERE token IS NOT NULL", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Integer.class)).isZero();
    }

    @Test
    void givesConsecutiveEventsConsecutiveGlobalIndexesFromASequenceThatStepsByOne() {
        assertThat(jdbc.queryForObject(
                "SELECT increment_by FROM pg_sequences WHERE schemaname = 'event_store' AND sequencename = 'domain_event_entry_seq'",
                Long.class)).isEqualTo(1L);

        ObjectiveId objective = ObjectiveId.of("obj-sequence");
        ObjectiveStreams streams = new ObjectiveStreams(eventStore, transaction);
        streams.append(objective,
                new ObjectiveDefinedEvent(objective, "so-ldtbxh-bt", 2024, "MT8", "Mục tiêu A", null),
                new ObjectiveRevisedEvent(objective, "Mục tiêu B", null),
                new ObjectiveRevisedEvent(objective, "Mục tiêu C", null));
        streams.append(objective, new ObjectiveRevisedEvent(objective, "Mục tiêu D", null));

        List<Long> indexes = jdbc.queryForList(
                "SELECT global_index FROM event_store.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                Long.class, objective.value());
        assertThat(indexes).hasSize(4);
        long first = indexes.get(0);
        assertThat(indexes).containsExactly(first, first + 1, first + 2, first + 3);
    }

    @Test
    @WithUserDetails("admin")
    void isReadyOnlyWithItsEventProcessorsInTheReadinessGroup() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.eventProcessors.status").value("UP"))
                .andExpect(jsonPath("$.components.eventProcessors.details['objective-progress'].running").value(true))
                // the feed's outbox is a processor too: a replica whose feed stands still is not ready
                .andExpect(jsonPath("$.components.eventProcessors.details['feed-outbox'].running").value(true));
    }

    /** What another replica's readiness reads of this one: its live claims, and its tokens' positions, without claiming. */
    @Test
    void showsItsSegmentClaimsToOtherReplicas() throws Exception {
        ObjectiveId objective = ObjectiveId.of("obj-claims");
        new ObjectiveStreams(eventStore, transaction).append(objective,
                new ObjectiveDefinedEvent(objective, "so-ldtbxh-bt", 2024, "MT-CLAIMS", "Kiểm tra", null));
        long head = jdbc.queryForObject("select max(global_index) from event_store.domain_event_entry", Long.class);
        Map<Integer, SegmentClaims.Claim> claims = Map.of();
        for (int attempt = 0; attempt < 100; attempt++) {
            claims = segmentClaims.live("objective-progress");
            if (claims.size() == 2 && claims.values().stream().allMatch(c -> c.position().orElse(-1) >= head)) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(claims).containsOnlyKeys(0, 1);
        assertThat(claims.values()).allSatisfy(claim -> {
            assertThat(claim.owner()).isNotBlank();
            assertThat(claim.position()).isPresent();
            assertThat(claim.position().getAsLong()).isGreaterThanOrEqualTo(head);
        });
    }

    @Test
    void describesItsReadApiInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/objectives/{objectiveId}/dashboard'].get").exists())
                .andExpect(jsonPath("$.paths['/api/organisations/{organisationId}/years/{year}/units/{unit}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/occurrences'].get.parameters[?(@.name == 'status')]").exists())
                .andExpect(jsonPath("$.info.title").value("Quality Ledger query-service"))
                .andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/api/objectives/{objectiveId}/dashboard'].get.responses['404'].content['application/problem+json'].schema['$ref']")
                        .value("#/components/schemas/Problem"))
                .andExpect(jsonPath("$.components.schemas.Problem.properties.errors.items['$ref']").value("#/components/schemas/ProblemError"))
                // Every operation has a summary: its Javadoc's first sentence (therapi's scribe), else its name in words.
                .andExpect(jsonPath("$.paths.*.*[?(!@.summary)]").isEmpty())
                .andExpect(jsonPath("$.paths['/api/objectives/{streamId}/history'].get.summary").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString())))
                // Typed answers: the rows of a state and of the plan name their fields (no free-form JsonNode rows) ...
                .andExpect(jsonPath("$.components.schemas.ObjectivePlan.properties.measures.items['$ref']").value("#/components/schemas/RecordedMeasure"))
                .andExpect(jsonPath("$.components.schemas.RecordedMeasure.properties.leadUnits.items.type").value("string"))
                .andExpect(jsonPath("$.components.schemas.RecordedMeasure.properties.scheduleRules.items['$ref']").value("#/components/schemas/ScheduleRule"))
                .andExpect(jsonPath("$.components.schemas.AuditState.properties.audit['$ref']").value("#/components/schemas/RecordedAudit"))
                .andExpect(jsonPath("$.components.schemas.NonconformityState.properties.closures.items['$ref']").value("#/components/schemas/RecordedClosure"))
                // ... the feed's page is an array of CloudEvents, whose data (like a history entry's payload) is the event
                .andExpect(jsonPath("$.paths['/api/feed'].get.responses['200'].content['application/cloudevents-batch+json'].schema.items['$ref']")
                        .value("#/components/schemas/CloudEvent"))
                .andExpect(jsonPath("$.components.schemas.CloudEvent.properties.data.type").value("object"))
                .andExpect(jsonPath("$.components.schemas.HistoryEntry.properties.payload.type").value("object"))
                .andExpect(jsonPath("$.components.schemas.HistoryEntry.properties.payload.description").value(org.hamcrest.Matchers.startsWith("the event itself")))
                .andExpect(jsonPath("$.paths['/api/objectives/{streamId}/integrity'].get.responses['200'].content['*/*'].schema['$ref']")
                        .value("#/components/schemas/ChainVerification"))
                .andExpect(jsonPath("$.paths['/api/objectives/{streamId}/integrity'].get.responses['501'].content['application/problem+json']").exists());
    }

    /** springdoc names a schema by its class's simple name: two records called the same would be one schema. */
    @Test
    void publishesEveryAnswerAndBodyUnderASchemaNameOfItsOwn(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        assertThat(ApiSchemaNames.schemaNames(handlers)).containsKey("RecordedMeasure");
        assertThat(ApiSchemaNames.collisions(handlers)).isEmpty();
    }

    /** Not "string", nor text made up from a pattern by Swagger UI: values the service takes, from the 2023 plan. */
    @Test
    void givesItsOpenApiDocumentExamplesAnIntegratorCanSendAsTheyStand() throws Exception {
        String document = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/audits/{streamId}/history'].get.parameters[?(@.name == 'streamId')].example")
                        .value(org.hamcrest.Matchers.contains("SLDTBXH-HD.DGNB-2023")))
                .andExpect(jsonPath("$.paths['/api/organisations/{organisationId}/years/{year}/summary'].get.parameters[?(@.name == 'year')].example")
                        .value(org.hamcrest.Matchers.contains(2023)))
                .andExpect(jsonPath("$.paths['/api/organisations/{organisationId}/review-decisions'].get.parameters[?(@.name == 'status')].example")
                        .value(org.hamcrest.Matchers.contains("OVERDUE")))
                .andReturn().getResponse().getContentAsString();
        assertThat(ApiDocumentExamples.problems(tools.jackson.databind.json.JsonMapper.builder().build().readTree(document))).isEmpty();
    }

    @Test
    @WithAnonymousUser
    void refusesAnAnonymousReadWith401ButKeepsTheProbesOpen() throws Exception {
        mvc.perform(get("/api/organisations/SLDTBXH-HD/years/2023/summary"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }

    @Test
    @WithAnonymousUser
    void showsAnAnonymousProbeTheStatusOnly() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist())
                .andExpect(jsonPath("$.details").doesNotExist());
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    @WithUserDetails("xem")
    void showsTheHealthDetailsToAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    @WithUserDetails("xem")
    void keepsAReaderToTheirOwnOrganisation() throws Exception {
        mvc.perform(get("/api/organisations/SLDTBXH-HD/years/2023/summary")).andExpect(status().isOk());
        mvc.perform(get("/api/organisations/so-ldtbxh-bt/years/2024/summary"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
    }

    /** The exports take the JSON reads' access checks: their own organisation's lists download, another's are refused. */
    @Test
    @WithUserDetails("xem")
    void keepsAReadersExportsToTheirOwnOrganisation() throws Exception {
        ObjectiveId elsewhere = ObjectiveId.of("obj-export-elsewhere");
        new ObjectiveStreams(eventStore, transaction).append(elsewhere,
                new ObjectiveDefinedEvent(elsewhere, "so-ldtbxh-bt", 2024, "MT7", "Mục tiêu của Sở khác", null));
        mvc.perform(get("/api/objectives/obj-export-elsewhere/history")).andExpect(status().isForbidden());
        mvc.perform(get("/api/objectives/obj-export-elsewhere/history.csv")).andExpect(status().isForbidden());
        mvc.perform(get("/api/organisations/SLDTBXH-HD/years/2023/objectives.xlsx")).andExpect(status().isOk());
        mvc.perform(get("/api/occurrences.csv")).andExpect(status().isOk());
        for (String export : List.of("/api/organisations/so-ldtbxh-bt/years/2024/objectives.xlsx",
                "/api/organisations/so-ldtbxh-bt/years/2024/units.csv", "/api/occurrences.csv?organisationId=so-ldtbxh-bt",
                "/api/organisations/so-ldtbxh-bt/nonconformities.xlsx", "/api/organisations/so-ldtbxh-bt/audit-programme.csv?year=2024",
                "/api/province/years/2024/summary.xlsx")) {
            mvc.perform(get(export)).andExpect(status().isForbidden()).andExpect(jsonPath("$.status").value(403));
        }
    }

    @Test
    @WithUserDetails("baocao")
    void theFeedsMachineRoleReadsNoDashboards() throws Exception {
        mvc.perform(get("/api/organisations/SLDTBXH-HD/years/2023/summary")).andExpect(status().isForbidden());
    }
}
