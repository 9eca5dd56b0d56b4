package vn.qualityledger.query.progress;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the JDBC projections share: their processing group and tables, copies of themselves writing into another schema
 * with the same tables (a shadow or temporary copy), writes that are batched per processor batch, and the reset that
 * empties the tables before a replay. Each projection is a bean; rebuilds, consistency checks, past views and the
 * dead-letter queues find them all through {@link JdbcProjections}.
 *
 * <p><b>The schema.</b> Handlers name their tables unqualified; which schema they reach is the transaction's
 * ({@link ReadModelSchema}). The live projection writes where the connection's default search path leads (the live
 * schema); a copy writes only inside a transaction that {@link ReadModelSchema#use chose} its schema, and refuses
 * otherwise, so that it can never write into the live tables.
 *
 * <p><b>Batched writes.</b> Within a batch of events (Axon's {@link BatchingUnitOfWork}: a tracking processor's batch,
 * or a chunk of a replay, see {@link ProjectionReplay}) {@link #update} only records the statement; the batch's
 * statements are sent at prepare-commit, each table's in order, consecutive identical SQL as one JDBC batch ({@link BatchedWrites}),
 * in the transaction that also stores the processor's token. A handler that fails before its statements are sent
 * loses only its own statements, so the dead-letter queue parks that event and the batch goes on.
 *
 * <p><b>The fallback.</b> A statement PostgreSQL refuses fails the whole flush, and with it the batch: Axon rolls the
 * transaction back and retries the batch (the tracking processor after its back-off). The projection remembers the
 * failed batch's events, and when a batch holding any of them comes again it runs it unbatched: every event's
 * statements sent at once inside a savepoint of its own ({@link EventSavepoint}), so that the one poison event fails
 * alone and the dead-letter queue (or the replay) parks only its stream. Outside a batch (a dead letter retried, a past
 * view, a test calling a handler) the projection always writes this way.
 *
 * <p><b>Batch time.</b> The live projection (the Spring bean) times each batch's flush as
 * {@code qualityledger.projection.batch{processor}}: the writes of the batch, not the handlers that recorded them. A
 * rebuild's or past view's copy is made by hand, gets no registry and is not timed, so the figure is the live
 * processor's alone.
 */
public abstract class JdbcProjection {

    private final JdbcTemplate jdbc;
    private final String schema;
    private final List<String> tables;
    private final String writesKey;
    /** Events of batches whose flush failed: their next batch runs unbatched. Shared by the processor's threads. */
    private final Set<String> failedBatchEvents = ConcurrentHashMap.newKeySet();
    /** Null for a copy writing to another schema. */
    private volatile Timer batchTime;

    protected JdbcProjection(JdbcTemplate jdbc, String schema, List<String> tables) {
        this.jdbc = jdbc;
        ReadModelSchema.quoted(schema);
        this.schema = schema;
        this.tables = List.copyOf(tables);
        this.writesKey = BatchedWrites.class.getName() + ":" + getClass().getName() + ":" + schema;
    }

    @Autowired(required = false)
    void timeBatchesIn(MeterRegistry registry) {
        batchTime = Timer.builder("qualityledger.projection.batch")
                .description("Time to write one processor batch's statements to the read model, at its commit")
                .tag("processor", processingGroup())
                .register(registry);
    }

    /** Batched writes in a batch, else the event's writes in a savepoint (see the class comment). */
    @MessageHandlerInterceptor(messageType = EventMessage.class)
    protected void writeInOrder(EventMessage<?> event, InterceptorChain chain) throws Exception {
        BatchedWrites writes = batchedWrites();
        if (writes == null) {
            EventSavepoint.around(jdbc.getDataSource(), chain::proceed);
            return;
        }
        int mark = writes.size();
        try {
            chain.proceed();
        } catch (Exception | Error e) {
            writes.discardFrom(mark);
            throw e;
        }
    }

    /** Before a replay: empty the read model, so that the events rebuild it from nothing. */
    @ResetHandler
    public void reset() {
        jdbc.execute("TRUNCATE " + String.join(", ", tables.stream().map(t -> ReadModelSchema.table(schema, t)).toList()));
    }

    /** The processing group of its {@link ProcessingGroup}: the processor a rebuild pauses and what the admin endpoints name. */
    public final String processingGroup() {
        ProcessingGroup group = AnnotationUtils.findAnnotation(getClass(), ProcessingGroup.class);
        if (group == null) {
            throw new IllegalStateException(getClass().getName() + " has no @ProcessingGroup");
        }
        return group.value();
    }

    /** The same projection writing into {@code schema}, which holds tables like its own: a rebuild's shadow, a past view's temporary tables. */
    public abstract JdbcProjection writingTo(String schema);

    /**
     * Completes a rebuild's shadow of its tables in {@code schema}, made with {@code CREATE TABLE … (LIKE … INCLUDING
     * ALL)}: adds what LIKE does not copy and the projection relies on (triggers). Nothing for most projections.
     */
    public void completeCopy(String schema) {
    }

    /** The projection's own code, applied by hand to events into {@code schema} (see {@link #writingTo}). */
    public final ProjectionReplay replayInto(String schema) {
        return new ProjectionReplay(writingTo(schema));
    }

    /** One statement naming this projection's tables unqualified, written to its schema. */
    protected void update(String sql, Object... arguments) {
        ReadModelSchema.requireCurrent(schema);
        BatchedWrites writes = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(writesKey) : null;
        if (writes != null) {
            writes.add(sql, arguments);
        } else {
            jdbc.update(sql, arguments);
        }
    }

    protected static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    /**
     * Whether the current batch has failed before; any event of it counts (the processor may retry it in a different
     * cut). Forgets them: if the unbatched run fails as well, that is for the dead-letter queue, not another retry.
     */
    private boolean retriesFailedBatch(List<? extends Message<?>> batch) {
        boolean failedBefore = false;
        for (Message<?> event : batch) {
            failedBefore |= failedBatchEvents.remove(event.getIdentifier());
        }
        return failedBefore;
    }

    /** The writes of the current batch, registered with it on its first event; null when this batch runs unbatched. */
    private BatchedWrites batchedWrites() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        String unbatchedKey = writesKey + ":unbatched";
        if (batch.resources().containsKey(unbatchedKey)) {
            return null;
        }
        BatchedWrites existing = batch.getResource(writesKey);
        if (existing != null) {
            return existing;
        }
        if (retriesFailedBatch(batch.getMessages())) {
            batch.resources().put(unbatchedKey, Boolean.TRUE);
            return null;
        }
        BatchedWrites writes = new BatchedWrites(jdbc, tables);
        batch.resources().put(writesKey, writes);
        List<String> events = batch.getMessages().stream().map(Message::getIdentifier).toList();
        Timer timer = batchTime;
        batch.onPrepareCommit(uow -> {
            try {
                if (timer == null) {
                    writes.flush();
                } else {
                    timer.record(writes::flush);
                }
            } catch (RuntimeException e) {
                failedBatchEvents.addAll(events);
                throw e;
            }
        });
        return writes;
    }

    protected final JdbcTemplate jdbc() {
        return jdbc;
    }

    protected final String schema() {
        return schema;
    }

    /** Its tables, which a replay rebuilds from nothing and a rebuild copies. */
    public final List<String> tables() {
        return tables;
    }
}
