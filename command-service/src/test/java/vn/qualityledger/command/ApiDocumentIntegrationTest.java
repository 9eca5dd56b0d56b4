package vn.qualityledger.command;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import vn.qualityledger.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

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
}
