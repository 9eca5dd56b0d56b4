package vn.qualityledger.command.nonconformity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.api.audit.AuditFindingRecordedEvent;
import vn.qualityledger.api.audit.AuditId;
import vn.qualityledger.api.audit.FindingId;
import vn.qualityledger.api.audit.FindingKind;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.nonconformity.NonconformityId;
import vn.qualityledger.api.nonconformity.NonconformityRaisedEvent;
import vn.qualityledger.api.objective.Assessment;
import vn.qualityledger.api.objective.CloseObjectiveCommand;
import vn.qualityledger.api.objective.DefineObjectiveCommand;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.support.TestDatabase;

/**
 * Automatic raising against the real PostgreSQL event store: each finding and each missed objective raises exactly one
 * nonconformity, even when the processor's events are delivered again (a token reset) or the service stops after
 * raising but before its token moved on (a restart with the token lost).
 */
class AutomaticRaisingIntegrationTest {

    private static final AuditId AUDIT = new AuditId("DGNB-2023");
    private static final ObjectiveId OBJECTIVE = new ObjectiveId("SLDTBXH-HD.MTCL-2023-09");
    private static final Actor AUDITOR = new Actor("danhgia", "Nguyễn Văn Đánh Giá", List.of(Role.AUDITOR), "SLDTBXH-HD", "TO-ISO");
    private static final Actor QMR = new Actor("qmr", "QMR", List.of(Role.QMR), "SLDTBXH-HD", "QMR");

    private final ServiceRuns runs = new ServiceRuns(TestDatabase.recreate("ql_test_nc_raising"));
    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private void recordFinding(String findingId, FindingKind kind, long sequence) {
        AuditFindingRecordedEvent finding = new AuditFindingRecordedEvent(AUDIT, "SLDTBXH-HD", 2023, new FindingId(findingId), "VP",
                "7.5.3", kind, "Hồ sơ lưu trữ không đúng quy định", "Sổ theo dõi", null, null, LocalDate.of(2023, 6, 10));
        MetaData metaData = MetaData.from(AUDITOR.toMetaData()).and("correlationId", "finding-" + findingId);
        new TransactionTemplate(service.getBean(org.springframework.transaction.PlatformTransactionManager.class)).executeWithoutResult(tx ->
                service.getBean(EventStore.class).publish(new GenericDomainEventMessage<>("InternalAudit", AUDIT.value(), sequence, finding, metaData)));
    }

