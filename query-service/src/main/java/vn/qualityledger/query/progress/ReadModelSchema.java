package vn.qualityledger.query.progress;

import java.util.function.Supplier;

/**
 * Which copy of the progress tables the reads of the current thread see: the live schema, or — within
 * {@link #readingFrom} — another schema with the same tables (a replay of the events recorded up to some instant).
 * Reads name the live tables ({@code query.occurrence}); {@link #rewrite} points them at the copy.
 */
public final class ReadModelSchema {

    /** The schema of the live read models (every projection's tables). */
    public static final String LIVE_SCHEMA = "query";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private ReadModelSchema() {
    }

    public static <T> T readingFrom(String schema, Supplier<T> read) {
        String outer = CURRENT.get();
        CURRENT.set(schema);
        try {
            return read.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    public static String rewrite(String sql) {
        String schema = CURRENT.get();
        return schema == null ? sql : pointAt(sql, schema);
    }

    /**
     * The statement with the live schema's tables ({@code query.x}) replaced by those of {@code schema}: how a
     * projection writes into a shadow or temporary copy, and how a read reads one.
     */
    public static String pointAt(String sql, String schema) {
        return LIVE_SCHEMA.equals(schema) ? sql : sql.replace(LIVE_SCHEMA + ".", schema + ".");
    }
}
