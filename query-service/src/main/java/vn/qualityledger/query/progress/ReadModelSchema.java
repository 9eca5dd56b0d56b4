package vn.qualityledger.query.progress;

import java.util.regex.Pattern;
import org.axonframework.common.ExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which copy of the read-model tables a transaction's statements reach. The projections and the reads that a past view
 * may answer name those tables unqualified ({@code occurrence}, not {@code query.occurrence}); every connection of the
 * pool searches the live schema first ({@code currentSchema} in query-service.yml), so outside {@link #use} they reach
 * the live tables. {@link #use} points the rest of one transaction at another schema with the same tables — a rebuild's
 * shadow, a past view's temporary tables or the views of the rows as recorded at an instant ({@link #AS_RECORDED}) —
 * by {@code SET LOCAL search_path}, which PostgreSQL undoes when the transaction ends, so a pooled connection never
 * keeps it.
 *
 * <p>Statements that must reach the live rows whatever the transaction (the names shown beside codes, the streams a
 * past view replays, a rebuild's copy into the live tables) keep the {@code query.} qualification.
 */
public final class ReadModelSchema {

    /** The schema of the live read models (every projection's tables). */
    public static final String LIVE_SCHEMA = "query";
    /** PostgreSQL's name for the current session's schema of temporary tables. */
    public static final String TEMPORARY = "pg_temp";
    /**
     * Views named like the objective-progress tables that give their rows as recorded at an instant
     * (V30__recorded_rows.sql; {@code AsRecorded}).
     */
    public static final String AS_RECORDED = "query_as_recorded";

    /** Lower-case unquoted identifiers only (PostgreSQL truncates names beyond 63 bytes). */
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** The schema that {@link #use} chose for the current transaction, bound to it until it completes. */
    private static final Object CURRENT = new Object() {
        @Override
        public String toString() {
            return ReadModelSchema.class.getSimpleName() + ".CURRENT";
        }
    };

    /** Statements for one schema about to reach another: the caller's mistake, never the event's (a replay does not skip its stream). */
    public static final class SchemaNotChosen extends IllegalStateException {

        SchemaNotChosen(String message) {
            super(message);
        }

        /** Whether {@code failure} is one, or was caused by one. */
        public static boolean in(Throwable failure) {
            return ExceptionUtils.findException(failure, SchemaNotChosen.class).isPresent();
        }
    }

    private ReadModelSchema() {
    }

    /**
     * Points the current transaction's unqualified table names at {@code schema} until the transaction ends. Call it
     * first in the transaction, before any savepoint: rolling back to a savepoint taken earlier would undo it.
     * Unqualified names are also found in {@code alsoRead}, after {@code schema}: what the transaction writes still goes
     * to {@code schema} alone.
     *
     * @throws IllegalStateException outside a transaction, where {@code SET LOCAL} would do nothing and the statements
     *                               would reach the live tables
     */
    public static void use(JdbcTemplate jdbc, String schema, String... alsoRead) {
        StringBuilder quoted = new StringBuilder(quoted(schema));
        for (String other : alsoRead) {
            quoted.append(", ").append(quoted(other));
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Reading or writing schema " + schema + " needs a transaction: SET LOCAL lasts until its end");
        }
        jdbc.execute("SET LOCAL search_path TO " + quoted);
        if (TransactionSynchronizationManager.hasResource(CURRENT)) {
            TransactionSynchronizationManager.unbindResource(CURRENT);
        } else {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CURRENT);
                }
            });
        }
        TransactionSynchronizationManager.bindResource(CURRENT, schema);
    }

    /** The schema the current thread's unqualified read-model statements reach: the live one unless {@link #use} chose another. */
    public static String current() {
        Object schema = TransactionSynchronizationManager.getResource(CURRENT);
        return schema == null ? LIVE_SCHEMA : (String) schema;
    }

    /**
     * Fails unless unqualified statements issued now reach {@code schema}: a projection writing into a copy refuses to
     * write into the live tables instead, and the live projection into a copy.
     */
    static void requireCurrent(String schema) {
        String current = current();
        if (!current.equals(schema)) {
            throw new SchemaNotChosen("Statements for schema " + schema + " would reach schema " + current
                    + (LIVE_SCHEMA.equals(current) ? " (outside a transaction that called ReadModelSchema.use)" : ""));
        }
    }

    /** A schema's or table's name quoted for SQL, after checking it is a plain identifier (shadow names are generated). */
    public static String quoted(String schema) {
        if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("Not a plain SQL name: " + schema);
        }
        return '"' + schema + '"';
    }

    /** {@code "schema"."table"}: a statement that must reach one schema's table whatever the transaction chose. */
    public static String table(String schema, String table) {
        return quoted(schema) + "." + quoted(table);
    }
}
