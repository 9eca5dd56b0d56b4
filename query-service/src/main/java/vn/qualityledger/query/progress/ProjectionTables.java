package vn.qualityledger.query.progress;

import java.util.List;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a rebuild, a consistency check or a past view needs to know of a projection: its processing group, the tables it
 * owns in the live schema, and how to make it write into a copy of them in another schema.
 */
public record ProjectionTables(String processingGroup, List<String> tables, BiFunction<JdbcTemplate, String, ? extends JdbcProjection> writingTo) {

    /** The projection's own code writing into {@code schema}. */
    public ProjectionReplay replayInto(JdbcTemplate jdbc, String schema) {
        return new ProjectionReplay(writingTo.apply(jdbc, schema));
    }
}
