package vn.qualityledger.command.nonconformity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.qualityledger.api.nonconformity.*;
import vn.qualityledger.support.TestDatabase;

/**
 * The overdue deadline survives a restart: an action due on 31/07/2023 is planned while the service runs on that day;
 * the service stops, and starts again on 01/08/2023 (db-scheduler's clock), and records the action overdue exactly once,
 * by the system actor. db-scheduler polls every 200 ms here.
 */
class OverdueDeadlineIntegrationTest {

    private static final NonconformityId NC = new NonconformityId("NC-2023-017");
    private static final CorrectiveActionId ACTION = new CorrectiveActionId("A1");
    private static final String OVERDUE = CorrectiveActionOverdueEvent.class.getName();

    private final ServiceRuns runs = new ServiceRuns(TestDatabase.recreate("ql_test_nc_deadline"));
    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private int overdueEvents() {
        return runs.jdbc().queryForObject("select count(*) from event_store.domain_event_entry where payload_type = ?", Integer.class, OVERDUE);
    }

    private int pendingDeadlines() {
        return runs.jdbc().queryForObject("select count(*) from event_store.scheduled_tasks", Integer.class);
    }

    @Test
    void anActionPlannedBeforeARestartBecomesOverdueOnceAfterIt() throws InterruptedException {
        runs.setSchedulerNow(Instant.parse("2023-07-31T09:00:00Z")); // 16:00 on the due date in Hà Nội
        service = runs.start();
        NonconformityOrigin byHand = new NonconformityOrigin(NonconformitySource.MANUAL, null, null, null, null, null);
        ServiceRuns.send(service, new RaiseNonconformityCommand(NC, "SLDTBXH-HD", byHand, Severity.MINOR, "VP", "7.5.3",
                "Hồ sơ lưu trữ sai quy định", LocalDate.of(2023, 6, 10)), ServiceRuns.ADMIN);
        ServiceRuns.send(service, new AnalyseRootCauseCommand(NC, "Chưa phân công", null, LocalDate.of(2023, 6, 15)), ServiceRuns.ADMIN);
        ServiceRuns.send(service, new PlanCorrectiveActionCommand(NC, ACTION, "VP", "Phân công lưu trữ", LocalDate.of(2023, 7, 31),
                LocalDate.of(2023, 6, 16)), ServiceRuns.ADMIN);
        assertThat(pendingDeadlines()).isEqualTo(1);
        Thread.sleep(1_000); // five polls on the due date itself
        assertThat(overdueEvents()).isZero();
        service.close();

        runs.setSchedulerNow(Instant.parse("2023-08-01T02:00:00Z")); // 09:00 the next day
        service = runs.start();
        ServiceRuns.await("the action is recorded overdue", Duration.ofSeconds(30), () -> overdueEvents() > 0);
        Thread.sleep(1_000);
        assertThat(overdueEvents()).isEqualTo(1);
        assertThat(pendingDeadlines()).isZero();
        String metaData = runs.jdbc().queryForObject("select convert_from(meta_data, 'UTF8') from event_store.domain_event_entry where payload_type = ?",
                String.class, OVERDUE);
        String plannedEventId = runs.jdbc().queryForObject("select event_identifier from event_store.domain_event_entry where payload_type = ?",
                String.class, CorrectiveActionPlannedEvent.class.getName());
        assertThat(metaData).contains("\"actorId\":\"system\"", "\"actorName\":\"Quality Ledger\"", "\"actorRoles\":\"\"",
                "\"actorOrganisation\":\"SLDTBXH-HD\"", "\"actorUnit\":\"\"", "\"causationId\":\"" + plannedEventId + "\"");
        service.close();

        service = runs.start();
        Thread.sleep(1_000);
        assertThat(overdueEvents()).isEqualTo(1);
    }

    @Test
    void anActionImplementedInTimeNeverBecomesOverdue() throws InterruptedException {
        runs.setSchedulerNow(Instant.parse("2023-07-31T09:00:00Z"));
        service = runs.start();
        NonconformityOrigin byHand = new NonconformityOrigin(NonconformitySource.MANUAL, null, null, null, null, null);
        ServiceRuns.send(service, new RaiseNonconformityCommand(NC, "SLDTBXH-HD", byHand, Severity.MINOR, "VP", null,
                "Hồ sơ lưu trữ sai quy định", LocalDate.of(2023, 6, 10)), ServiceRuns.ADMIN);
        ServiceRuns.send(service, new AnalyseRootCauseCommand(NC, "Chưa phân công", null, LocalDate.of(2023, 6, 15)), ServiceRuns.ADMIN);
        ServiceRuns.send(service, new PlanCorrectiveActionCommand(NC, ACTION, "VP", "Phân công lưu trữ", LocalDate.of(2023, 7, 31),
                LocalDate.of(2023, 6, 16)), ServiceRuns.ADMIN);
        ServiceRuns.send(service, new ImplementCorrectiveActionCommand(NC, ACTION, new vn.qualityledger.api.common.DocumentReference(
                "45/BC-VP", LocalDate.of(2023, 7, 30), "Văn phòng Sở", "Báo cáo khắc phục", null, null), null, LocalDate.of(2023, 7, 31)), ServiceRuns.ADMIN);
        assertThat(pendingDeadlines()).as("the implementation cancels the deadline in db-scheduler's table").isZero();

        runs.setSchedulerNow(Instant.parse("2023-08-01T02:00:00Z"));
        Thread.sleep(1_000); // five polls after the due date
        assertThat(overdueEvents()).isZero();
    }
}
