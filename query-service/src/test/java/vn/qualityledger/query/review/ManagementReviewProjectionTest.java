package vn.qualityledger.query.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.qualityledger.api.review.ManagementReviewHeldEvent;
import vn.qualityledger.api.review.ManagementReviewId;
import vn.qualityledger.api.review.ManagementReviewPlannedEvent;
import vn.qualityledger.api.review.QmsConclusion;
import vn.qualityledger.api.review.ReviewDecisionCompletedEvent;
import vn.qualityledger.api.review.ReviewDecisionId;
import vn.qualityledger.api.review.ReviewDecisionKind;
import vn.qualityledger.api.review.ReviewDecisionOverdueEvent;
import vn.qualityledger.api.review.ReviewDecisionRecordedEvent;
import vn.qualityledger.api.review.ReviewNotes;
import vn.qualityledger.api.review.ReviewNotesRecordedEvent;
import vn.qualityledger.api.review.ReviewPerson;
import vn.qualityledger.api.review.ReviewTrigger;
import vn.qualityledger.query.IntegrationDatabase;
import vn.qualityledger.query.progress.ProjectionReplay;
import vn.qualityledger.support.TestDatabase;

/** The projection and its reads against the real PostgreSQL, fed by hand; every figure counted by hand. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementReviewProjectionTest {

    private static final String ORG = "so-test";
    private static final ManagementReviewId REVIEW = ManagementReviewId.of("xem-xet-2024-1");

    private JdbcTemplate jdbc;
    private ManagementReviewRepository repository;
    private long sequence;

    @BeforeAll
    void database() {
        String url = TestDatabase.recreate("ql_test_query_management_review");
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password()).schemas("query")
                .locations("classpath:db/query").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(IntegrationDatabase.asQueryServiceConnects(url), TestDatabase.user(), TestDatabase.password());
        jdbc = new JdbcTemplate(dataSource);
        repository = new ManagementReviewRepository(new NamedParameterJdbcTemplate(dataSource));
    }

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE query.management_review, query.review_decision, query.audit CASCADE");
        sequence = 0;
    }

    /**
     * Three decisions due 31/07, 31/08 and 30/09/2024: d1 done on 20/07 (on time), d2 done on 05/09 (late, after its
     * overdue event), d3 never done. On 15/08: d1 DONE, d2 OPEN, d3 OPEN. On 10/10: d1 DONE, d2 DONE (late), d3 OVERDUE.
     */
    @Test
    void tracksEachStepWithWhoDidItAndTheDecisionsStatusOnADate() {
        apply();

        var detail = repository.review(REVIEW.value(), LocalDate.of(2024, 8, 15)).orElseThrow();
        assertThat(detail.status()).isEqualTo("HELD");
        assertThat(detail.plannedBy()).isEqualTo("Nguyễn Thị Thu");
        assertThat(detail.heldBy()).isEqualTo("Trần Văn Quang");
        assertThat(detail.participants()).containsExactly(new ManagementReviewRepository.Person("Lê Văn Bình", "Phó Giám đốc"),
                new ManagementReviewRepository.Person("Phạm Thị Hoa", null));
        assertThat(detail.notes().contextChanges()).isEqualTo("Luật mới về đầu tư công"); // the second notes replaced the first
        assertThat(detail.notes().other()).isNull();
        assertThat(detail.cutOff()).isEqualTo(Instant.parse("2024-07-05T10:00:00Z"));
        assertThat(detail.decisions()).extracting(ManagementReviewRepository.Decision::status).containsExactly("DONE", "OPEN", "OPEN");

        var later = repository.review(REVIEW.value(), LocalDate.of(2024, 10, 10)).orElseThrow();
        assertThat(later.decisions()).extracting(ManagementReviewRepository.Decision::status).containsExactly("DONE", "DONE", "OVERDUE");
        assertThat(later.decisions()).extracting(ManagementReviewRepository.Decision::completedOnTime).containsExactly(true, false, null);
        assertThat(later.decisions().get(0).completedBy()).isEqualTo("Phòng Kế hoạch");

        assertThat(repository.decisions(ORG, "OVERDUE", LocalDate.of(2024, 10, 10)))
                .extracting(ManagementReviewRepository.Decision::decisionId).containsExactly("d3");
        assertThat(repository.decisions("so-khac", null, LocalDate.of(2024, 10, 10))).isEmpty();

        var rows = repository.reviews(ORG, 2024, LocalDate.of(2024, 10, 10));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).extracting("decisions", "decisionsOpen", "decisionsOverdue", "decisionsDone").containsExactly(3, 0, 1, 2);
        assertThat(repository.reviews(ORG, 2025, LocalDate.of(2024, 10, 10))).isEmpty();
    }

    @Test
    void storesTheSameRowsWhenEventsAreDeliveredAgain() {
        List<GenericDomainEventMessage<?>> messages = messages();
        messages.forEach(live()::apply);
        var once = jdbc.queryForList("SELECT * FROM query.review_decision ORDER BY decision_id").toString()
                + jdbc.queryForList("SELECT * FROM query.management_review").toString();
        messages.forEach(live()::apply);
        assertThat(jdbc.queryForList("SELECT * FROM query.review_decision ORDER BY decision_id").toString()
                + jdbc.queryForList("SELECT * FROM query.management_review").toString()).isEqualTo(once);
    }

    /** Held 04/07/2024: next due 04/01/2025. An audit closed 10/09/2024 makes one due; overdue from 05/01/2025. */
    @Test
    void aReviewIsDueSixMonthsAfterTheLastOneOrAfterAnAuditClosedSince() {
        assertThat(repository.due(ORG, LocalDate.of(2024, 7, 1)).reason()).isEqualTo("NO_REVIEW_HELD");
        apply();
        assertThat(repository.due(ORG, LocalDate.of(2024, 7, 3)).status()).isEqualTo("DUE"); // held on the 4th
        ReviewDue afterMeeting = repository.due(ORG, LocalDate.of(2024, 8, 1));
        assertThat(afterMeeting.status()).isEqualTo("NOT_DUE");
        assertThat(afterMeeting.nextDueOn()).isEqualTo(LocalDate.of(2025, 1, 4));

        jdbc.update("INSERT INTO query.audit (id, organisation_id, year, title, planned_from, planned_to, planned_on, closed_on) "
                + "VALUES ('dgnb-1', ?, 2024, 'ĐGNB', DATE '2024-06-01', DATE '2024-06-10', DATE '2024-05-01', DATE '2024-06-20'), "
                + "('dgnb-2', ?, 2024, 'ĐGNB đợt 2', DATE '2024-09-01', DATE '2024-09-05', DATE '2024-08-01', DATE '2024-09-10')", ORG, ORG);
        assertThat(repository.due(ORG, LocalDate.of(2024, 9, 9)).status()).isEqualTo("NOT_DUE"); // dgnb-1 closed before the meeting
        ReviewDue afterAudit = repository.due(ORG, LocalDate.of(2024, 9, 10));
        assertThat(afterAudit.status()).isEqualTo("DUE");
        assertThat(afterAudit.auditClosedAfterLastReview()).isEqualTo("dgnb-2");
        assertThat(repository.due(ORG, LocalDate.of(2025, 1, 5)).status()).isEqualTo("OVERDUE");
        assertThat(repository.due("so-khac", LocalDate.of(2024, 9, 10)).reason()).isEqualTo("NO_REVIEW_HELD");
    }

    /** A review held for an audit (AFTER_INTERNAL_AUDIT, naming it) covers that audit, even one closed after the meeting. */
    @Test
    void anAuditThatAHeldReviewNamesDoesNotMakeAnotherReviewDue() {
        apply(); // held 04/07/2024
        jdbc.update("INSERT INTO query.audit (id, organisation_id, year, title, planned_from, planned_to, planned_on, closed_on) "
                + "VALUES ('dgnb-3', ?, 2024, 'ĐGNB đợt 3', DATE '2024-10-01', DATE '2024-10-05', DATE '2024-09-01', DATE '2024-10-20')", ORG);
        ReviewDue unreviewed = repository.due(ORG, LocalDate.of(2024, 10, 21));
        assertThat(unreviewed.status()).isEqualTo("DUE");
        assertThat(unreviewed.auditClosedAfterLastReview()).isEqualTo("dgnb-3");
        // Reviewed on 18/10, two days before the audit's closing was recorded.
        jdbc.update("INSERT INTO query.management_review (id, organisation_id, title, trigger, audit_id, period_from, period_to, "
                + "scheduled_on, chair_name, planned_on, held_on) VALUES ('xxld-dgnb-3', ?, 'Xem xét sau ĐGNB đợt 3', "
                + "'AFTER_INTERNAL_AUDIT', 'dgnb-3', DATE '2024-07-01', DATE '2024-10-05', DATE '2024-10-18', 'Trần Văn Quang', "
                + "DATE '2024-10-10', DATE '2024-10-18')", ORG);
        ReviewDue reviewed = repository.due(ORG, LocalDate.of(2024, 10, 21));
        assertThat(reviewed.status()).isEqualTo("NOT_DUE");
        assertThat(reviewed.lastHeldOn()).isEqualTo(LocalDate.of(2024, 10, 18));
    }

    private void apply() {
        messages().forEach(live()::apply);
    }

    private ProjectionReplay live() {
        return new ProjectionReplay(new ManagementReviewProjection(jdbc));
    }

    private List<GenericDomainEventMessage<?>> messages() {
        sequence = 0;
        ReviewNotes first = new ReviewNotes("Chưa có", null, null, null, null, null, "ghi chú");
        ReviewNotes second = new ReviewNotes("Luật mới về đầu tư công", "Ý kiến người dân tốt", null, null, null, null, null);
        return List.of(
                by("Nguyễn Thị Thu", new ManagementReviewPlannedEvent(REVIEW, ORG, "Xem xét của lãnh đạo 6 tháng đầu năm 2024",
                        ReviewTrigger.PERIODIC, null, d("2024-01-01"), d("2024-06-30"), d("2024-07-04"),
                        new ReviewPerson("Trần Văn Quang", "Giám đốc"),
                        List.of(new ReviewPerson("Lê Văn Bình", "Phó Giám đốc"), new ReviewPerson("Phạm Thị Hoa", null)), d("2024-06-01"))),
                by("Nguyễn Thị Thu", new ReviewNotesRecordedEvent(REVIEW, first, d("2024-06-20"))),
                by("Nguyễn Thị Thu", new ReviewNotesRecordedEvent(REVIEW, second, d("2024-07-01"))),
                by("Trần Văn Quang", new ManagementReviewHeldEvent(REVIEW, d("2024-07-04"), Instant.parse("2024-07-05T10:00:00Z"),
                        List.of(new ReviewPerson("Trần Văn Quang", "Giám đốc")), "Họp đủ thành phần",
                        new QmsConclusion(true, true, false, "Hệ thống phù hợp, cần cải tiến hiệu lực"))),
                by("Trần Văn Quang", decision("d1", d("2024-07-31"))),
                by("Trần Văn Quang", decision("d2", d("2024-08-31"))),
                by("Trần Văn Quang", decision("d3", d("2024-09-30"))),
                by("Phòng Kế hoạch", new ReviewDecisionCompletedEvent(REVIEW, ReviewDecisionId.of("d1"), d("2024-07-20"), null, "Đã làm")),
                by("system", new ReviewDecisionOverdueEvent(REVIEW, ReviewDecisionId.of("d2"), "Phòng Kế hoạch", d("2024-08-31"))),
                by("Phòng Kế hoạch", new ReviewDecisionCompletedEvent(REVIEW, ReviewDecisionId.of("d2"), d("2024-09-05"), null, "Trễ")),
                by("system", new ReviewDecisionOverdueEvent(REVIEW, ReviewDecisionId.of("d3"), "Phòng Kế hoạch", d("2024-09-30"))));
    }

    private static ReviewDecisionRecordedEvent decision(String id, LocalDate due) {
        return new ReviewDecisionRecordedEvent(REVIEW, ReviewDecisionId.of(id), ReviewDecisionKind.IMPROVEMENT, "Cải tiến " + id,
                "Phòng Kế hoạch", due, d("2024-07-04"));
    }

    private GenericDomainEventMessage<?> by(String actorName, Object event) {
        return new GenericDomainEventMessage<>("ManagementReview", REVIEW.value(), sequence++, event,
                MetaData.with("actorName", actorName));
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }
}
