package vn.qualityledger.command.nonconformity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.command.CommandServiceApplication;

/**
 * Starts and stops command-service as a whole Spring application against one test database, so that a test can stop it
 * midway and start it again on the same event store, tokens and deadlines. db-scheduler's clock is the test's.
 */
final class ServiceRuns {

    static final Actor ADMIN = new Actor("admin", "Quản trị", List.of(Role.ADMIN), "SLDTBXH-HD", null);

    private final String url;
    private volatile Instant schedulerNow = Instant.now();

    ServiceRuns(String url) {
        this.url = url;
    }

    void setSchedulerNow(Instant now) {
        schedulerNow = now;
    }

    ConfigurableApplicationContext start() {
        var application = CommandServiceApplication.application();
        application.addInitializers(context -> ((GenericApplicationContext) context).registerBean("dbSchedulerClock",
                com.github.kagkarlsson.scheduler.Clock.class, () -> () -> schedulerNow));
        return application.run("--server.port=0", "--spring.datasource.url=" + url, "--db-scheduler.polling-interval=200ms");
    }

    static void send(ConfigurableApplicationContext service, Object command, Actor actor) {
        service.getBean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.toMetaData()));
    }

    /** The test database, also while the service is stopped. */
    JdbcTemplate jdbc() {
        return new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(url, vn.qualityledger.support.TestDatabase.user(),
                vn.qualityledger.support.TestDatabase.password()));
    }

    static JdbcTemplate jdbc(ConfigurableApplicationContext service) {
        return service.getBean(JdbcTemplate.class);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
