package vn.qualityledger.api.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.qualityledger.api.common.Ids;

/**
 * Generates the JSON Schema (draft 2020-12) of an event type from its record, with victools' generator, configured to
 * say what the services' Jackson 3 writes: typed ids as their raw string ({@code @JsonValue}), {@code LocalDate} as
 * {@code yyyy-MM-dd} and {@code Instant} as ISO-8601 strings, {@code BigDecimal} as a number, enums by name. A property
 * is required only when its Bean Validation constraints say it cannot be null; any other property may be absent (the
 * services' {@code non_null} inclusion) or null (Axon's serializer writes nulls into the event store).
 */
final class EventSchemas {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static final SchemaGenerator GENERATOR = new SchemaGenerator(config());

    private EventSchemas() {
    }

    /** The schema of an event type at its current revision, as it is committed under {@link EventContract#schemaPath}. */
    static ObjectNode generate(Class<?> eventType) {
        String typeName = EventContract.typeName(eventType);
        String revision = EventContract.revision(eventType);
        ObjectNode generated = GENERATOR.generateSchema(eventType);
        ObjectNode schema = JSON.createObjectNode();
        schema.set("$schema", generated.remove("$schema"));
        schema.put("$id", EventContract.schemaUri(typeName, revision).toString());
        schema.put("title", EventContract.cloudEventType(typeName, revision));
        Javadoc.of(eventType).map(Javadoc::summary).filter(s -> !s.isEmpty())
                .ifPresent(summary -> schema.put("description", summary));
        generated.remove("description");
        schema.setAll(generated);
        return schema;
    }

    /** The text a schema is committed as: indented, one trailing newline. */
    static String text(ObjectNode schema) {
        return JSON.writeValueAsString(schema) + "\n";
    }

    private static com.github.victools.jsonschema.generator.SchemaGeneratorConfig config() {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonSchemaModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE, JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                // java.time as strings with their standard formats ("date", "date-time"), as Jackson 3 writes them.
                .with(Option.STANDARD_FORMATS)
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT)
                // Jackson also writes what a getter derives (Target.isPercentage() as "percentage"): so must the schema.
                .with(Option.NONSTATIC_NONVOID_NONGETTER_METHODS, Option.FIELDS_DERIVED_FROM_ARGUMENTFREE_METHODS)
                // What a record does not declare is not in the contract: a serializer that writes more fails the tests.
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT);
        // Of the methods, only those Jackson treats as properties: bean getters (getX, isX) that no record component backs.
        builder.forMethods().withIgnoreCheck(method -> method.isStatic() || method.getArgumentCount() > 0 || method.findGetterField() != null
                || !method.getName().matches("(get|is)[A-Z].*") || method.getDeclaringType().getErasedType().isEnum()
                || (method.getName().startsWith("is") && method.getType().getErasedType() != boolean.class)
                || method.getAnnotationConsideringFieldAndGetter(com.fasterxml.jackson.annotation.JsonIgnore.class) != null);
        // A type serialized through @JsonValue (the typed ids) is what that method returns; an id obeys Ids.PATTERN.
        builder.forTypesInGeneral().withCustomDefinitionProvider((javaType, context) -> jsonValue(javaType.getErasedType())
                .map(method -> {
                    ObjectNode definition = context.createStandardDefinition(context.getTypeContext().resolve(method.getReturnType()), null);
                    if (isTypedId(javaType.getErasedType())) {
                        definition.put("pattern", "^" + Ids.PATTERN + "$");
                    }
                    return new CustomDefinition(definition, CustomDefinition.INLINE_DEFINITION, CustomDefinition.INCLUDING_ATTRIBUTES);
                })
                .orElse(null));
        // Descriptions from the Javadoc: a nested type's summary (an id's first sentence only: the rest speaks of Java),
        // a property's @param; the event's own summary is the schema's description (see generate).
        builder.forTypesInGeneral().withDescriptionResolver(scope -> {
            Class<?> type = scope.getType().getErasedType();
            if (!type.getName().startsWith("vn.qualityledger.") || EventContract.EVENTS.contains(type)) {
                return null;
            }
            return Javadoc.of(type).map(doc -> isTypedId(type) ? doc.firstSentence() : doc.summary()).filter(s -> !s.isEmpty()).orElse(null);
        });
        builder.forFields().withDescriptionResolver(field -> field.isFakeContainerItemScope() ? null
                : Javadoc.of(field.getDeclaringType().getErasedType()).map(doc -> doc.param(field.getName())).orElse(null));
        return builder.build();
    }

    private static Optional<Method> jsonValue(Class<?> type) {
        if (type.isEnum() || !type.getName().startsWith("vn.qualityledger.")) {
            return Optional.empty();
        }
        return Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(JsonValue.class)).findFirst();
    }

    private static boolean isTypedId(Class<?> type) {
        return type.isRecord() && type.getSimpleName().endsWith("Id") && type.getRecordComponents().length == 1
                && type.getRecordComponents()[0].getType() == String.class;
    }
}
