package vn.qualityledger.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

class ApiDescriptionTest {

    private static OpenAPI describe(String issuer, Paths paths) {
        OpenAPI api = new OpenAPI().paths(paths);
        new ApiDescription("query-service", "Reads.", issuer).customise(api);
        return api;
    }

    @Test
    void namesTheServiceAndTheWaysToSignIn() {
        OpenAPI api = describe("", new Paths());
        assertThat(api.getInfo().getTitle()).isEqualTo("Quality Ledger query-service");
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys("basic", "bearer");
        assertThat(api.getSecurity()).hasSize(2);

        OpenAPI withIssuer = describe("https://sso.sldtbxh.gov.vn/realms/qms/", new Paths());
        SecurityScheme oidc = withIssuer.getComponents().getSecuritySchemes().get("oidc");
        assertThat(oidc.getType()).isEqualTo(SecurityScheme.Type.OPENIDCONNECT);
        assertThat(oidc.getOpenIdConnectUrl()).isEqualTo("https://sso.sldtbxh.gov.vn/realms/qms/.well-known/openid-configuration");
        assertThat(withIssuer.getSecurity()).hasSize(3);
    }

    @Test
    void givesEveryOperationTheProblemsItCanAnswerWithoutReplacingItsOwn() {
        Operation read = new Operation().operationId("dashboard").addParametersItem(new Parameter().name("asOf"));
        Operation command = new Operation().operationId("submitEvidence_1")
                .responses(new ApiResponses().addApiResponse("409", new ApiResponse().description("Already decided")));
        Paths paths = new Paths()
                .addPathItem("/api/objectives/{objectiveId}/dashboard", new PathItem().get(read))
                .addPathItem("/api/objectives/{objectiveId}/evidence", new PathItem().post(command));
        describe("", paths);

        assertThat(read.getResponses()).containsOnlyKeys("400", "401", "403", "404");
        assertThat(read.getResponses().get("404").getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(command.getResponses()).containsOnlyKeys("409", "401", "403", "404");
        assertThat(command.getResponses().get("409").getDescription()).as("the controller's own answer stays").isEqualTo("Already decided");
        assertThat(read.getSummary()).isEqualTo("Dashboard");
        assertThat(command.getSummary()).isEqualTo("Submit evidence");
    }

    @Test
    void summarisesAnOperationByTheFirstSentenceOfItsJavadoc() {
        Operation documented = new Operation().operationId("history")
                .description("The stream's events in order, {@code size} a page. Each with its summary in two languages.");
        assertThat(ApiDescription.summaryOf(documented)).isEqualTo("The stream's events in order, size a page.");
        assertThat(ApiDescription.summaryOf(new Operation().operationId("previewWorkbook"))).isEqualTo("Preview workbook");
        assertThat(ApiDescription.summaryOf(new Operation())).isNull();
    }
}
