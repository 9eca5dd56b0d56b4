package vn.qualityledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import vn.qualityledger.support.TestDatabase;
import vn.qualityledger.support.openapi.ApiDocumentExamples;
import vn.qualityledger.support.openapi.ApiSchemaNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/** command-service's OpenAPI document describes the API an integrator calls: who may sign in how, and what refusals look like. */
@SpringBootTest(properties = "spring.config.name=command-service")
@AutoConfigureMockMvc
@WithUserDetails("thuky")
class ApiDocumentIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.recreate("ql_test_api_document");
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void describesItsCommandsWithTheirSecurityAndProblems() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Quality Ledger command-service"))
                .andExpect(jsonPath("$.info.description").value(Matchers.containsString("commands")))
                .andExpect(jsonPath("$.components.securitySchemes.basic.type").value("http"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(jsonPath("$.security.length()").value(2))
                .andExpect(jsonPath("$.paths['/api/plans'].post.responses['400'].content['application/problem+json'].schema['$ref']")
                        .value("#/components/schemas/Problem"))
                .andExpect(jsonPath("$.paths['/api/plans'].post.responses['409']").exists())
                .andExpect(jsonPath("$.paths.*.*[?(!@.summary)]").isEmpty())
                // The controller's Javadoc, stored by therapi's scribe at compile time:
                .andExpect(jsonPath("$.paths['/api/plans/template.xlsx'].get.summary")
                        .value("The workbook to fill in, with an example row and the schedule phrases read; the same bytes every time."));
    }

    /** Not "string", nor text made up from a pattern by Swagger UI: values the service takes, from the 2023 plan. */
    @Test
    void givesExamplesAnIntegratorCanSendAsTheyStand() throws Exception {
        String document = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.schemas.DefineObjective.properties.objectiveId.example").value("SLDTBXH-HD.MTCL-2023-01"))
                .andExpect(jsonPath("$.components.schemas.DefineObjective.properties.organisationId.example").value("SLDTBXH-HD"))
                .andExpect(jsonPath("$.components.schemas.SubmitEvidence.properties.occurrenceId.example").value("I.6@2023-05-14"))
                .andExpect(jsonPath("$.components.schemas.MeasureEntry.properties.code.example").value("I.6"))
                .andExpect(jsonPath("$.components.schemas.AddAdHocOccurrence.properties.dueDate.example").value("2023-07-31"))
                .andExpect(jsonPath("$.paths['/api/objectives/{objectiveId}/evidence'].post.parameters[0].example").value("SLDTBXH-HD.MTCL-2023-01"))
                .andReturn().getResponse().getContentAsString();
        assertThat(ApiDocumentExamples.problems(JsonMapper.builder().build().readTree(document))).isEmpty();
    }

    /** springdoc names a schema by its class's simple name: two records called the same would be one schema. */
    @Test
    void publishesEveryAnswerAndBodyUnderASchemaNameOfItsOwn(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        assertThat(ApiSchemaNames.schemaNames(handlers)).containsKey("DefineObjective");
        assertThat(ApiSchemaNames.collisions(handlers)).isEmpty();
    }
}
