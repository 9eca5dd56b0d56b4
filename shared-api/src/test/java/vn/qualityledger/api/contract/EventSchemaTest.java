package vn.qualityledger.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed schemas are the published contract: each event type's current revision has the schema its record
 * generates now, and no revision ever published loses its file. Run with {@code -Dcontract.write=true} to write the
 * schema of a new revision (or refreshed descriptions); a structural change to a committed file is refused even then.
 */
class EventSchemaTest {

    private static final Pattern SCHEMA_FILE = Pattern.compile("schemas/([a-z]+)/([A-Za-z]+)\\.v([1-9][0-9]*)\\.schema\\.json");

    @Test
    void theCurrentRevisionOfEveryEventHasTheCommittedSchema() {
        List<String> problems = new ArrayList<>();
        for (Class<?> event : EventContract.EVENTS) {
            String typeName = EventContract.typeName(event);
            String revision = EventContract.revision(event);
            Path file = ContractFiles.schemaFile(event, revision);
            ObjectNode generated = EventSchemas.generate(event);
            String text = EventSchemas.text(generated);
            if (!Files.exists(file)) {
                if (ContractFiles.WRITE) {
                    ContractFiles.write(file, text);
                } else {
                    problems.add(typeName + " revision " + revision + " has no committed schema " + file
                            + ": generate it with " + ContractFiles.REGENERATE + " and commit it");
                }
                continue;
            }
            String committedText = ContractFiles.read(file);
            if (committedText.equals(text)) {
                continue;
            }
            JsonNode committed = EventSchemas.JSON.readTree(committedText);
            if (withoutAnnotations(committed).equals(withoutAnnotations(generated))) {
                // Only titles or descriptions differ: they do not change what validates, so they may be refreshed.
                if (ContractFiles.WRITE) {
                    ContractFiles.write(file, text);
                } else {
                    problems.add(typeName + " revision " + revision + ": only descriptions changed; refresh " + file
                            + " with " + ContractFiles.REGENERATE);
                }
                continue;
            }
            problems.add(typeName + " revision " + revision + " is published and its schema " + file + " no longer matches "
                    + event.getSimpleName() + ". Never change a published revision: undo the change to the record, or"
                    + " publish revision " + (Integer.parseInt(revision) + 1) + ": raise @Revision, add an upcaster from revision "
                    + revision + " in service-support (vn.qualityledger.support.upcasting), then " + ContractFiles.REGENERATE
                    + " and commit the new schema file beside the old one. Generated now:\n" + text);
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n\n", problems));
        }
    }

    @Test
    void everyRevisionEverPublishedKeepsItsSchemaFile() {
        for (Class<?> event : EventContract.EVENTS) {
            for (String revision : EventContract.publishedRevisions(event)) {
                assertThat(ContractFiles.schemaFile(event, revision))
                        .as("the schema of %s revision %s was published and must stay (consumers may still hold such events)",
                                EventContract.typeName(event), revision)
                        .exists();
            }
        }
    }

    @Test
    void everySchemaFileBelongsToAPublishedEventRevision() {
        List<String> files = ContractFiles.committedSchemas();
        assertThat(files).hasSizeGreaterThanOrEqualTo(EventContract.EVENTS.size());
        for (String file : files) {
            Matcher name = SCHEMA_FILE.matcher(file);
            assertThat(name.matches()).as("schema file name " + file).isTrue();
            String typeName = "vn.qualityledger." + name.group(1) + "." + name.group(2);
            Class<?> event = EventContract.byTypeName(typeName).orElse(null);
            assertThat(event).as(file + " names no event type of EventContract.EVENTS: a published type was renamed or moved,"
                    + " which consumers would see as a new type. Keep the class's package and name.").isNotNull();
            assertThat(Integer.parseInt(name.group(3))).as(file + ": revision above the current one of " + typeName)
                    .isLessThanOrEqualTo(Integer.parseInt(EventContract.revision(event)));
            JsonNode schema = EventSchemas.JSON.readTree(ContractFiles.read(ContractFiles.RESOURCES.resolve(file)));
            assertThat(schema.path("$id").asString()).isEqualTo(EventContract.schemaUri(typeName, name.group(3)).toString());
            assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        }
    }

    /** A schema without its titles and descriptions (the annotation keywords, never a property named so). */
    private static JsonNode withoutAnnotations(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String keyword : List.of("title", "description")) {
                if (object.path(keyword).isString()) {
                    object.remove(keyword);
                }
            }
            for (Map.Entry<String, JsonNode> child : object.properties()) {
                strip(child.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(EventSchemaTest::strip);
        }
    }
}
