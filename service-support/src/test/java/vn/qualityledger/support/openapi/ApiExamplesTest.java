package vn.qualityledger.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import io.swagger.v3.core.util.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiExamplesTest {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";

    private static OpenAPI document(Schema<?> body, Parameter... parameters) {
        Operation operation = new Operation().parameters(List.of(parameters));
        return new OpenAPI().components(new Components().addSchemas("PlanMeasure", body))
                .paths(new Paths().addPathItem("/api/objectives/{objectiveId}/measures", new PathItem().post(operation)));
    }

    @Test
    void givesIdsCodesAndDatesTheValuesOfARealPlan() {
        Schema<?> body = new ObjectSchema()
                .addProperty("measureId", new StringSchema().pattern(ID))
                .addProperty("year", new IntegerSchema())
                .addProperty("dueDate", new DateSchema())
                .addProperty("leadUnits", new ArraySchema().items(new StringSchema()));
        Parameter objective = new Parameter().in("path").name("objectiveId").schema(new StringSchema());
        OpenAPI api = document(body, objective);
        new ApiExamples().customise(api);

        assertThat(body.getProperties().get("measureId").getExample()).isEqualTo("I.6");
        assertThat(body.getProperties().get("year").getExample()).isEqualTo(2023);
        assertThat(body.getProperties().get("leadUnits").getItems().getExample()).as("one item of the list").isEqualTo("VP");
        assertThat(objective.getExample()).isEqualTo("SLDTBXH-HD.MTCL-2023-01");
        assertThat(served(api).at("/components/schemas/PlanMeasure/properties/dueDate/example").asString())
                .as("a date, written as one").isEqualTo("2023-07-31");
    }

    @Test
    void keepsAnExampleOfItsOwnAndNeverWritesOneItsSchemaRefuses() {
        Schema<?> body = new ObjectSchema()
                .addProperty("measureId", new StringSchema().pattern(ID).example("I.1.b"))
                // "I.6" is no lower-case digest: better no example (which the document test finds) than a wrong one
                .addProperty("parentMeasureId", new StringSchema().pattern("[0-9a-f]{64}"))
                .addProperty("unit", new StringSchema()._enum(List.of("VP_SO", "P_KHTC")))
                .addProperty("year", new StringSchema());
        new ApiExamples().customise(document(body));

        assertThat(body.getProperties().get("measureId").getExample()).isEqualTo("I.1.b");
        assertThat(body.getProperties().get("parentMeasureId").getExample()).isNull();
        assertThat(body.getProperties().get("unit").getExample()).isNull();
        assertThat(body.getProperties().get("year").getExample()).as("2023 is a number, the field text").isNull();
    }

    @Test
    void givesPathParametersTheExampleOfTheirPlaceEvenWhenTheyShareOneSchema() {
        Schema<?> text = new StringSchema();
        Parameter audit = new Parameter().in("path").name("streamId").schema(text);
        Parameter nonconformity = new Parameter().in("path").name("streamId").schema(text);
        Parameter projection = new Parameter().in("path").name("projection").schema(text);
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/audits/{streamId}/history", new PathItem().get(new Operation().addParametersItem(audit)))
                .addPathItem("/api/nonconformities/{streamId}/history", new PathItem().get(new Operation().addParametersItem(nonconformity)))
                .addPathItem("/api/admin/projections/{projection}", new PathItem().get(new Operation().addParametersItem(projection))));
        new ApiExamples().customise(api);

        assertThat(audit.getExample()).isEqualTo("SLDTBXH-HD.DGNB-2023");
        assertThat(nonconformity.getExample()).isEqualTo("NC-2023-017");
        assertThat(projection.getExample()).isEqualTo("objective-progress");
        assertThat(text.getExample()).as("springdoc's one schema of every String path variable").isNull();
    }

    @Test
    void keepsAParameterNamesExampleToParameters() {
        Parameter format = new Parameter().in("path").name("format").schema(new StringSchema());
        Parameter status = new Parameter().in("query").name("status").schema(new StringSchema());
        Schema<?> export = new ObjectSchema().addProperty("format", new StringSchema()).addProperty("status", new StringSchema());
        OpenAPI api = new OpenAPI().components(new Components().addSchemas("StreamExport", export)).paths(new Paths()
                .addPathItem("/api/occurrences.{format}", new PathItem().get(new Operation().addParametersItem(format).addParametersItem(status))));
        new ApiExamples().customise(api);

        assertThat(format.getExample()).isEqualTo("xlsx");
        assertThat(status.getExample()).isEqualTo("OVERDUE");
        assertThat(export.getProperties().get("format").getExample()).as("an export's format is no file extension").isNull();
        assertThat(export.getProperties().get("status").getExample()).isNull();
    }

    @Test
    void findsAPatternWithoutExampleAndAnExampleItsPatternRefuses() {
        Schema<?> body = new ObjectSchema()
                .addProperty("docxSha256", new StringSchema().pattern("[0-9a-f]{64}"))
                .addProperty("xlsxSha256", new StringSchema().pattern("[0-9a-f]{64}").example("string"))
                .addProperty("sha256", new StringSchema().pattern("[0-9a-f]{64}").example(
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        OpenAPI api = document(body, new Parameter().in("path").name("objectiveId").schema(new StringSchema()));

        assertThat(ApiDocumentExamples.problems(served(api))).containsExactlyInAnyOrder(
                "#/components/schemas/PlanMeasure.docxSha256: pattern [0-9a-f]{64} but no example",
                "#/components/schemas/PlanMeasure.xlsxSha256: example \"string\" does not match [0-9a-f]{64}",
                "POST /api/objectives/{objectiveId}/measures parameter objectiveId: a path parameter without an example");
    }

    /** The document as springdoc serves it (swagger-core's own mapper). */
    private static JsonNode served(OpenAPI api) {
        return JsonMapper.builder().build().readTree(Json.pretty(api));
    }
}
