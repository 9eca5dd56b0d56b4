package vn.qualityledger.query.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** What goes into {@code SET LOCAL search_path} and table names: plain identifiers only, and only inside a transaction. */
class ReadModelSchemaTest {

    @Test
    void quotesAPlainSchemaName_andRefusesAnythingElse() {
        assertThat(ReadModelSchema.quoted("query_shadow_objective_progress")).isEqualTo("\"query_shadow_objective_progress\"");
        assertThat(ReadModelSchema.table("query", "occurrence")).isEqualTo("\"query\".\"occurrence\"");
        for (String name : new String[] {"query; DROP SCHEMA query", "Query", "query\"", "query.occurrence", "", "1query",
                "a".repeat(64)}) {
            assertThatThrownBy(() -> ReadModelSchema.quoted(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ReadModelSchema.quoted(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Outside a transaction SET LOCAL would change nothing, and the statements meant for the copy would reach the live tables. */
    @Test
    void refusesToChooseASchemaOutsideATransaction() {
        assertThatThrownBy(() -> ReadModelSchema.use(new JdbcTemplate(), "query_shadow_x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a transaction");
        assertThat(ReadModelSchema.current()).isEqualTo(ReadModelSchema.LIVE_SCHEMA);
    }
}
