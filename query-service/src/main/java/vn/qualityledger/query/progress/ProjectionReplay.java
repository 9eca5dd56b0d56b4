package vn.qualityledger.query.progress;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A projection applied by hand to events read from the event store, into a copy of its tables in another schema: the
 * one way a rebuild, a consistency check or a past view runs the projection's own code. Events the projection has no
 * handler for are ignored, so one replay may be fed several kinds of stream.
 *
 * <p>An event the projection cannot apply (a poison event: its content is refused, or the handler has a bug) stops its
 * stream in the replay, exactly as the live processor's dead-letter queue parks that stream from that event on: the
 * replay skips the event and every later one of the stream, reports the stream in {@link #skippedStreams()}, and goes
 * on with the others. So a rebuild does not fail on one bad stream, and a check compares like with like. The handlers
 * run each event in a savepoint ({@link EventSavepoint}), which keeps the replay's transaction usable after a refusal.
 * A transient failure (the database going away) still fails the replay: it says nothing about the event.
 *
 * <p>{@link #applyAll} applies a chunk of events as one batch ({@link JdbcProjection}: the statements sent together at
 * the end, consecutive identical SQL as one JDBC batch). When PostgreSQL refuses a statement of the chunk, the chunk's
 * writes are rolled back to a savepoint and the chunk is applied again unbatched, event by event, so that only the
 * poison event's stream is skipped.
 */
public final class ProjectionReplay {

    /** A stream the replay stopped at an event it could not apply. */
    public record SkippedStream(String streamId, String eventId, String eventType, String cause) {
    }

    private final AnnotationEventHandlerAdapter handlers;
    private final DataSource dataSource;
    private final Map<String, SkippedStream> skipped = new LinkedHashMap<>();

    /** @param projection a projection instance writing into the copy's schema ({@link JdbcProjection#replayInto}) */
    public ProjectionReplay(JdbcProjection projection) {
        this.handlers = new AnnotationEventHandlerAdapter(projection);
        this.dataSource = projection.jdbc().getDataSource();
    }

    /**
     * Applies {@code events} in order as one batch, within the caller's transaction (without one, event by event: each
     * statement commits on its own).
     */
    public void applyAll(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            events.forEach(this::apply);
            return;
        }
        Map<String, SkippedStream> skippedBefore = new LinkedHashMap<>(skipped);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            RuntimeException failure = inOneBatch(events);
            if (failure == null) {
                connection.releaseSavepoint(savepoint);
                return;
            }
            if (TransientFailure.isTransient(failure)) {
                throw failure;
            }
            // The projection remembers the chunk's events, so the second run is unbatched (JdbcProjection).
            connection.rollback(savepoint);
            skipped.clear();
            skipped.putAll(skippedBefore);
            RuntimeException again = inOneBatch(events);
            if (again != null) {
                throw again;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Replaying a batch of " + events.size() + " events failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The events in one Axon batch unit of work, whose commit sends the projection's statements; its failure, if any. */
    private RuntimeException inOneBatch(List<? extends EventMessage<?>> events) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.copyOf(events));
        ResultMessage<Object> result = batch.executeWithResult(() -> {
            apply(batch.getMessage());
            return null;
        });
        if (!result.isExceptional()) {
            return null;
        }
        Throwable cause = result.exceptionResult();
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
    }

    public void apply(EventMessage<?> event) {
        String stream = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        if (stream != null && skipped.containsKey(stream)) {
            return;
        }
        try {
            handlers.handle(event);
        } catch (Exception e) {
            if (stream == null || TransientFailure.isTransient(e) || ReadModelSchema.SchemaNotChosen.in(e)) {
                throw e instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Replaying event " + event.getIdentifier() + " failed", e);
            }
            skipped.put(stream, new SkippedStream(stream, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                    String.valueOf(TransientFailure.rootOf(e).getMessage())));
        }
    }

    /** The streams stopped so far, in the order they were stopped. */
    public List<SkippedStream> skippedStreams() {
        return List.copyOf(skipped.values());
    }
}
