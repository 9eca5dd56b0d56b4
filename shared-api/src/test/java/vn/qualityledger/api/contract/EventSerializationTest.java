package vn.qualityledger.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.qualityledger.api.objective.EvidenceSubmittedEvent;

/**
 * Every committed schema accepts what the services really write for its event: the JSON Axon's Jackson 3 serializer
 * stores in the event store (nulls written), and the JSON of the services' Spring {@code JsonMapper}
 * ({@code spring.jackson.default-property-inclusion: non_null}), for a sample with every property set and one with every
 * nullable property null.
 */
class EventSerializationTest {

    /** As the services build it (axon.serializer.events: jackson3); the type validator of service-support only concerns default typing. */
    private static final JsonMapper EVENT_STORE = Jackson3Serializer.builder().build().getObjectMapper() instanceof JsonMapper mapper
            ? mapper : null;
    /** As Spring Boot builds it for the services' web layer with spring.jackson.default-property-inclusion: non_null. */
    private static final JsonMapper WEB = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    @Test
    void everyCommittedSchemaAcceptsWhatTheSerializersWrite() {
        assertThat(EVENT_STORE).isNotNull();
        List<String> problems = new ArrayList<>();
        for (Class<?> event : EventContract.EVENTS) {
            Schema schema = committedSchema(event);
            for (Map.Entry<String, Function<Class<?>, Object>> sample : Map.<String, Function<Class<?>, Object>>of(
                    "full", SampleEvents::full, "sparse", SampleEvents::sparse).entrySet()) {
                Object value = sample.getValue().apply(event);
                for (Map.Entry<String, JsonMapper> serializer : Map.of("event store", EVENT_STORE, "web", WEB).entrySet()) {
                    JsonNode json = serializer.getValue().valueToTree(value);
                    List<Error> errors = schema.validate(json);
                    if (!errors.isEmpty()) {
                        problems.add(event.getSimpleName() + " (" + sample.getKey() + " sample, " + serializer.getKey()
                                + " serializer) " + json + ": " + errors);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theSerializersWriteIdsAsStringsAndDatesAsIsoText() {
        JsonNode json = EVENT_STORE.valueToTree(SampleEvents.full(EvidenceSubmittedEvent.class));
        assertThat(json.get("objectiveId").isString()).isTrue();
        assertThat(json.get("submittedOn").asString()).isEqualTo("2023-05-14");
        assertThat(WEB.valueToTree(SampleEvents.sparse(EvidenceSubmittedEvent.class)).has("objectiveId")).isFalse();
        assertThat(EVENT_STORE.valueToTree(SampleEvents.sparse(EvidenceSubmittedEvent.class)).get("objectiveId").isNull()).isTrue();
    }

    @Test
    void aSchemaRejectsWhatItsRecordDoesNotDeclare() {
        Schema schema = committedSchema(EvidenceSubmittedEvent.class);
        ObjectNode json = EVENT_STORE.valueToTree(SampleEvents.full(EvidenceSubmittedEvent.class));
        assertThat(schema.validate(json)).isEmpty();

        assertThat(schema.validate(json.deepCopy().put("unexpected", 1))).as("an undeclared property").isNotEmpty();
        assertThat(schema.validate(json.deepCopy().put("submittedOn", "14/05/2023"))).as("a date not in ISO form").isNotEmpty();
        assertThat(schema.validate(json.deepCopy().put("objectiveId", "has spaces"))).as("an id outside Ids.PATTERN").isNotEmpty();
        ObjectNode document = json.deepCopy();
        ((ObjectNode) document.get("document")).remove("number");
        assertThat(schema.validate(document)).as("a document without its required number").isNotEmpty();
    }

    private static Schema committedSchema(Class<?> event) {
        return SCHEMAS.getSchema(ContractFiles.read(ContractFiles.schemaFile(event, EventContract.revision(event))), InputFormat.JSON);
    }
}
