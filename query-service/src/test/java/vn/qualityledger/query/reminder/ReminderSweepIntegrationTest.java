package vn.qualityledger.query.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.objective.EvidenceAcceptedEvent;
import vn.qualityledger.api.objective.EvidenceId;
import vn.qualityledger.api.objective.EvidenceSubmittedEvent;
import vn.qualityledger.api.objective.MeasureDetails;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.MeasurePlannedEvent;
import vn.qualityledger.api.objective.ObjectiveDefinedEvent;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.api.objective.OccurrenceId;
import vn.qualityledger.api.objective.Schedule;
import vn.qualityledger.api.objective.ScheduleRule;
import vn.qualityledger.api.objective.ScheduledOccurrence;
import vn.qualityledger.api.objective.TaskAssignedEvent;
import vn.qualityledger.query.IntegrationDatabase;
import vn.qualityledger.query.ObjectiveStreams;
import vn.qualityledger.query.QueryServiceApplication;

/**
 * Reminders lived through May 2023 on a settable clock: real events through the event store into the read model,
 * query-service started as a process would be (twice, for a second replica and for a restart, on one database), and
 * GreenMail as the SMTP server in this JVM. The facts (organisation SLDTBXH-HD, objective MT01):
 *
 * <pre>
 * A  I.6   m1@2023-05-14  assigned VP / Phạm Minh Hiếu (the measure, 10/01)   never done
 * B  II.1  m2@2023-05-13  assigned P-KHTC (the measure, 10/01)                 done: accepted 08/05, effective 08/05
 * C  III.2 m3@2023-05-12  not assigned: lead units VP and BCD-ISO             never done
 * E  I.6   m1@2023-06-30  (as A)                                              far ahead all month
 * D  another organisation (SLDTBXH-BG), due 2023-05-14, assigned VP           no address configured there
 * Addresses: VP → vanphong@, truongvp@; P-KHTC → khtc@; BCD-ISO → bcd@; the QMR of SLDTBXH-HD → qmr@ (all @sldtbxh.vn).
 * Days ahead 3: due soon means due after today and at most 3 days ahead; overdue (as the board counts it) means due on
 * or before today and not done.
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReminderSweepIntegrationTest {

    private static final String ORG = "SLDTBXH-HD";
    private static final String OTHER_ORG = "SLDTBXH-BG";
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String VANPHONG = "vanphong@sldtbxh.vn";
    private static final String TRUONGVP = "truongvp@sldtbxh.vn";
    private static final String KHTC = "khtc@sldtbxh.vn";
    private static final String BCD = "bcd@sldtbxh.vn";
    private static final String QMR = "qmr@sldtbxh.vn";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final ObjectiveId MT01 = ObjectiveId.of("SLDTBXH-HD.MTCL-2023-01");
    private static final ObjectiveId OTHER = ObjectiveId.of("SLDTBXH-BG.MTCL-2023-01");

    private final SettableClock clock = new SettableClock();
    private final int smtpPort = freePort();
    private GreenMail smtp;
    private String databaseUrl;
    private ConfigurableApplicationContext service;
    private ConfigurableApplicationContext replica;

    @BeforeAll
    void startWithTheYearPublished() {
        smtp = startSmtp();
        databaseUrl = IntegrationDatabase.withEventStore("ql_test_reminders");
        clock.set(LocalDateTime.of(2023, 5, 8, 6, 0));
        service = start();
        publishTheYear(new ObjectiveStreams(service.getBean(EventStore.class), service.getBean(TransactionTemplate.class)));
        JdbcTemplate jdbc = jdbc();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM query.occurrence WHERE completed_on IS NOT NULL", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM query.measure WHERE assigned_unit IS NOT NULL", Integer.class)).isEqualTo(3);
        });
    }

    @AfterAll
    void stop() {
        if (replica != null) {
            replica.close();
        }
        if (service != null) {
            service.close();
        }
        smtp.stop();
    }

    @Test
    @Order(1)
    void nothingIsRemindedWhileNoWorkIsWithinThreeDaysAndTheDigestWaitsForMondaySevenOClock() {
        // Monday 08/05 06:00: the earliest due date, 12/05, is 4 days ahead; the digest is due from 07:00.
        ReminderSweep.Result result = sweep(service);

        assertThat(result).isEqualTo(new ReminderSweep.Result(0, 0, 0, 0));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    @Order(2)
    void workDueWithinThreeDaysIsRemindedToItsUnitsInVietnameseAndTheWeeksDigestGoesToTheQmr() throws Exception {
        clock.set(LocalDateTime.of(2023, 5, 9, 12, 0)); // Tuesday: due soon = due 10/05 to 12/05 -> C only

        ReminderSweep.Result result = sweep(service);

        // C (12/05, lead units VP and BCD-ISO) and the week's digest of each organisation (W19, first sweep after Monday 07:00).
        assertThat(result).isEqualTo(new ReminderSweep.Result(1, 2, 2, 0));
        MimeMessage reminder = only(VANPHONG);
        assertThat(reminder.getSubject()).isEqualTo("[Quality Ledger] Nhắc việc: III.2 Tổ chức đánh giá nội bộ đến hạn 12/05/2023");
        assertThat(recipients(reminder)).containsExactlyInAnyOrder(VANPHONG, TRUONGVP, BCD);
        assertThat(only(TRUONGVP).getSubject()).isEqualTo(reminder.getSubject());
        assertThat(only(BCD).getSubject()).isEqualTo(reminder.getSubject());
        String body = text(reminder);
        assertThat(body).startsWith("Kính gửi: VP, BCD-ISO\n")
                .contains("Việc sau đây của đơn vị đến hạn ngày 12/05/2023 (còn 3 ngày) và chưa hoàn thành:")
                .contains("Mục tiêu: MT01 — Giải quyết 100% hồ sơ TTHC đúng hạn")
                .contains("Nội dung thực hiện: III.2 Tổ chức đánh giá nội bộ")
                .contains("Hạn: 12/05/2023")
                .contains("Xem và nộp minh chứng: http://web.test/objectives/SLDTBXH-HD.MTCL-2023-01/occurrences/m3@2023-05-12")
                .doesNotContain("Người thực hiện");
        assertThat(reminder.getFrom()).extracting(Object::toString).containsExactly("nhacviec@sldtbxh.vn");

        MimeMessage digest = only(QMR);
        assertThat(digest.getSubject()).isEqualTo("[Quality Ledger] Tổng hợp việc quá hạn tuần 19/2023: 0 việc");
        assertThat(text(digest)).contains("Tổng hợp việc quá hạn tính đến ngày 09/05/2023 (tuần 19/2023): 0 việc.")
                .contains("Không có việc quá hạn.");
        // the other organisation's digest is recorded for the application, but nobody there has an address
        assertThat(jdbc().queryForObject("SELECT mail_status FROM query.reminder_digest WHERE organisation_id = ?", String.class, OTHER_ORG))
                .isEqualTo("NO_RECIPIENTS");
        assertThat(smtp.getReceivedMessages()).hasSize(4); // three for C, one digest
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    @Order(3)
    void doneWorkIsNeverRemindedOfAndWhatWasRemindedIsNotRemindedAgain() {
        clock.set(LocalDateTime.of(2023, 5, 10, 12, 0)); // due soon = 11/05 to 13/05: C (reminded), B (done on 08/05)

        assertThat(sweep(service)).isEqualTo(new ReminderSweep.Result(0, 0, 0, 0));
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(jdbc().queryForObject("SELECT count(*) FROM query.reminder WHERE occurrence_id = 'm2@2023-05-13'", Integer.class)).isZero();
    }

    @Test
    @Order(4)
    void twoReplicasSweepingAtOnceSendEachReminderOnce() throws Exception {
        clock.set(LocalDateTime.of(2023, 5, 11, 12, 0)); // due soon = 12/05 to 14/05: A and D (C reminded already)
        replica = start();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<ReminderSweep.Result> first = () -> sweep(service);
            Callable<ReminderSweep.Result> second = () -> sweep(replica);
            List<Future<ReminderSweep.Result>> results = threads.invokeAll(List.of(first, second));
            int recorded = 0;
            int sent = 0;
            for (Future<ReminderSweep.Result> result : results) {
                recorded += result.get().recorded();
                sent += result.get().sent();
            }
            assertThat(recorded).isEqualTo(2); // A and D, each by one of the two
            assertThat(sent).isEqualTo(1);     // A; D's organisation has no address for VP
        } finally {
            threads.shutdownNow();
        }
        MimeMessage reminder = only(VANPHONG);
        assertThat(only(TRUONGVP).getSubject()).isEqualTo(reminder.getSubject());
        assertThat(reminder.getSubject()).isEqualTo("[Quality Ledger] Nhắc việc: I.6 Rà soát, cập nhật văn bản quy phạm pháp luật đến hạn 14/05/2023");
        assertThat(text(reminder)).startsWith("Kính gửi: VP\n").contains("(còn 3 ngày)").contains("Người thực hiện: Phạm Minh Hiếu\n")
                .contains("/objectives/SLDTBXH-HD.MTCL-2023-01/occurrences/m1@2023-05-14");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(jdbc().queryForList("SELECT mail_status FROM query.reminder WHERE organisation_id = ?", String.class, OTHER_ORG))
                .containsExactly("NO_RECIPIENTS");
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    @Order(5)
    void workThatFallsDueIsRemindedAsOverdueOnceEvenAfterARestart() throws Exception {
        clock.set(LocalDateTime.of(2023, 5, 12, 9, 0)); // C is due today, not done: overdue, as the board counts it

        assertThat(sweep(service)).isEqualTo(new ReminderSweep.Result(1, 0, 1, 0));
        MimeMessage overdue = only(VANPHONG);
        assertThat(overdue.getSubject()).isEqualTo("[Quality Ledger] Quá hạn: III.2 Tổ chức đánh giá nội bộ (hạn 12/05/2023)");
        assertThat(recipients(overdue)).containsExactlyInAnyOrder(VANPHONG, TRUONGVP, BCD);
        assertThat(text(overdue)).contains("đến hạn ngày 12/05/2023 nhưng chưa hoàn thành (chưa có minh chứng được chấp nhận), nên đã được tính là quá hạn:");
        smtp.purgeEmailFromAllMailboxes();

        // a restart: the service stops and starts again on the same database, the same day and the next
        service.close();
        service = start();
        assertThat(sweep(service)).isEqualTo(new ReminderSweep.Result(0, 0, 0, 0));
        clock.set(LocalDateTime.of(2023, 5, 13, 9, 0));
        assertThat(sweep(service)).isEqualTo(new ReminderSweep.Result(0, 0, 0, 0));
        assertThat(sweep(replica)).isEqualTo(new ReminderSweep.Result(0, 0, 0, 0));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    @Order(6)
    void aReminderTheSmtpServerRefusedIsRetriedByALaterSweepAndSentOnce() throws Exception {
        clock.set(LocalDateTime.of(2023, 5, 14, 8, 0)); // A and D fall due today
        smtp.stop();

        assertThat(sweep(service)).isEqualTo(new ReminderSweep.Result(2, 0, 0, 1));
        Map<String, Object> failed = jdbc().queryForMap(
                "SELECT mail_status, attempts, last_error, sent_at FROM query.reminder WHERE occurrence_id = 'm1@2023-05-14' AND step = 'OVERDUE'");
        assertThat(failed.get("mail_status")).isEqualTo("PENDING");
        assertThat(failed.get("attempts")).isEqualTo(1);
        assertThat((String) failed.get("last_error")).contains("Connection refused");
        assertThat(failed.get("sent_at")).isNull();

        clock.set(LocalDateTime.of(2023, 5, 14, 8, 15)); // the next sweep, the server back
        smtp = startSmtp();
        assertThat(sweep(service)).isEqualTo(new ReminderSweep.Result(0, 0, 1, 0));
        MimeMessage overdue = only(VANPHONG);
        assertThat(overdue.getSubject()).isEqualTo("[Quality Ledger] Quá hạn: I.6 Rà soát, cập nhật văn bản quy phạm pháp luật (hạn 14/05/2023)");
        assertThat(only(TRUONGVP).getSubject()).isEqualTo(overdue.getSubject());
        Map<String, Object> sent = jdbc().queryForMap(
                "SELECT mail_status, attempts, last_error, sent_at FROM query.reminder WHERE occurrence_id = 'm1@2023-05-14' AND step = 'OVERDUE'");
        assertThat(sent.get("mail_status")).isEqualTo("SENT");
        assertThat(sent.get("attempts")).isEqualTo(2);
        assertThat(sent.get("sent_at")).isNotNull();

        assertThat(sweep(service)).isEqualTo(new ReminderSweep.Result(0, 0, 0, 0));
        assertThat(sweep(replica)).isEqualTo(new ReminderSweep.Result(0, 0, 0, 0));
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    @Order(7)
    void theQmrGetsOneDigestAWeekListingTheOverdueWorkPerUnit() throws Exception {
        clock.set(LocalDateTime.of(2023, 5, 15, 6, 59)); // Monday of W20, a minute before the digest is due
        assertThat(sweep(service).digests()).isZero();

        clock.set(LocalDateTime.of(2023, 5, 15, 7, 30));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<ReminderSweep.Result>> results = threads.invokeAll(List.<Callable<ReminderSweep.Result>>of(
                    () -> sweep(service), () -> sweep(replica)));
            assertThat(results.get(0).get().digests() + results.get(1).get().digests()).isEqualTo(2); // one per organisation
        } finally {
            threads.shutdownNow();
        }
        // Overdue on 15/05 in SLDTBXH-HD, by hand: A (14/05, VP), C (12/05, VP and BCD-ISO); B is done, E due 30/06.
        MimeMessage digest = only(QMR);
        assertThat(digest.getSubject()).isEqualTo("[Quality Ledger] Tổng hợp việc quá hạn tuần 20/2023: 2 việc");
        assertThat(text(digest)).contains("""
                Tổng hợp việc quá hạn tính đến ngày 15/05/2023 (tuần 20/2023): 2 việc.

                VP, BCD-ISO: 1 việc
                  - MT01 · III.2 Tổ chức đánh giá nội bộ — hạn 12/05/2023
                    http://web.test/objectives/SLDTBXH-HD.MTCL-2023-01/occurrences/m3@2023-05-12

                VP: 1 việc
                  - MT01 · I.6 Rà soát, cập nhật văn bản quy phạm pháp luật — hạn 14/05/2023 — Phạm Minh Hiếu
                    http://web.test/objectives/SLDTBXH-HD.MTCL-2023-01/occurrences/m1@2023-05-14
                """);
        assertThat(jdbc().queryForObject("SELECT overdue_count FROM query.reminder_digest WHERE organisation_id = ? AND iso_week = '2023-W20'",
                Integer.class, ORG)).isEqualTo(2);
        assertThat(jdbc().queryForObject("SELECT overdue_count FROM query.reminder_digest WHERE organisation_id = ? AND iso_week = '2023-W20'",
                Integer.class, OTHER_ORG)).isEqualTo(1); // D

        // later the same week: none again; the next Monday: the next week's
        clock.set(LocalDateTime.of(2023, 5, 19, 9, 0));
        assertThat(sweep(service).digests()).isZero();
        clock.set(LocalDateTime.of(2023, 5, 22, 7, 0));
        assertThat(sweep(service).digests()).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).extracting(Message::getSubject).containsExactly(
                "[Quality Ledger] Tổng hợp việc quá hạn tuần 20/2023: 2 việc",
                "[Quality Ledger] Tổng hợp việc quá hạn tuần 21/2023: 2 việc");
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    @Order(8)
    void theApplicationShowsAUnitItsRemindersAndKeepsOtherUnitsOut() {
        // VP's reminders, newest first: A overdue (14/05), C overdue (12/05), A due soon (11/05), C due soon (09/05)
        JsonNode vp = read("nhanvienvp", "/api/reminders", 200);
        assertThat(vp.get("totalElements").asLong()).isEqualTo(4);
        assertThat(vp.get("content").valueStream().map(r -> r.get("step").asString() + " " + r.get("occurrenceId").asString()).toList())
                .containsExactly("OVERDUE m1@2023-05-14", "OVERDUE m3@2023-05-12", "DUE_SOON m1@2023-05-14", "DUE_SOON m3@2023-05-12");
        JsonNode first = vp.get("content").get(0);
        assertThat(first.get("mailStatus").asString()).isEqualTo("SENT");
        assertThat(first.get("attempts").asInt()).isEqualTo(2);
        assertThat(first.get("dueDate").asString()).isEqualTo("2023-05-14");
        assertThat(first.get("recordedOn").asString()).isEqualTo("2023-05-14");
        assertThat(first.get("person").asString()).isEqualTo("Phạm Minh Hiếu");

        // P-KHTC's only work was done in time: no reminder; and a unit's staff reads no other unit's
        assertThat(read("nhanvienkhtc", "/api/reminders", 200).get("totalElements").asLong()).isZero();
        assertThat(read("nhanvienkhtc", "/api/reminders?unitId=VP", 403).get("status").asInt()).isEqualTo(403);
        assertThat(read("nhanvienvp", "/api/reminders/digests", 403).get("status").asInt()).isEqualTo(403);

        // the secretary reads the organisation's: the four of VP (two of them BCD-ISO's too), none of SLDTBXH-BG
        assertThat(read("thuky", "/api/reminders", 200).get("totalElements").asLong()).isEqualTo(4);
        assertThat(read("thuky", "/api/reminders?unitId=BCD-ISO&step=OVERDUE", 200).get("totalElements").asLong()).isEqualTo(1);
        assertThat(read("thuky", "/api/reminders?organisationId=SLDTBXH-BG", 403).get("status").asInt()).isEqualTo(403);
        assertThat(read("tinh", "/api/reminders?organisationId=SLDTBXH-BG", 200).get("totalElements").asLong()).isEqualTo(2);
        JsonNode digests = read("qmr", "/api/reminders/digests", 200);
        assertThat(digests.get("content").valueStream().map(d -> d.get("isoWeek").asString() + " " + d.get("overdueCount").asInt()).toList())
                .containsExactly("2023-W21 2", "2023-W20 2", "2023-W19 0");
        assertThat(read("baocao", "/api/reminders", 403).get("status").asInt()).isEqualTo(403);
        // the count for a badge: the distinct pieces of work reminded of and still open today (A and C, each reminded twice)
        JsonNode count = read("nhanvienvp", "/api/reminders/count", 200);
        assertThat(count.get("openWork").asLong()).isEqualTo(2);
        assertThat(count.get("unitId").asString()).isEqualTo("VP");
        assertThat(count.get("asOf").asString()).isEqualTo("2023-05-22");
        assertThat(read("nhanvienkhtc", "/api/reminders/count", 200).get("openWork").asLong()).isZero();
        assertThat(read("nhanvienkhtc", "/api/reminders/count?unitId=VP", 403).get("status").asInt()).isEqualTo(403);
        assertThat(read("thuky", "/api/reminders/count?unitId=BCD-ISO", 200).get("openWork").asLong()).isEqualTo(1);
        assertThat(read("thuky", "/api/reminders/count", 200).get("openWork").asLong()).isEqualTo(2);
        assertThat(read("tinh", "/api/reminders/count?organisationId=SLDTBXH-BG", 200).get("openWork").asLong()).isEqualTo(1);
        assertThat(read("baocao", "/api/reminders/count", 403).get("status").asInt()).isEqualTo(403);
        // malformed filters are problems naming the parameter, never an empty page
        assertThat(read("thuky", "/api/reminders?step=SOON", 400).toString()).contains("step");
        assertThat(read("thuky", "/api/reminders?size=0", 400).toString()).contains("size");
    }

    @Test
    @Order(9)
    void aReminderWaitingForARetryIsWithdrawnWhenTheWorkIsDoneMeanwhile() throws Exception {
        clock.set(LocalDateTime.of(2023, 6, 27, 9, 0)); // Tuesday: E (30/06) is due soon; the week's digests are due too
        smtp.stop();
        assertThat(sweep(service)).isEqualTo(new ReminderSweep.Result(1, 2, 0, 2)); // E's reminder and SLDTBXH-HD's digest failed

        // VP files the evidence and the QMR accepts it on 28/06, before the SMTP server is back
        EventStore events = service.getBean(EventStore.class);
        long next = events.lastSequenceNumberFor(MT01.value()).orElseThrow() + 1;
        OccurrenceId e = OccurrenceId.of("m1@2023-06-30");
        DocumentReference report = new DocumentReference("45/BC-VP", LocalDate.parse("2023-06-28"), "VP", "Báo cáo rà soát văn bản", null, null);
        service.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            events.publish(new GenericDomainEventMessage<>("Objective", MT01.value(), next,
                    new EvidenceSubmittedEvent(MT01, EvidenceId.of("ev-e"), MeasureId.of("m1"), e, report, LocalDate.parse("2023-06-28"))));
            events.publish(new GenericDomainEventMessage<>("Objective", MT01.value(), next + 1,
                    new EvidenceAcceptedEvent(MT01, EvidenceId.of("ev-e"), MeasureId.of("m1"), e, LocalDate.parse("2023-06-28"),
                            LocalDate.parse("2023-06-28"))));
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc().queryForObject(
                "SELECT count(*) FROM query.occurrence WHERE occurrence_id = 'm1@2023-06-30' AND completed_on IS NOT NULL", Integer.class)).isEqualTo(1));

        clock.set(LocalDateTime.of(2023, 6, 28, 10, 0));
        smtp = startSmtp();
        assertThat(sweep(service)).isEqualTo(new ReminderSweep.Result(0, 0, 1, 0)); // the digest only
        assertThat(only(QMR).getSubject()).isEqualTo("[Quality Ledger] Tổng hợp việc quá hạn tuần 26/2023: 2 việc");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(jdbc().queryForObject("SELECT mail_status FROM query.reminder WHERE occurrence_id = 'm1@2023-06-30'", String.class))
                .isEqualTo("WITHDRAWN");
        assertThat(sweep(service)).isEqualTo(new ReminderSweep.Result(0, 0, 0, 0));
        // E was reminded of, and is done: the count of open reminded work leaves it out (A and C remain)
        assertThat(jdbc().queryForObject("SELECT count(*) FROM query.reminder WHERE occurrence_id = 'm1@2023-06-30'", Integer.class)).isEqualTo(1);
        assertThat(read("nhanvienvp", "/api/reminders/count", 200).get("openWork").asLong()).isEqualTo(2);
    }

    // ---- the year ------------------------------------------------------------------------------------------------

    private static void publishTheYear(ObjectiveStreams streams) {
        MeasureId m1 = MeasureId.of("m1");
        MeasureId m2 = MeasureId.of("m2");
        MeasureId m3 = MeasureId.of("m3");
        streams.append(MT01,
                new ObjectiveDefinedEvent(MT01, ORG, 2023, "MT01", "Giải quyết 100% hồ sơ TTHC đúng hạn", null),
                new MeasurePlannedEvent(MT01, m1, null, details("I.6", "Rà soát, cập nhật văn bản quy phạm pháp luật", "VP"),
                        occurrences(m1, "2023-05-14", "2023-06-30")),
                new MeasurePlannedEvent(MT01, m2, null, details("II.1", "Lập dự toán kinh phí ISO", "P-KHTC"), occurrences(m2, "2023-05-13")),
                new MeasurePlannedEvent(MT01, m3, null, details("III.2", "Tổ chức đánh giá nội bộ", "VP", "BCD-ISO"),
                        occurrences(m3, "2023-05-12")),
                new TaskAssignedEvent(MT01, m1, null, "VP", "Phạm Minh Hiếu", LocalDate.parse("2023-01-10")),
                new TaskAssignedEvent(MT01, m2, null, "P-KHTC", null, LocalDate.parse("2023-01-10")));
        DocumentReference document = new DocumentReference("12/KH-KHTC", LocalDate.parse("2023-05-05"), "P-KHTC",
                "Dự toán kinh phí duy trì ISO 2023", null, null);
        streams.append(MT01,
                new EvidenceSubmittedEvent(MT01, EvidenceId.of("ev-b"), m2, OccurrenceId.of("m2@2023-05-13"), document, LocalDate.parse("2023-05-05")),
                new EvidenceAcceptedEvent(MT01, EvidenceId.of("ev-b"), m2, OccurrenceId.of("m2@2023-05-13"),
                        LocalDate.parse("2023-05-08"), LocalDate.parse("2023-05-08")));
        MeasureId d = MeasureId.of("d");
        streams.append(OTHER,
                new ObjectiveDefinedEvent(OTHER, OTHER_ORG, 2023, "MT01", "Mục tiêu của Sở khác", null),
                new MeasurePlannedEvent(OTHER, d, null, details("1", "Việc của Sở khác", "VP"), occurrences(d, "2023-05-14")),
                new TaskAssignedEvent(OTHER, d, null, "VP", null, LocalDate.parse("2023-01-05")));
    }

    private static MeasureDetails details(String code, String title, String... leadUnits) {
        return new MeasureDetails(code, title, List.of(leadUnits), List.of(), List.of("QMR"), List.of("Báo cáo"),
                new Schedule("Theo kế hoạch", List.of(ScheduleRule.adHoc("theo kế hoạch"))));
    }

    private static List<ScheduledOccurrence> occurrences(MeasureId measure, String... dueDates) {
        return Arrays.stream(dueDates)
                .map(due -> new ScheduledOccurrence(OccurrenceId.of(measure.value() + "@" + due), LocalDate.parse(due)))
                .toList();
    }

    // ---- the service, the clock, the mail ---------------------------------------------------------------------------

    private ConfigurableApplicationContext start() {
        SpringApplication application = QueryServiceApplication.application();
        application.addInitializers(context -> ((GenericApplicationContext) context)
                .registerBean("reminderTestClock", Clock.class, () -> clock, definition -> definition.setPrimary(true)));
        return application.run(
                "--server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--axon.eventhandling.processors.objective-progress.thread-count=2",
                "--quality-ledger.ledger.interval=PT0S",
                "--quality-ledger.reminders.interval=PT0S", // the test sweeps when its clock says so
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--quality-ledger.reminders.from=nhacviec@sldtbxh.vn",
                "--quality-ledger.reminders.web-base-url=http://web.test/",
                "--quality-ledger.reminders.recipients.SLDTBXH-HD.VP=" + VANPHONG + "," + TRUONGVP,
                "--quality-ledger.reminders.recipients.SLDTBXH-HD.P-KHTC=" + KHTC,
                "--quality-ledger.reminders.recipients.SLDTBXH-HD.BCD-ISO=" + BCD,
                "--quality-ledger.reminders.qmr.SLDTBXH-HD=" + QMR);
    }

    private static ReminderSweep.Result sweep(ConfigurableApplicationContext context) {
        return context.getBean(ReminderSweep.class).run();
    }

    private JdbcTemplate jdbc() {
        return service.getBean(JdbcTemplate.class);
    }

    private JsonNode read(String user, String path, int expectedStatus) {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .exchange((request, response) -> {
                    String raw = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(response.getStatusCode().value()).as("GET %s as %s answered %s", path, user, raw).isEqualTo(expectedStatus);
                    return JSON.readTree(raw);
                });
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** The one message delivered to this address's mailbox since the last purge. */
    private MimeMessage only(String address) throws Exception {
        GreenMailUser user = smtp.getUserManager().getUserByEmail(address);
        List<MimeMessage> delivered = user == null ? List.of()
                : smtp.getManagers().getImapHostManager().getInbox(user).getMessages().stream().map(StoredMessage::getMimeMessage).toList();
        assertThat(delivered).as("messages delivered to %s", address).hasSize(1);
        return delivered.get(0);
    }

    private static List<String> recipients(MimeMessage message) throws Exception {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    private static String text(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The agency's clock, set by the test. */
    static final class SettableClock extends Clock {

        private volatile Instant now = Instant.EPOCH;

        void set(LocalDateTime localTime) {
            now = localTime.atZone(ZONE).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the agency lives in Asia/Ho_Chi_Minh");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
