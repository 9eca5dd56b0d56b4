package vn.qualityledger.query.progress;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements of one processor batch, held until the batch commits and then sent in the order the handlers issued
 * them: consecutive statements with the same SQL go as one JDBC batch (one round trip), so an UPDATE still runs after
 * the INSERT it depends on. Every handler is an idempotent upsert or update, so sending them together gives the same
 * rows as sending them one by one.
 */
final class BatchedWrites {

    private record Statement(String sql, Object[] arguments) {
    }

    private final JdbcTemplate jdbc;
    private final List<Statement> statements = new ArrayList<>();

    BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String sql, Object[] arguments) {
        statements.add(new Statement(sql, arguments));
    }

    /** How many statements are held: the mark an event's handler starts from. */
    int size() {
        return statements.size();
    }

    /** Forgets the statements from {@code mark} on: those of an event whose handler failed before any was sent. */
    void discardFrom(int mark) {
        statements.subList(mark, statements.size()).clear();
    }

    void flush() {
        int start = 0;
        while (start < statements.size()) {
            String sql = statements.get(start).sql();
            int end = start + 1;
            while (end < statements.size() && statements.get(end).sql().equals(sql)) {
                end++;
            }
            if (end - start == 1) {
                jdbc.update(sql, statements.get(start).arguments());
            } else {
                jdbc.batchUpdate(sql, statements.subList(start, end).stream().map(Statement::arguments).toList());
            }
            start = end;
        }
        statements.clear();
    }
}
