package vn.qualityledger.query.contract;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import vn.qualityledger.api.contract.EventContract;
import vn.qualityledger.support.security.SecurityConfiguration;

/** The contract files as served, under the services' own security: any signed-in user, the feed's machine role included. */
@WebMvcTest(ContractController.class)
@Import(SecurityConfiguration.class)
class ContractControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    @WithMockUser(roles = "FEED_CONSUMER")
    void servesACommittedSchemaAsItIs() throws Exception {
        String committed = new ClassPathResource("schemas/objective/EvidenceSubmitted.v1.schema.json").getContentAsString(StandardCharsets.UTF_8);
        mvc.perform(get("/api/feed/schemas/objective/EvidenceSubmitted.v1.schema.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/schema+json"))
                .andExpect(header().string("Cache-Control", containsString("max-age=")))
                .andExpect(content().string(committed))
                .andExpect(jsonPath("$.$id").value("https://qualityledger.vn/schemas/objective/EvidenceSubmitted.v1.schema.json"));
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void servesTheSchemasOfEveryFeatureToAnySignedInUser() throws Exception {
        mvc.perform(get("/api/feed/schemas/nonconformity/NonconformityRaised.v1.schema.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("vn.qualityledger.nonconformity.NonconformityRaised.v1"));
        mvc.perform(get("/api/feed/schemas/audit/AuditFindingRecorded.v1.schema.json")).andExpect(status().isOk());
    }

    @Test
    @WithMockUser(roles = "FEED_CONSUMER")
    void answersNotFoundAsAProblemForWhatWasNeverPublished() throws Exception {
        for (String path : new String[] {
                "/api/feed/schemas/objective/EvidenceSubmitted.v3.schema.json", // a revision not (yet) published
                "/api/feed/schemas/objective/EvidenceSubmittedEvent.v1.schema.json", // a class name, not a type name
                "/api/feed/schemas/audit/EvidenceSubmitted.v1.schema.json", // the wrong feature
                "/api/feed/schemas/objective/EvidenceSubmitted.v1.json",
                "/api/feed/schemas/objective/query-service.yml"}) {
            mvc.perform(get(path))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.status").value(404))
                    .andExpect(jsonPath("$.detail").value(containsString("GET /api/feed/schemas")));
        }
        // Climbing out of the schema folder does not even reach the controller (Spring Security's firewall).
        mvc.perform(get("/api/feed/schemas/objective/..%2F..%2Fquery-service.yml")).andExpect(status().isBadRequest());
    }

    @Test
    @WithMockUser(roles = "FEED_CONSUMER")
    void indexesEveryEventTypeWithItsRevisionsCloudEventsTypeAndSchema() throws Exception {
        mvc.perform(get("/api/feed/schemas"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.schemaIdBase").value("https://qualityledger.vn/"))
                .andExpect(jsonPath("$.asyncApi").value("http://localhost/api/feed/asyncapi.yaml"))
                .andExpect(jsonPath("$.eventTypes", hasSize(EventContract.EVENTS.size())))
                .andExpect(jsonPath("$.eventTypes[?(@.name == 'vn.qualityledger.objective.EvidenceSubmitted')].feature").value("objective"))
                .andExpect(jsonPath("$.eventTypes[?(@.name == 'vn.qualityledger.objective.EvidenceSubmitted')].currentRevision").value("2"))
                .andExpect(jsonPath("$.eventTypes[?(@.name == 'vn.qualityledger.objective.EvidenceSubmitted')].revisions[0].cloudEventType")
                        .value("vn.qualityledger.objective.EvidenceSubmitted.v1"))
                .andExpect(jsonPath("$.eventTypes[?(@.name == 'vn.qualityledger.objective.EvidenceSubmitted')].revisions[0].schemaId")
                        .value("https://qualityledger.vn/schemas/objective/EvidenceSubmitted.v1.schema.json"))
                .andExpect(jsonPath("$.eventTypes[?(@.name == 'vn.qualityledger.objective.EvidenceSubmitted')].revisions[0].schemaUrl")
                        .value("http://localhost/api/feed/schemas/objective/EvidenceSubmitted.v1.schema.json"))
                .andExpect(jsonPath("$.eventTypes[0].name").value("vn.qualityledger.audit.AuditFindingRecorded"));
    }

    @Test
    @WithMockUser(roles = "FEED_CONSUMER")
    void servesTheAsyncApiDocument() throws Exception {
        mvc.perform(get("/api/feed/asyncapi.yaml"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/yaml"))
                .andExpect(content().string(containsString("asyncapi: 3.0.0")))
                .andExpect(content().string(containsString("$ref: schemas/objective/EvidenceSubmitted.v1.schema.json")));
    }

    @Test
    void asksWhoIsThereWhenNobodySignedIn() throws Exception {
        mvc.perform(get("/api/feed/schemas")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/feed/schemas/objective/EvidenceSubmitted.v1.schema.json")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/feed/asyncapi.yaml")).andExpect(status().isUnauthorized());
    }
}
