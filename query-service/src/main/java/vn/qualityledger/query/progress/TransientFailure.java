package vn.qualityledger.query.progress;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a projection's failure on an event may go away by itself: the database unreachable or restarting, a
 * deadlock, a serialization conflict, a lock or statement timeout, resources exhausted. Such an event is retried; any
 * other failure is the event's own (its content, or a bug in the handler) and comes back on every retry.
 */
public final class TransientFailure {

    /**
     * PostgreSQL SQLSTATE classes and codes that say nothing about the event: 08 connection, 40 transaction rollback
     * (deadlock, serialization), 53 insufficient resources, 57 operator intervention (shutdown, cancelled statement),
     * 58 system error, 55P03 lock not available.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private TransientFailure() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof java.io.IOException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals(LOCK_NOT_AVAILABLE) || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost cause: for a refused statement, PostgreSQL's own message rather than the driver's wrapping. */
    public static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
