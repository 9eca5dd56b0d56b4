package vn.qualityledger.query.reminder;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the sweep every {@code quality-ledger.reminders.interval} once the service is ready (never when disabled or the
 * interval is zero). Every replica may run it: the database keeps each reminder to once.
 */
@Component
class ReminderSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderSchedule.class);

    private final ReminderSweep sweep;
    private final ReminderProperties properties;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "reminders");
        thread.setDaemon(true);
        return thread;
    });

    ReminderSchedule(ReminderSweep sweep, ReminderProperties properties) {
        this.sweep = sweep;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long millis = properties.interval().toMillis();
        if (properties.enabled() && millis > 0) {
            executor.scheduleWithFixedDelay(this::sweepOnce, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    private void sweepOnce() {
        try {
            sweep.run();
        } catch (RuntimeException failure) {
            // the next sweep tries again; a scheduled task that throws would never run again
            LOG.warn("Reminder sweep failed; retried in {}", properties.interval(), failure);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
