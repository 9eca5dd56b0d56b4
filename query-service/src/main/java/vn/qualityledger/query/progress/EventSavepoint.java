package vn.qualityledger.query.progress;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs one event's handler inside a savepoint of the surrounding transaction. PostgreSQL aborts a whole transaction on
 * a refused statement (a NUL character, a violated constraint); rolling back to the savepoint undoes only this event's
 * writes, so the dead-letter queue can park the event in the same transaction and the batch's other events commit (the
 * live processor), or a replay can skip the stream and go on (rebuild, check, past view). Outside a transaction each
 * statement commits on its own and there is nothing to protect.
 */
public final class EventSavepoint {

    /** The handler's work. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private EventSavepoint() {
    }

    public static void around(DataSource dataSource, Work work) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            work.run();
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                work.run();
            } catch (Exception | Error e) {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // the connection is gone: the transaction fails as a whole anyway
                }
                throw e;
            }
            connection.releaseSavepoint(savepoint);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
