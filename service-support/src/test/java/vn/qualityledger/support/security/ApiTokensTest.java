package vn.qualityledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * What the store compares when a token is presented: only the SHA-256 of the whole token, so a wrong token that shares
 * a long prefix with a real one is looked up exactly like one that shares nothing (no early exit on the secret).
 */
class ApiTokensTest {

    /** Records each lookup instead of running it; nothing is found. */
    private static final class RecordingJdbc extends JdbcTemplate {
        final List<String> sql = new ArrayList<>();
        final List<Object[]> arguments = new ArrayList<>();

        @Override
        public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
            this.sql.add(sql);
            this.arguments.add(args);
            return List.of();
        }
    }

    @Test
    void looksATokenUpByTheDigestOfTheWholeTokenOnly() {
        RecordingJdbc jdbc = new RecordingJdbc();
        ApiTokens tokens = new ApiTokens(() -> jdbc, Clock.systemUTC());
        String real = "qlt_" + "A".repeat(43);
        String sharesAllButTheLast = "qlt_" + "A".repeat(42) + "B";
        String sharesNothing = "qlt_" + "Z".repeat(43);

        for (String presented : List.of(sharesAllButTheLast, sharesNothing)) {
            assertThat(tokens.verify(presented)).isEmpty();
        }
        assertThat(jdbc.sql).allSatisfy(sql -> assertThat(sql).endsWith("WHERE token_hash = ?"));
        assertThat(jdbc.arguments.get(0)).containsExactly((Object) ApiTokens.digest(sharesAllButTheLast));
        assertThat(jdbc.arguments.get(1)).containsExactly((Object) ApiTokens.digest(sharesNothing));
        assertThat((byte[]) jdbc.arguments.get(0)[0]).hasSize(32).isNotEqualTo(ApiTokens.digest(real));
    }
}
