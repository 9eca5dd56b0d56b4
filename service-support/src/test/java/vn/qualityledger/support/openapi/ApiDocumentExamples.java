package vn.qualityledger.support.openapi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What is wrong with the examples of a generated OpenAPI document (as {@code /v3/api-docs} serves it): a string schema
 * with a {@code pattern} but no example (Swagger UI then makes one up from the regex), an example its own schema
 * refuses (pattern, enum, format date or date-time, type), and a path parameter without an example. The services'
 * API-document tests expect none.
 */
public final class ApiDocumentExamples {

    private ApiDocumentExamples() {
    }

    /** One line per problem, naming where it is; empty when every example is a value the schema accepts. */
    public static List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            schema(problems, "#/components/schemas/" + schema.getKey(), schema.getValue(), null);
        }
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    String name = where + " parameter " + parameter.path("name").asString();
                    JsonNode example = parameter.has("example") ? parameter.get("example") : null;
                    if ("path".equals(parameter.path("in").asString()) && example == null && !parameter.path("schema").has("example")) {
                        problems.add(name + ": a path parameter without an example");
                    }
                    schema(problems, name, parameter.path("schema"), example);
                }
                for (Map.Entry<String, JsonNode> media : operation.getValue().path("requestBody").path("content").properties()) {
                    schema(problems, where + " body " + media.getKey(), media.getValue().path("schema"), null);
                }
            }
        }
        return problems;
    }

    /** Checks {@code schema} and what it contains; {@code outerExample} is a parameter's own example, if any. */
    private static void schema(List<String> problems, String where, JsonNode schema, JsonNode outerExample) {
        if (!schema.isObject()) {
            return;
        }
        JsonNode example = outerExample != null ? outerExample : schema.get("example");
        String pattern = schema.path("pattern").asString(null);
        if (pattern != null && example == null) {
            problems.add(where + ": pattern " + pattern + " but no example");
        }
        if (example != null && !example.isNull()) {
            String refusal = refusal(schema, example);
            if (refusal != null) {
                problems.add(where + ": example " + example + " " + refusal);
            }
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            schema(problems, where + "." + property.getKey(), property.getValue(), null);
        }
        schema(problems, where + "[]", schema.path("items"), null);
        schema(problems, where + "{}", schema.path("additionalProperties"), null);
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            int i = 0;
            for (JsonNode part : schema.path(combined)) {
                schema(problems, where + "." + combined + "[" + i++ + "]", part, null);
            }
        }
    }

    /** Why {@code schema} does not accept {@code example}, or null when it does. */
    static String refusal(JsonNode schema, JsonNode example) {
        String type = schema.path("type").asString(null);
        if (type == null && schema.path("types").isArray() && !schema.path("types").isEmpty()) {
            type = schema.path("types").get(0).asString();
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode value : schema.get("enum")) {
                listed |= value.equals(example);
            }
            if (!listed) {
                return "is none of " + schema.get("enum");
            }
        }
        if ("array".equals(type)) {
            return example.isArray() ? null : "is no array";
        }
        if ("integer".equals(type)) {
            return example.isIntegralNumber() ? null : "is no integer";
        }
        if ("number".equals(type)) {
            return example.isNumber() ? null : "is no number";
        }
        if ("boolean".equals(type)) {
            return example.isBoolean() ? null : "is no boolean";
        }
        if (!"string".equals(type)) {
            return null;
        }
        if (!example.isString()) {
            return "is no string";
        }
        String text = example.asString();
        String pattern = schema.path("pattern").asString(null);
        // Bean Validation's @Pattern, which springdoc copies here, matches the whole value.
        if (pattern != null && !Pattern.compile(pattern).matcher(text).matches()) {
            return "does not match " + pattern;
        }
        String format = schema.path("format").asString("");
        try {
            if (format.equals("date")) {
                LocalDate.parse(text);
            } else if (format.equals("date-time")) {
                OffsetDateTime.parse(text);
            }
        } catch (RuntimeException e) {
            return "is no " + format;
        }
        return null;
    }
}
