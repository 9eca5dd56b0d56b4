package vn.qualityledger.query.progress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements of one processor batch, held until the batch commits and then sent with few round trips: each
 * table's statements in the order the handlers issued them, consecutive identical SQL as one JDBC batch. Every handler
 * is an idempotent upsert or update, so sending them together gives the same rows as sending them one by one.
 *
 * <p>Statements on different tables may run in another order than issued: a statement that names one table reads and
 * writes only that table, and the read-model tables have no foreign keys between them. So an UPDATE still
 * runs after the INSERT of its table it depends on, while the evidence and occurrence updates of an acceptance, which
 * alternate event by event, become two batches instead of two round trips per event. (The objective-progress tables'
 * triggers write each row's versions into a table of the table's own: they too see each row's statements in the order
 * issued.) A statement that names more than
 * one table (an {@code INSERT … SELECT} from another table) is a barrier: everything issued before it is sent first.
 */
final class BatchedWrites {

    private record Statement(String sql, Object[] arguments, Set<String> tables) {
    }

    /** A name where a statement names a table; only the projection's own tables count (not {@code DO UPDATE SET}). */
    private static final Pattern TABLE_NAME = Pattern.compile("\\b(?:INTO|UPDATE|FROM|JOIN|USING)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    private final JdbcTemplate jdbc;
    private final Set<String> projectionTables;
    private final List<Statement> statements = new ArrayList<>();

    /** @param projectionTables the projection's tables, which its statements name unqualified */
    BatchedWrites(JdbcTemplate jdbc, Collection<String> projectionTables) {
        this.jdbc = jdbc;
        this.projectionTables = Set.copyOf(projectionTables);
    }

    void add(String sql, Object[] arguments) {
        Set<String> tables = new LinkedHashSet<>();
        Matcher matcher = TABLE_NAME.matcher(sql);
        while (matcher.find()) {
            if (projectionTables.contains(matcher.group(1))) {
                tables.add(matcher.group(1));
            }
        }
        statements.add(new Statement(sql, arguments, tables));
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
        Map<String, List<Statement>> byTable = new LinkedHashMap<>();
        for (Statement statement : statements) {
            if (statement.tables().size() == 1) {
                byTable.computeIfAbsent(statement.tables().iterator().next(), t -> new ArrayList<>()).add(statement);
            } else {
                send(byTable);
                byTable.clear();
                sendInOrder(List.of(statement));
            }
        }
        send(byTable);
        statements.clear();
    }

    private void send(Map<String, List<Statement>> byTable) {
        byTable.values().forEach(this::sendInOrder);
    }

    /** Runs of identical SQL as one JDBC batch each, in order. */
    private void sendInOrder(List<Statement> run) {
        int start = 0;
        while (start < run.size()) {
            String sql = run.get(start).sql();
            int end = start + 1;
            while (end < run.size() && run.get(end).sql().equals(sql)) {
                end++;
            }
            if (end - start == 1) {
                jdbc.update(sql, run.get(start).arguments());
            } else {
                jdbc.batchUpdate(sql, run.subList(start, end).stream().map(Statement::arguments).toList());
            }
            start = end;
        }
    }
}
