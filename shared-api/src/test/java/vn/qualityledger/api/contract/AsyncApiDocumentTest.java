package vn.qualityledger.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The AsyncAPI 3.0 document of the feed ({@code src/main/resources/asyncapi.yaml}) is the hand-written base
 * ({@code src/test/resources/asyncapi/asyncapi-base.yaml}) plus one message per published event type and revision
 * (an event comes at the revision it was stored at), generated from {@link EventContract}. Run with
 * {@code -Dcontract.write=true} to regenerate it.
 */
class AsyncApiDocumentTest {

    static final Path DOCUMENT = ContractFiles.RESOURCES.resolve("asyncapi.yaml");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            // quote strings that look like numbers: unquoted, specversion "1.0" would read back as the number 1.0
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS, YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER, YAMLWriteFeature.SPLIT_LINES)
            .build();
    private static final String HEADER = """
            # Generated: the hand-written base is shared-api/src/test/resources/asyncapi/asyncapi-base.yaml, the messages come
            # from EventContract. Edit the base, then: %s
            """.formatted(ContractFiles.REGENERATE);
    private static final List<String> CHANNELS = List.of("feed", "stream", "exchange");

    @BeforeAll
    static void writeWhenAsked() {
        if (ContractFiles.WRITE) {
            ContractFiles.write(DOCUMENT, HEADER + YAML.writeValueAsString(generate()));
        }
    }

    @Test
    void theCommittedDocumentIsTheBasePlusAMessagePerPublishedEventType() {
        String generated = HEADER + YAML.writeValueAsString(generate());
        assertThat(Files.exists(DOCUMENT)).as(DOCUMENT + " is missing: " + ContractFiles.REGENERATE).isTrue();
        assertThat(ContractFiles.read(DOCUMENT)).as("asyncapi.yaml is generated; regenerate with " + ContractFiles.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void theDocumentListsExactlyEveryPublishedEventTypeOnEveryChannel() {
        JsonNode document = committed();
        List<String> types = EventContract.EVENTS.stream().flatMap(e -> EventContract.publishedRevisions(e).stream()
                .map(revision -> EventContract.cloudEventType(EventContract.typeName(e), revision))).sorted().toList();
        assertThat(types).hasSizeGreaterThanOrEqualTo(EventContract.EVENTS.size());
        assertThat(document.get("components").get("messages").propertyNames()).containsExactlyElementsOf(types);
        for (String channel : CHANNELS) {
            assertThat(document.get("channels").get(channel).get("messages").propertyNames()).as(channel).containsExactlyElementsOf(types);
        }
        for (Class<?> event : EventContract.EVENTS) {
            String typeName = EventContract.typeName(event);
            String revision = EventContract.revision(event);
            assertThat(document.get("components").get("messages").get(EventContract.cloudEventType(typeName, revision)).get("summary").asString())
                    .isEqualTo(EventSchemas.generate(event).get("description").asString());
            JsonNode data = document.get("components").get("messages").get(EventContract.cloudEventType(typeName, revision))
                    .get("payload").get("allOf").get(1).get("properties");
            assertThat(data.get("data").get("$ref").asString()).isEqualTo(EventContract.schemaPath(typeName, revision));
            assertThat(data.get("dataschema").get("const").asString()).isEqualTo(EventContract.schemaUri(typeName, revision).toString());
        }
    }

    @Test
    void theDocumentIsValidAsyncApi3() {
        Schema asyncApi = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(testResource("asyncapi/asyncapi-3.0.0.schema.json"), InputFormat.JSON);
        List<Error> errors = asyncApi.validate(committed());
        assertThat(errors).isEmpty();

        ObjectNode broken = (ObjectNode) committed().deepCopy();
        ((ObjectNode) broken.get("channels").get("feed")).put("adress", "/feed");
        assertThat(asyncApi.validate(broken)).as("an unknown field of a channel").isNotEmpty();
    }

    /**
     * The CloudEvents sequence extension defines {@code sequence} (lexicographically ordered strings per source):
     * contract 1.1.0 names the stream's sequence {@code streamsequence} and keeps {@code sequence}, deprecated, for the
     * consumers of 1.0.0.
     */
    @Test
    void theStreamSequenceIsRequiredAndTheOldSequenceStaysReadableButDeprecated() {
        JsonNode envelope = committed().get("components").get("schemas").get("CloudEvent");
        assertThat(committed().get("info").get("version").asString()).as("1.2.0 added the ledger's CheckpointSigned").isEqualTo("1.2.0");
        assertThat(envelope.get("required").toString()).contains("\"streamsequence\"", "\"sequence\"");
        assertThat(envelope.get("properties").get("streamsequence").get("pattern").asString()).isEqualTo("^[0-9]+$");
        assertThat(envelope.get("properties").get("streamsequence").has("deprecated")).isFalse();
        assertThat(envelope.get("properties").get("sequence").get("deprecated").asBoolean()).isTrue();
        assertThat(envelope.get("properties").get("sequence").get("description").asString()).contains("streamsequence");
    }

    @Test
    void everyReferenceOfTheDocumentResolves() {
        JsonNode document = committed();
        List<String> unresolved = new ArrayList<>();
        collectRefs(document).forEach(ref -> {
            boolean resolves = ref.startsWith("#/")
                    ? !document.at(ref.substring(1)).isMissingNode()
                    : Files.isRegularFile(DOCUMENT.resolveSibling(ref));
            if (!resolves) {
                unresolved.add(ref);
            }
        });
        assertThat(unresolved).isEmpty();
        assertThat(collectRefs(document)).contains("schemas/objective/EvidenceSubmitted.v1.schema.json", "#/components/schemas/CloudEvent");
    }

    /** The base, with the message of every published event type and revision in components and on every channel. */
    static ObjectNode generate() {
        ObjectNode document = (ObjectNode) YAML.readTree(testResource("asyncapi/asyncapi-base.yaml"));
        ObjectNode messages = ((ObjectNode) document.get("components")).putObject("messages");
        Map<String, ObjectNode> byType = new java.util.TreeMap<>();
        for (Class<?> event : EventContract.EVENTS) {
            for (String revision : EventContract.publishedRevisions(event)) {
                byType.put(EventContract.cloudEventType(EventContract.typeName(event), revision), message(event, revision));
            }
        }
        messages.setAll(byType);
        for (String channel : CHANNELS) {
            ObjectNode channelMessages = ((ObjectNode) document.get("channels").get(channel)).putObject("messages");
            byType.keySet().forEach(type -> channelMessages.putObject(type).put("$ref", "#/components/messages/" + type));
        }
        return document;
    }

    private static ObjectNode message(Class<?> event, String revision) {
        String typeName = EventContract.typeName(event);
        String feature = typeName.split("\\.")[2];
        // An older revision's description is in its committed file; the current one's is generated (and equal to its file).
        JsonNode schema = revision.equals(EventContract.revision(event)) ? EventSchemas.generate(event)
                : JsonMapper.shared().readTree(ContractFiles.read(ContractFiles.schemaFile(event, revision)));
        ObjectNode message = JsonMapper.shared().createObjectNode();
        message.put("name", EventContract.cloudEventType(typeName, revision));
        message.put("title", event.getSimpleName().replaceFirst("Event$", "") + " (revision " + revision + ")");
        if (schema.has("description")) {
            message.put("summary", schema.get("description").asString());
        }
        message.put("contentType", "application/cloudevents+json");
        message.putArray("tags").addObject().put("name", feature);
        ObjectNode payload = message.putObject("payload");
        payload.putArray("allOf").addObject().put("$ref", "#/components/schemas/CloudEvent");
        ObjectNode properties = ((tools.jackson.databind.node.ArrayNode) payload.get("allOf")).addObject()
                .put("type", "object").putObject("properties");
        properties.putObject("type").put("const", EventContract.cloudEventType(typeName, revision));
        properties.putObject("dataschema").put("const", EventContract.schemaUri(typeName, revision).toString());
        properties.putObject("data").put("$ref", EventContract.schemaPath(typeName, revision));
        return message;
    }

    private static JsonNode committed() {
        return YAML.readTree(ContractFiles.read(DOCUMENT));
    }

    private static List<String> collectRefs(JsonNode node) {
        List<String> refs = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(child -> {
                if (child.getKey().equals("$ref") && child.getValue().isString()) {
                    refs.add(child.getValue().asString());
                } else {
                    refs.addAll(collectRefs(child.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> refs.addAll(collectRefs(child)));
        }
        return refs;
    }

    private static String testResource(String name) {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                fail("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
