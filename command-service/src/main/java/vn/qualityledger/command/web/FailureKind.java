package vn.qualityledger.command.web;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.persistence.EntityExistsException;
import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.axonframework.modelling.command.ConcurrencyException;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a failure that is no refusal means for the client, read from its whole cause chain. The chain decides, not the
 * outermost type: Axon reports any SQL error its resolver takes for a duplicate key as a {@link ConcurrencyException},
 * and a connection the server killed mid-append arrives as an Axon or Hibernate exception around the driver's
 * {@code EOFException}.
 */
public enum FailureKind {
    /**
     * PostgreSQL (or, in Axon Server mode, Axon Server) could not be reached or went away. Almost always nothing was
     * stored, but a connection lost after the commit was sent cannot tell; a retry with the same ids is safe either way.
     */
    DATABASE_UNAVAILABLE,
    /** Another command appended to the same stream first (a unique violation on stream and sequence). */
    SEQUENCE_CONFLICT,
    /** Anything else: a fault of the service. */
    INTERNAL;

    /** SQL states of an unreachable database: connection exceptions (class 08), shutdowns, "cannot connect now", too many connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final String UNIQUE_VIOLATION = "23505";

    public static FailureKind of(Throwable failure) {
        boolean concurrency = false;
        boolean uniqueViolation = false;
        boolean sqlFailure = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isUnavailable(cause)) {
                return DATABASE_UNAVAILABLE;
            }
            concurrency |= cause instanceof ConcurrencyException;
            uniqueViolation |= cause instanceof EntityExistsException
                    || (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()));
            sqlFailure |= cause instanceof SQLException;
        }
        // Axon's own conflict (no SQL involved), or a real unique violation; a ConcurrencyException around another SQL
        // error is no conflict, whatever Axon's resolver took it for.
        if (uniqueViolation || (concurrency && !sqlFailure)) {
            return SEQUENCE_CONFLICT;
        }
        return INTERNAL;
    }

    /**
     * Hikari closes a connection once it has seen it fail (and Axon swallows that first failure when it reads a
     * snapshot), so the next statement of the same command meets "Connection is closed" with no SQL state at all.
     */
    private static boolean isClosedConnection(SQLException sql) {
        String message = sql.getMessage();
        return sql.getSQLState() == null && message != null
                && (message.startsWith("Connection is closed") || message.startsWith("This connection has been closed"));
    }

    private static boolean isUnavailable(Throwable cause) {
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            return sql instanceof SQLTransientConnectionException || sql instanceof SQLRecoverableException
                    || (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)))
                    || isClosedConnection(sql);
        }
        // Axon Server mode: the connector could not reach the server (gRPC UNAVAILABLE), so the command went nowhere.
        if (cause instanceof StatusRuntimeException grpc && grpc.getStatus().getCode() == Status.Code.UNAVAILABLE) {
            return true;
        }
        return cause instanceof EOFException || cause instanceof SocketException || cause instanceof SocketTimeoutException
                || cause instanceof JDBCConnectionException || cause instanceof CannotCreateTransactionException
                || cause instanceof DataAccessResourceFailureException;
    }
}
