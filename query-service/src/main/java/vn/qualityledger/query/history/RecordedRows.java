package vn.qualityledger.query.history;

import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.query.progress.ReadModelSchema;

/**
 * The read-model rows of one stream, as JSON: what a past state shows as recorded by its instant. Column names are
 * turned into camelCase ({@code assigned_unit} becomes {@code assignedUnit}), the names every other read uses.
 */
@Component
class RecordedRows {

    private final NamedParameterJdbcTemplate reads;
    private final JsonMapper json;

    RecordedRows(NamedParameterJdbcTemplate reads, JsonMapper json) {
        this.reads = reads;
        this.json = json;
    }

    /**
     * Rows of read-model table {@code table} (the live one, or a past view's copy: see ReadModelSchema) whose
     * {@code key} column is {@code id}, in {@code order}; names come from code only.
     */
    JsonNode of(String table, String key, String order, String id) {
        String rows = reads.queryForObject("SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY " + order + "), '[]')::text FROM "
                + ReadModelSchema.quoted(table) + " t WHERE t." + key + " = :id", Map.of("id", id), String.class);
        JsonNode read = json.readTree(rows);
        ArrayNode camel = json.createArrayNode();
        for (JsonNode row : read) {
            ObjectNode renamed = camel.addObject();
            for (Map.Entry<String, JsonNode> column : row.properties()) {
                renamed.set(camelCase(column.getKey()), column.getValue());
            }
        }
        return camel;
    }

    static String camelCase(String column) {
        StringBuilder name = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