    private int raisedEvents(NonconformityId id) {
        return ServiceRuns.jdbc(service).queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ? and payload_type = ?",
                Integer.class, id.value(), NonconformityRaisedEvent.class.getName());
    }

    private int allRaisedEvents() {
        return ServiceRuns.jdbc(service).queryForObject("select count(*) from event_store.domain_event_entry where payload_type = ?",
                Integer.class, NonconformityRaisedEvent.class.getName());
    }

    private long lastGlobalIndex() {
        return ServiceRuns.jdbc(service).queryForObject("select max(global_index) from event_store.domain_event_entry", Long.class);
    }

    private StreamingEventProcessor raisingProcessor() {
        return service.getBean(EventProcessingConfiguration.class)
                .eventProcessor(AutomaticRaising.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    private void awaitCaughtUp() throws InterruptedException {
        long last = lastGlobalIndex();
        ServiceRuns.await("the raising processor has handled every event", Duration.ofSeconds(30), () -> {
            Map<Integer, EventTrackerStatus> status = raisingProcessor().processingStatus();
            // a reset processor stays "replaying" until an event beyond its reset point arrives, so only the position counts
            return !status.isEmpty() && status.values().stream().allMatch(s ->
                    s.getCurrentPosition().isPresent() && s.getCurrentPosition().getAsLong() >= last);
        });
    }

    /** A major and a minor finding, an observation, and an objective closed as not achieved. */
    private void causeThreeNonconformities() throws InterruptedException {
        recordFinding("F-01", FindingKind.MAJOR_NONCONFORMITY, 0);
        recordFinding("F-02", FindingKind.MINOR_NONCONFORMITY, 1);
        recordFinding("F-03", FindingKind.OBSERVATION, 2);
        ServiceRuns.send(service, new DefineObjectiveCommand(OBJECTIVE, "SLDTBXH-HD", 2023, "MTCL-2023-09", "95% hài lòng", null), QMR);
        ServiceRuns.send(service, new CloseObjectiveCommand(OBJECTIVE, new Assessment(false, "Chỉ đạt 91%"), LocalDate.of(2023, 12, 31)), QMR);
        ServiceRuns.await("three nonconformities are raised", Duration.ofSeconds(30), () -> allRaisedEvents() == 3);
        awaitCaughtUp();
    }

    private void assertExactlyOneEach() {
        assertThat(raisedEvents(NonconformityId.forFinding(AUDIT, new FindingId("F-01")))).isEqualTo(1);
        assertThat(raisedEvents(NonconformityId.forFinding(AUDIT, new FindingId("F-02")))).isEqualTo(1);
        assertThat(raisedEvents(NonconformityId.forObjectiveNotAchieved(OBJECTIVE))).isEqualTo(1);
        assertThat(allRaisedEvents()).isEqualTo(3);
    }

    @Test
    void raisesOneNonconformityPerCauseAttributedToWhoeverCausedIt() throws InterruptedException {
        service = runs.start();
        causeThreeNonconformities();
        assertExactlyOneEach();

        // Axon's metadata: traceId names the conversation's first message, correlationId the message that caused this one
        String findingEventId = ServiceRuns.jdbc(service).queryForObject(
                "select event_identifier from event_store.domain_event_entry where aggregate_identifier = ? and sequence_number = 0", String.class, AUDIT.value());
        String metaData = ServiceRuns.jdbc(service).queryForObject("select convert_from(meta_data, 'UTF8') from event_store.domain_event_entry where aggregate_identifier = ?",
                String.class, NonconformityId.forFinding(AUDIT, new FindingId("F-01")).value());
        assertThat(metaData).contains("\"actorId\":\"danhgia\"", "\"actorName\":\"Nguyễn Văn Đánh Giá\"", "\"actorRoles\":\"AUDITOR\"",
                "\"traceId\":\"" + findingEventId + "\"", "\"causationId\":\"" + findingEventId + "\"");
        String closedTrace = ServiceRuns.jdbc(service).queryForObject("""
                select convert_from(meta_data, 'UTF8')::json ->> 'traceId' from event_store.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%ObjectiveClosedEvent'""", String.class, OBJECTIVE.value());
        String closedEventId = ServiceRuns.jdbc(service).queryForObject("""
                select event_identifier from event_store.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%ObjectiveClosedEvent'""", String.class, OBJECTIVE.value());
        String raisedForObjective = ServiceRuns.jdbc(service).queryForObject(
                "select convert_from(meta_data, 'UTF8') from event_store.domain_event_entry where aggregate_identifier = ?",
                String.class, NonconformityId.forObjectiveNotAchieved(OBJECTIVE).value());
        // causationId names the event that set the raise off (the command the service sent in answer is not stored)
        assertThat(raisedForObjective).contains("\"actorId\":\"qmr\"", "\"traceId\":\"" + closedTrace + "\"",
                "\"causationId\":\"" + closedEventId + "\"");
        assertThat(ServiceRuns.jdbc(service).queryForObject("""
                select convert_from(meta_data, 'UTF8')::json ->> 'causationId' from event_store.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%ObjectiveClosedEvent'""", String.class, OBJECTIVE.value()))
                .as("a user's command is the cause of its events").isEqualTo(ServiceRuns.jdbc(service).queryForObject("""
                        select convert_from(meta_data, 'UTF8')::json ->> 'commandId' from event_store.domain_event_entry
                        where aggregate_identifier = ? and payload_type like '%ObjectiveClosedEvent'""", String.class, OBJECTIVE.value()));
    }

    @Test
    void aRedeliveredEventRaisesNothingMore() throws InterruptedException {
        service = runs.start();
        causeThreeNonconformities();

        StreamingEventProcessor processor = raisingProcessor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCaughtUp();

        assertExactlyOneEach();
    }

    @Test
    void aRestartAfterRaisingButBeforeTheTokenMovedOnRaisesNothingMore() throws InterruptedException {
        service = runs.start();
        causeThreeNonconformities();
        service.close();
        // as if the service had died after storing the nonconformities and before storing its token: all is delivered again
        runs.jdbc().update("delete from event_store.token_entry where processor_name = ?", AutomaticRaising.PROCESSING_GROUP);

        service = runs.start();
        awaitCaughtUp();
        assertExactlyOneEach();
    }
}
