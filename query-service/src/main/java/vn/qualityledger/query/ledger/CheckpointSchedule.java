package vn.qualityledger.query.ledger;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Signs a checkpoint every {@code quality-ledger.ledger.interval} once the service is ready (none when it is zero). */
@Component
class CheckpointSchedule {

    private final Checkpoints checkpoints;
    private final LedgerProperties properties;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ledger-checkpoints");
        thread.setDaemon(true);
        return thread;
    });

    CheckpointSchedule(Checkpoints checkpoints, LedgerProperties properties) {
        this.checkpoints = checkpoints;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long millis = properties.interval().toMillis();
        if (millis > 0) {
            executor.scheduleWithFixedDelay(checkpoints::signOnSchedule, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
