package vn.qualityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.qualityledger.query.AuditYearScenario.A0;
import static vn.qualityledger.query.AuditYearScenario.A1;
import static vn.qualityledger.query.AuditYearScenario.A2;
import static vn.qualityledger.query.AuditYearScenario.NC0;
import static vn.qualityledger.query.AuditYearScenario.NC1;
import static vn.qualityledger.query.AuditYearScenario.NC2;
import static vn.qualityledger.query.AuditYearScenario.NC3;
import static vn.qualityledger.query.AuditYearScenario.NC4;
import static vn.qualityledger.query.AuditYearScenario.NC5;
import static vn.qualityledger.query.AuditYearScenario.NC6;
import static vn.qualityledger.query.AuditYearScenario.OBJ;
import static vn.qualityledger.query.AuditYearScenario.OBJ_2023;
import static vn.qualityledger.query.AuditYearScenario.ORG;
import static vn.qualityledger.query.AuditYearScenario.PKH;
import static vn.qualityledger.query.AuditYearScenario.PLD;
import static vn.qualityledger.query.AuditYearScenario.TTBT;
import static vn.qualityledger.query.AuditYearScenario.TTS;
import static vn.qualityledger.query.AuditYearScenario.VPS;
import static vn.qualityledger.query.AuditYearScenario.d;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.contract.EventContract;
import vn.qualityledger.api.audit.FindingKind;
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.query.auditprogramme.AuditProgramme;
import vn.qualityledger.query.auditprogramme.AuditProgramme.AuditStatus;
import vn.qualityledger.query.auditprogramme.AuditProgramme.AuditedUnit;
import vn.qualityledger.query.auditprogramme.AuditProgramme.ClauseFindings;
import vn.qualityledger.query.auditprogramme.AuditProgramme.DueUnit;
import vn.qualityledger.query.auditprogramme.AuditProgramme.KindCounts;
import vn.qualityledger.query.auditprogramme.AuditProgramme.UnitFindings;
import vn.qualityledger.query.nonconformity.NonconformityDetail;
import vn.qualityledger.query.nonconformity.NonconformityRow;
import vn.qualityledger.query.nonconformity.NonconformitySummary;
import vn.qualityledger.query.nonconformity.NonconformitySummary.ClauseCount;
import vn.qualityledger.query.nonconformity.NonconformitySummary.RepeatClause;
import vn.qualityledger.query.nonconformity.NonconformitySummary.UnitCount;
import vn.qualityledger.query.nonconformity.ObjectiveNonconformities;
import vn.qualityledger.query.tracking.NonconformityStatus;
import vn.qualityledger.query.web.PageResponse;

/**
 * Audit and nonconformity events through the event store and the nonconformity-tracking processor into PostgreSQL,
 * read back over HTTP. Every expected figure is worked out by hand from the facts listed on {@link AuditYearScenario}.
 * Dates: D1 = 2024-06-05, D2 = 2024-12-31; KNOWN_AT is before NC2's reopening and NC3's closure were recorded.
 */
@SpringBootTest(properties = "spring.config.name=query-service")
@AutoConfigureMockMvc
@WithUserDetails("tinh") // a demo user who reads every organisation
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NonconformityFiguresIntegrationTest {

    private static final String D1 = "2024-06-05";
    private static final String D2 = "2024-12-31";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_query_nonconformities");
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;

    private Instant knownAt;

    @BeforeAll
    void publish(@Autowired EventStore eventStore, @Autowired TransactionTemplate transaction) {
        knownAt = AuditYearScenario.publish(new ObjectiveStreams(eventStore, transaction));
        AuditYearScenario.awaitProjected(jdbc);
    }

    // ---- the tracker ---------------------------------------------------------------------------------------------

    @Test
    void canComputeEveryTrackerFigureInJune() {
        NonconformitySummary june = summary("asOf=" + D1);

        // Raised by 06-05: NC0, NC1, NC2, NC5, NC6 (NC3, NC4 come in September; NC-VL-1 is another organisation's).
        // NC0 CLOSED (2023-12-01). NC1: a2 planned 05-22, not implemented -> ACTIONS_PLANNED. NC2: b1 due 05-31, not
        // implemented until 06-10 -> ACTIONS_PLANNED and overdue. NC5: e1 implemented, its only verification not
        // effective -> IMPLEMENTED. NC6: raised that very day, no action -> RAISED.
        assertThat(june.total()).isEqualTo(5);
        assertThat(june.byStatus()).isEqualTo(statuses(1, 2, 1, 0, 1, 0));
        assertThat(june.open()).isEqualTo(4);
        assertThat(june.closed()).isEqualTo(1);
        assertThat(june.overdue()).isEqualTo(1);        // NC2
        assertThat(june.overdueActions()).isEqualTo(1); // b1: due 05-31 < 06-05, implemented only 06-10
        // Ages to 06-05: NC1 64 (04-02), NC2 63 (04-03), NC5 142 (01-15: 31 + 29 + 31 + 30 + 21), NC6 0. Oldest: 142.
        assertThat(june.oldestOpenAgeDays()).isEqualTo(142);
        // Closed by then: NC0 only, 2023-10-05 -> 2023-12-01 = 57 days; one value is its own median and 90th percentile.
        assertThat(june.medianDaysToClose()).isEqualTo(new BigDecimal("57.00"));
        assertThat(june.p90DaysToClose()).isEqualTo(new BigDecimal("57.00"));
        // First verifications by then: NC0 effective, NC1 not (05-20), NC5 not (04-15); NC2's comes 06-20. 1 of 3.
        assertThat(june.verified()).isEqualTo(3);
        assertThat(june.firstTimeEffective()).isEqualTo(1);
        assertThat(june.firstTimeEffectiveRate()).isEqualTo(new BigDecimal("33.33"));
        assertThat(june.bySource()).isEqualTo(Map.of(NonconformitySource.AUDIT_FINDING, 3L, NonconformitySource.OBJECTIVE_NOT_ACHIEVED, 1L,
                NonconformitySource.COMPLAINT, 1L, NonconformitySource.MANUAL, 0L));
        assertThat(june.bySeverity()).isEqualTo(Map.of(Severity.MAJOR, 2L, Severity.MINOR, 3L)); // NC1, NC5 | NC0, NC2, NC6
        // PKH: NC0 (closed), NC2 (open, overdue), NC5 (open).
        assertThat(june.byUnit()).containsExactly(new UnitCount(PKH, 3, 2, 1), new UnitCount(TTBT, 1, 1, 0), new UnitCount(VPS, 1, 1, 0));
        // In the standard's order: 6.2 (NC5), 7.5.3 (NC1), 8.2.1 (NC6), 9.1.3 (NC0 closed, NC2 open and overdue).
        assertThat(june.byClause()).extracting(ClauseCount::clause, ClauseCount::total, ClauseCount::open, ClauseCount::overdue)
                .containsExactly(org.assertj.core.api.Assertions.tuple("6.2", 1L, 1L, 0L),
                        org.assertj.core.api.Assertions.tuple("7.5.3", 1L, 1L, 0L),
                        org.assertj.core.api.Assertions.tuple("8.2.1", 1L, 1L, 0L),
                        org.assertj.core.api.Assertions.tuple("9.1.3", 2L, 1L, 1L));
        assertThat(june.byClause().get(1).title()).isEqualTo("Control of documented information");
        // Audit-finding NCs by then: 9.1.3 from A0 (NC0) and A1 (NC2) -> a repeat; 7.5.3 from A1 only.
        assertThat(june.repeatClauses()).containsExactly(new RepeatClause("9.1.3", "Analysis and evaluation",
                List.of(A0.value(), A1.value()), List.of(NC0.value(), NC2.value())));
    }

    @Test
    void countsOnlyTheYearsNonconformitiesWhenAYearIsGivenButFindsRepeatsAcrossYears() {
        NonconformitySummary june2024 = summary("year=2024&asOf=" + D1);
        // NC0 (raised 2023) drops out: NC1, NC2, NC5, NC6; none closed, so no days to close.
        assertThat(june2024.total()).isEqualTo(4);
        assertThat(june2024.byStatus()).isEqualTo(statuses(1, 2, 1, 0, 0, 0));
        assertThat(june2024.closed()).isZero();
        assertThat(june2024.medianDaysToClose()).isNull();
        assertThat(june2024.p90DaysToClose()).isNull();
        // NC1 and NC5 verified, both not effective the first time: 0 of 2.
        assertThat(june2024.verified()).isEqualTo(2);
        assertThat(june2024.firstTimeEffectiveRate()).isEqualTo(new BigDecimal("0.00"));
        assertThat(june2024.repeatClauses()).extracting(RepeatClause::clause).containsExactly("9.1.3");
        // Before anything was raised there is nothing to rate.
        NonconformitySummary empty = summary("year=2024&asOf=2024-01-01");
        assertThat(empty.total()).isZero();
        assertThat(empty.firstTimeEffectiveRate()).isNull();
        assertThat(empty.oldestOpenAgeDays()).isNull();
        assertThat(empty.byStatus()).isEqualTo(statuses(0, 0, 0, 0, 0, 0));
    }

    @Test
    void canComputeEveryTrackerFigureAtYearEnd() {
        NonconformitySummary yearEnd = summary("asOf=" + D2);

        // NC0, NC1 (07-05), NC3 (10-25) CLOSED; NC2 closed 06-25 but REOPENED 08-20; NC4 RAISED; NC5 IMPLEMENTED (its
        // verification failed, no new action); NC6 IMPLEMENTED (never verified).
        assertThat(yearEnd.total()).isEqualTo(7);
        assertThat(yearEnd.byStatus()).isEqualTo(statuses(1, 0, 2, 0, 3, 1));
        assertThat(yearEnd.open()).isEqualTo(4);
        assertThat(yearEnd.closed()).isEqualTo(3);
        // b2 (NC2): due 09-30, never implemented.
        assertThat(yearEnd.overdue()).isEqualTo(1);
        assertThat(yearEnd.overdueActions()).isEqualTo(1);
        // NC5: 2024-01-15 -> 2024-12-31 = 366 - 15 = 351 days, the oldest open one.
        assertThat(yearEnd.oldestOpenAgeDays()).isEqualTo(351);
        // Days to close, sorted: NC3 45, NC0 57, NC1 94 (NC2's 83 no longer counts: reopened).
        // percentile_cont: median at rank (3 - 1) * 0.5 = 1 -> 57; p90 at rank 1.8 -> 57 + 0.8 * (94 - 57) = 86.6.
        assertThat(yearEnd.medianDaysToClose()).isEqualTo(new BigDecimal("57.00"));
        assertThat(yearEnd.p90DaysToClose()).isEqualTo(new BigDecimal("86.60"));
        // First verifications: NC0 yes, NC1 no, NC2 yes (06-20), NC3 yes, NC5 no; NC4 and NC6 never verified. 3 of 5.
        assertThat(yearEnd.verified()).isEqualTo(5);
        assertThat(yearEnd.firstTimeEffective()).isEqualTo(3);
        assertThat(yearEnd.firstTimeEffectiveRate()).isEqualTo(new BigDecimal("60.00"));
        assertThat(yearEnd.bySource()).isEqualTo(Map.of(NonconformitySource.AUDIT_FINDING, 5L, NonconformitySource.OBJECTIVE_NOT_ACHIEVED, 1L,
                NonconformitySource.COMPLAINT, 1L, NonconformitySource.MANUAL, 0L));
        assertThat(yearEnd.bySeverity()).isEqualTo(Map.of(Severity.MAJOR, 3L, Severity.MINOR, 4L)); // NC1, NC4, NC5
        assertThat(yearEnd.byUnit()).containsExactly(new UnitCount(PKH, 3, 2, 1), new UnitCount(PLD, 1, 1, 0),
                new UnitCount(TTS, 1, 0, 0), new UnitCount(TTBT, 1, 1, 0), new UnitCount(VPS, 1, 0, 0));
        assertThat(yearEnd.byClause()).extracting(ClauseCount::clause, ClauseCount::total, ClauseCount::open, ClauseCount::overdue)
                .containsExactly(org.assertj.core.api.Assertions.tuple("6.2", 1L, 1L, 0L),
                        org.assertj.core.api.Assertions.tuple("7.5.3", 2L, 0L, 0L),
                        org.assertj.core.api.Assertions.tuple("8.2.1", 1L, 1L, 0L),
                        org.assertj.core.api.Assertions.tuple("8.5.1", 1L, 1L, 0L),
                        org.assertj.core.api.Assertions.tuple("9.1.3", 2L, 1L, 1L));
        // 7.5.3 now comes from A1 (NC1) and A2 (NC3) too.
        assertThat(yearEnd.repeatClauses()).containsExactly(
                new RepeatClause("7.5.3", "Control of documented information", List.of(A1.value(), A2.value()), List.of(NC1.value(), NC3.value())),
                new RepeatClause("9.1.3", "Analysis and evaluation", List.of(A0.value(), A1.value()), List.of(NC0.value(), NC2.value())));
    }

    @Test
    void showsTheFiguresAsTheyWereRecordedAtAnInstant() {
        NonconformitySummary asRecorded = summary("asOf=" + D2 + "&knownAt=" + knownAt);

        // Not yet recorded then: NC2's reopening (and b2), NC3's closure. So NC2 is CLOSED (83 days), NC3 VERIFIED
        // (c1 implemented and verified effective, not closed), and nothing is overdue.
        assertThat(asRecorded.byStatus()).isEqualTo(statuses(1, 0, 2, 1, 3, 0));
        assertThat(asRecorded.open()).isEqualTo(4);     // NC3, NC4, NC5, NC6
        assertThat(asRecorded.overdue()).isZero();
        assertThat(asRecorded.overdueActions()).isZero();
        // Days to close, sorted: 57 (NC0), 83 (NC2), 94 (NC1): median 83; p90 = 83 + 0.8 * (94 - 83) = 91.8.
        assertThat(asRecorded.medianDaysToClose()).isEqualTo(new BigDecimal("83.00"));
        assertThat(asRecorded.p90DaysToClose()).isEqualTo(new BigDecimal("91.80"));
        assertThat(asRecorded.firstTimeEffectiveRate()).isEqualTo(new BigDecimal("60.00"));
        assertThat(asRecorded.repeatClauses()).hasSize(2);

        // The list reads the same way, in order of raising: NC0 2023-10-05, NC1 04-02, NC2 04-03.
        PageResponse<NonconformityRow> closed = list("status=CLOSED&asOf=" + D2 + "&knownAt=" + knownAt);
        assertThat(closed.content()).extracting(NonconformityRow::nonconformityId).containsExactly(NC0.value(), NC1.value(), NC2.value());
        assertThat(closed.content().get(2).closedOn()).isEqualTo(d("2024-06-25"));
    }

    // ---- the list ------------------------------------------------------------------------------------------------

    @Test
    void listsNonconformitiesInOrderOfRaisingWithTheirStateAsOfTheDate() {
        PageResponse<NonconformityRow> all = list("asOf=" + D2);
        assertThat(all.totalElements()).isEqualTo(7);
        assertThat(all.content()).extracting(NonconformityRow::nonconformityId).containsExactly(NC0.value(), NC5.value(), NC1.value(),
                NC2.value(), NC6.value(), NC3.value(), NC4.value());
        NonconformityRow nc2 = all.content().get(3);
        // Raised 04-03, reopened, not closed: age 04-03 -> 12-31 = 366 - 94 = 272; b2 overdue.
        assertThat(nc2).isEqualTo(new NonconformityRow(NC2.value(), NonconformitySource.AUDIT_FINDING, Severity.MINOR, PKH, "9.1.3",
                "Phát hiện F2 tại Phòng Kế hoạch", d("2024-04-03"), NonconformityStatus.REOPENED, null, 272, true, 1, 2,
                A1.value(), "F2", null));
        // NC1 closed 07-05 after 94 days.
        assertThat(all.content().get(2).closedOn()).isEqualTo(d("2024-07-05"));
        assertThat(all.content().get(2).ageDays()).isEqualTo(94);
        // NC4 (09-12) open 110 days by year end; NC6 (06-05) 209.
        assertThat(all.content().get(6).ageDays()).isEqualTo(110);
        assertThat(all.content().get(4).ageDays()).isEqualTo(209);
    }

    @Test
    void filtersTheListByEachCriterion() {
        assertThat(ids("status=IMPLEMENTED&asOf=" + D2)).containsExactly(NC5.value(), NC6.value());
        assertThat(ids("status=ACTIONS_PLANNED&asOf=" + D1)).containsExactly(NC1.value(), NC2.value());
        assertThat(ids("source=COMPLAINT&asOf=" + D2)).containsExactly(NC6.value());
        assertThat(ids("unit={u}&asOf=" + D2, PKH)).containsExactly(NC0.value(), NC5.value(), NC2.value());
        assertThat(ids("clause=7.5.3&asOf=" + D2)).containsExactly(NC1.value(), NC3.value());
        assertThat(ids("severity=MAJOR&asOf=" + D2)).containsExactly(NC5.value(), NC1.value(), NC4.value());
        assertThat(ids("overdue=true&asOf=" + D1)).containsExactly(NC2.value());
        assertThat(ids("overdue=true&asOf=2024-06-10")).isEmpty(); // b1 implemented that day
        assertThat(ids("overdue=false&asOf=" + D2)).hasSize(6);
        assertThat(ids("year=2023&asOf=" + D2)).containsExactly(NC0.value());

        PageResponse<NonconformityRow> second = list("asOf=" + D2 + "&page=1&size=3");
        assertThat(second.content()).extracting(NonconformityRow::nonconformityId).containsExactly(NC2.value(), NC6.value(), NC3.value());
        assertThat(second.totalElements()).isEqualTo(7);
        assertThat(second.totalPages()).isEqualTo(3);
    }

    // ---- one nonconformity ---------------------------------------------------------------------------------------

    @Test
    void showsWhereANonconformityCameFromAndEachStepDatedByThen() {
        // 07-03: a2 verified effective on 07-01, closure only on 07-05 -> VERIFIED; age 04-02 -> 07-03 = 92.
        NonconformityDetail nc1 = read(NonconformityDetail.class, "/api/nonconformities/{id}?asOf=2024-07-03", NC1.value());
        assertThat(nc1.status()).isEqualTo(NonconformityStatus.VERIFIED);
        assertThat(nc1.ageDays()).isEqualTo(92);
        assertThat(nc1.clauseTitle()).isEqualTo("Control of documented information");
        assertThat(nc1.origin().source()).isEqualTo(NonconformitySource.AUDIT_FINDING);
        assertThat(nc1.origin().audit()).isEqualTo(new NonconformityDetail.AuditRef(A1.value(), "Đánh giá nội bộ đợt 1 năm 2024", 2024));
        assertThat(nc1.origin().finding()).isEqualTo(new NonconformityDetail.FindingRef("F1", VPS, "7.5.3", "Control of documented information",
                FindingKind.MAJOR_NONCONFORMITY, "Phát hiện F1 tại Văn phòng Sở", "Sổ theo dõi năm 2024", d("2024-04-02")));
        assertThat(nc1.rootCause()).isEqualTo("Chưa phân công người kiểm soát tài liệu");
        assertThat(nc1.actions()).extracting(NonconformityDetail.Action::actionId).containsExactly("a1", "a2");
        assertThat(nc1.actions().get(0).verifications()).containsExactly(
                new NonconformityDetail.Verification(false, "Hồ sơ vẫn chưa được kiểm soát", d("2024-05-20"), null));
        assertThat(nc1.actions().get(1).verifications()).containsExactly(new NonconformityDetail.Verification(true, null, d("2024-07-01"), null));
        assertThat(nc1.closures()).isEmpty();
        // These events carry no actor in their metadata (stored without attribution): the detail names nobody.
        assertThat(nc1.raisedBy()).isNull();
        assertThat(nc1.actions().get(0).implementedBy()).isNull();

        // In April only the correction and root cause exist; no action yet.
        NonconformityDetail april = read(NonconformityDetail.class, "/api/nonconformities/{id}?asOf=2024-04-06", NC1.value());
        assertThat(april.status()).isEqualTo(NonconformityStatus.RAISED);
        assertThat(april.actions()).isEmpty();
        assertThat(april.analysedOn()).isEqualTo(d("2024-04-05"));

        // NC2 on D1: b1 overdue (and recorded so by the service); at year end: closed, reopened, b2 overdue.
        NonconformityDetail nc2June = read(NonconformityDetail.class, "/api/nonconformities/{id}?asOf=" + D1, NC2.value());
        assertThat(nc2June.overdue()).isTrue();
        assertThat(nc2June.actions().get(0).overdue()).isTrue();
        assertThat(nc2June.actions().get(0).overdueRecorded()).isTrue();
        assertThat(nc2June.actions().get(0).implementedOn()).isNull();
        NonconformityDetail nc2 = read(NonconformityDetail.class, "/api/nonconformities/{id}?asOf=" + D2, NC2.value());
        assertThat(nc2.closures()).containsExactly(new NonconformityDetail.Closure(true, d("2024-06-25"), null, null),
                new NonconformityDetail.Closure(false, d("2024-08-20"), "Tái diễn tại kỳ kiểm tra tháng 8", null));
        assertThat(nc2.actions()).extracting(NonconformityDetail.Action::actionId, NonconformityDetail.Action::overdue)
                .containsExactly(org.assertj.core.api.Assertions.tuple("b1", false), org.assertj.core.api.Assertions.tuple("b2", true));

        NonconformityDetail nc5 = read(NonconformityDetail.class, "/api/nonconformities/{id}?asOf=" + D2, NC5.value());
        assertThat(nc5.origin().objective()).isEqualTo(new NonconformityDetail.ObjectiveRef(OBJ_2023.value(), "MT5",
                "Chi trả trợ cấp đúng hạn 100%", 2023));
        NonconformityDetail nc6 = read(NonconformityDetail.class, "/api/nonconformities/{id}?asOf=" + D2, NC6.value());
        assertThat(nc6.origin().complaintReference()).isEqualTo("PA-15/2024, đường dây nóng");
        assertThat(nc6.origin().audit()).isNull();

        // Not raised by then, or not at all.
        mvcGet(404, "/api/nonconformities/{id}?asOf=2024-09-01", NC4.value());
        mvcGet(404, "/api/nonconformities/{id}", "NC-none");
    }

    @Test
    void linksAnObjectiveToItsFindingsAndNonconformities() {
        ObjectiveNonconformities obj = read(ObjectiveNonconformities.class, "/api/objectives/{id}/nonconformities?asOf=" + D2, OBJ.value());
        // F2 (minor NC -> NC2, reopened) and F4 (an opportunity, no NC) name OBJ.
        assertThat(obj.findings()).extracting(ObjectiveNonconformities.RelatedFinding::findingId,
                        ObjectiveNonconformities.RelatedFinding::kind, ObjectiveNonconformities.RelatedFinding::nonconformityId,
                        ObjectiveNonconformities.RelatedFinding::nonconformityStatus)
                .containsExactly(org.assertj.core.api.Assertions.tuple("F2", FindingKind.MINOR_NONCONFORMITY, NC2.value(), NonconformityStatus.REOPENED),
                        org.assertj.core.api.Assertions.tuple("F4", FindingKind.OPPORTUNITY_FOR_IMPROVEMENT, null, null));
        assertThat(obj.nonconformities()).extracting(NonconformityRow::nonconformityId).containsExactly(NC2.value());

        ObjectiveNonconformities before = read(ObjectiveNonconformities.class, "/api/objectives/{id}/nonconformities?asOf=2024-04-02", OBJ.value());
        assertThat(before.findings()).isEmpty();
        assertThat(before.nonconformities()).isEmpty();

        ObjectiveNonconformities notAchieved = read(ObjectiveNonconformities.class, "/api/objectives/{id}/nonconformities?asOf=" + D2,
                OBJ_2023.value());
        assertThat(notAchieved.findings()).isEmpty();
        assertThat(notAchieved.nonconformities()).extracting(NonconformityRow::nonconformityId, NonconformityRow::source)
                .containsExactly(org.assertj.core.api.Assertions.tuple(NC5.value(), NonconformitySource.OBJECTIVE_NOT_ACHIEVED));

        mvcGet(404, "/api/objectives/{id}/nonconformities", "no-such-objective");
    }

    // ---- the audit programme -------------------------------------------------------------------------------------

    @Test
    void canComputeTheAuditProgrammeInJune() {
        AuditProgramme june = programme(D1);

        // Known: A1's scope (VPS, PKH, TTS) + OBJ's measure (PLD; TTBT; ALL_UNITS and UNIT_HEADS are groups) = 5.
        // A2 is planned only on 08-01; the 2023 objective's unit does not count for 2024.
        assertThat(june.units()).isEqualTo(5);
        assertThat(june.audited()).containsExactly(new AuditedUnit(PKH, d("2024-04-03"), List.of(A1.value())),
                new AuditedUnit(VPS, d("2024-04-02"), List.of(A1.value())));
        assertThat(june.due()).containsExactly(new DueUnit(PLD, null), new DueUnit(TTS, d("2024-04-20")), new DueUnit(TTBT, null));
        assertThat(june.auditedRate()).isEqualTo(new BigDecimal("40.00")); // 2 / 5
        // A1's findings: PKH F2 minor + F4 opportunity; VPS F1 major + F3 observation. A0's (2023) do not count.
        assertThat(june.findingsByUnit()).containsExactly(new UnitFindings(PKH, new KindCounts(0, 1, 0, 1, 2)),
                new UnitFindings(VPS, new KindCounts(1, 0, 1, 0, 2)));
        assertThat(june.findingsByClause()).containsExactly(
                new ClauseFindings("7.1.6", "Organizational knowledge", new KindCounts(0, 0, 1, 0, 1)),
                new ClauseFindings("7.5.3", "Control of documented information", new KindCounts(1, 0, 0, 0, 1)),
                new ClauseFindings("9.1.3", "Analysis and evaluation", new KindCounts(0, 1, 0, 0, 1)),
                new ClauseFindings("10.3", "Continual improvement", new KindCounts(0, 0, 0, 1, 1)));
        // F1 (NC1 actions planned) and F2 (NC2 actions planned) are open; F3, F4 never are.
        assertThat(june.audits()).containsExactly(new AuditStatus(A1.value(), "Đánh giá nội bộ đợt 1 năm 2024", d("2024-04-01"),
                d("2024-04-30"), d("2024-05-10"), d("2024-05-15"), 2, new KindCounts(1, 1, 1, 1, 4), 2, List.of("F1", "F2")));
    }

    @Test
    void canComputeTheAuditProgrammeAtYearEnd() {
        AuditProgramme yearEnd = programme(D2);

        // Known: {VPS, PKH, TTS} ∪ A2's {TTS, PLD, VPS} ∪ {PLD, TTBT} = 5; audited all but TTBT.
        assertThat(yearEnd.units()).isEqualTo(5);
        assertThat(yearEnd.audited()).containsExactly(new AuditedUnit(PKH, d("2024-04-03"), List.of(A1.value())),
                new AuditedUnit(PLD, d("2024-09-12"), List.of(A2.value())), new AuditedUnit(TTS, d("2024-09-10"), List.of(A2.value())),
                new AuditedUnit(VPS, d("2024-04-02"), List.of(A1.value())));
        assertThat(yearEnd.due()).containsExactly(new DueUnit(TTBT, null));
        assertThat(yearEnd.auditedRate()).isEqualTo(new BigDecimal("80.00")); // 4 / 5
        assertThat(yearEnd.findingsByUnit()).containsExactly(new UnitFindings(PKH, new KindCounts(0, 1, 0, 1, 2)),
                new UnitFindings(PLD, new KindCounts(1, 0, 1, 0, 2)), new UnitFindings(TTS, new KindCounts(0, 1, 0, 0, 1)),
                new UnitFindings(VPS, new KindCounts(1, 0, 1, 0, 2)));
        assertThat(yearEnd.findingsByClause()).extracting(ClauseFindings::clause, ClauseFindings::findings).containsExactly(
                org.assertj.core.api.Assertions.tuple("7.1.6", new KindCounts(0, 0, 1, 0, 1)),
                org.assertj.core.api.Assertions.tuple("7.5.3", new KindCounts(1, 1, 0, 0, 2)),   // F1, G1
                org.assertj.core.api.Assertions.tuple("8.5.1", new KindCounts(1, 0, 0, 0, 1)),   // G2
                org.assertj.core.api.Assertions.tuple("9.1.3", new KindCounts(0, 1, 1, 0, 2)),   // F2, G3
                org.assertj.core.api.Assertions.tuple("10.3", new KindCounts(0, 0, 0, 1, 1)));
        // A1: F1's NC1 closed, F2's NC2 reopened -> only F2 open. A2: G1's NC3 closed, G2's NC4 raised -> G2 open.
        assertThat(yearEnd.audits()).containsExactly(
                new AuditStatus(A1.value(), "Đánh giá nội bộ đợt 1 năm 2024", d("2024-04-01"), d("2024-04-30"), d("2024-05-10"),
                        d("2024-05-15"), 2, new KindCounts(1, 1, 1, 1, 4), 1, List.of("F2")),
                new AuditStatus(A2.value(), "Đánh giá nội bộ đợt 2 năm 2024", d("2024-09-01"), d("2024-09-30"), null, null, 2,
                        new KindCounts(1, 1, 1, 0, 3), 1, List.of("G2")));

        // As recorded at KNOWN_AT NC2 was still closed: A1 has no open finding.
        AuditProgramme asRecorded = read(AuditProgramme.class, "/api/organisations/{org}/audit-programme?year=2024&asOf={d}&knownAt={k}",
                ORG, D2, knownAt);
        assertThat(asRecorded.audits().get(0).openFindingIds()).isEmpty();
        assertThat(asRecorded.units()).isEqualTo(5);
    }

    // ---- history and state ---------------------------------------------------------------------------------------

    @Test
    void readsTheHistoryOfAnAuditAndANonconformityFromTheEventStore() throws Exception {
        mvc.perform(get("/api/audits/{id}/history", A1.value()))
                .andExpect(status().isOk())
                // planned, team, 3 scheduled, VPS held, F1, F3, PKH held, F2, F4, report, closed
                .andExpect(jsonPath("$.totalElements").value(13))
                .andExpect(jsonPath("$.content[0].summary.vi").value(
                        "Lập kế hoạch đánh giá nội bộ năm 2024: Đánh giá nội bộ đợt 1 năm 2024 — 3 đơn vị, từ 01/04/2024 đến 30/04/2024"))
                .andExpect(jsonPath("$.content[6].summary.en").value(
                        "Finding F1 (major nonconformity) at Văn phòng Sở, clause 7.5.3: Phát hiện F1 tại Văn phòng Sở"));
        mvc.perform(get("/api/nonconformities/{id}/history", NC2.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(8))
                .andExpect(jsonPath("$.content[2].summary.vi").value("Hành động khắc phục b1 của Phòng Kế hoạch quá hạn 31/05/2024"))
                .andExpect(jsonPath("$.content[6].summary.en").value("Nonconformity reopened on 2024-08-20: Tái diễn tại kỳ kiểm tra tháng 8"));
        // An audit's id is no nonconformity, and the other way round.
        mvc.perform(get("/api/nonconformities/{id}/history", A1.value())).andExpect(status().isNotFound());
        mvc.perform(get("/api/audits/{id}/history", NC2.value())).andExpect(status().isNotFound());
        // on a later page too, where the stream's kind is the one checked on its first read, not read again
        mvc.perform(get("/api/audits/{id}/history?page=3&size=2", NC2.value())).andExpect(status().isNotFound());
        mvc.perform(get("/api/nonconformities/{id}/history?page=3&size=2", NC2.value())).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].sequenceNumber").value(6));
        mvc.perform(get("/api/audits/{id}/integrity", A1.value())).andExpect(status().isOk());

        // Every event type of audits and nonconformities has a summary of its own in both languages (the scenario has
        // each type at least once), not the fallback "Sự kiện X" / "Event X".
        List<String> streams = List.of(A0.value(), A1.value(), A2.value(), NC0.value(), NC1.value(), NC2.value(), NC3.value(),
                NC4.value(), NC5.value(), NC6.value());
        java.util.Set<String> types = new java.util.HashSet<>();
        for (String stream : streams) {
            String kind = stream.startsWith("dgnb") ? "audits" : "nonconformities";
            for (JsonNode entry : json.readTree(mvcGet(200, "/api/" + kind + "/{id}/history", stream)).get("content")) {
                types.add(entry.get("eventType").asString());
                // by its published name, as the feed names it, never a Java class
                assertThat(EventContract.byTypeName(entry.get("eventType").asString())).as(entry.get("eventType").asString()).isPresent();
                assertThat(entry.at("/summary/vi").asString()).as(entry.get("eventType").asString()).doesNotStartWith("Sự kiện ");
                assertThat(entry.at("/summary/en").asString()).as(entry.get("eventType").asString()).doesNotStartWith("Event ");
            }
        }
        assertThat(types).hasSize(16);
    }

    @Test
    void showsANonconformityAsItStoodAtAnInstant() {
        // At KNOWN_AT NC2 was closed (its reopening came later); its local date is today, long after every step.
        JsonNode then = json.readTree(mvcGet(200, "/api/nonconformities/{id}/state?at={at}", NC2.value(), knownAt));
        assertThat(then.at("/nonconformity/status").asString()).isEqualTo("CLOSED");
        assertThat(then.at("/closures").size()).isEqualTo(1);
        assertThat(then.at("/actions").size()).isEqualTo(1);
        assertThat(then.at("/nonconformity/origin/finding/findingId").asString()).isEqualTo("F2");

        JsonNode now = json.readTree(mvcGet(200, "/api/nonconformities/{id}/state?at={at}", NC2.value(), Instant.now()));
        assertThat(now.at("/nonconformity/status").asString()).isEqualTo("REOPENED");
        assertThat(now.at("/closures").size()).isEqualTo(2);
        assertThat(now.at("/actions").size()).isEqualTo(2);
    }

    @Test
    void showsAnAuditAsItStoodAtAnInstant() {
        // At KNOWN_AT, NC2 was closed: A1 had no open finding; now F2 is open again (NC2 reopened).
        JsonNode then = json.readTree(mvcGet(200, "/api/audits/{id}/state?at={at}", A1.value(), knownAt));
        assertThat(then.at("/audit/title").asString()).isEqualTo("Đánh giá nội bộ đợt 1 năm 2024");
        assertThat(then.at("/audit/organisationId").asString()).as("rows in camelCase, as every other read").isNotBlank();
        assertThat(then.at("/audit/organisation_id").isMissingNode()).isTrue();
        assertThat(then.at("/findings").size()).isEqualTo(4);
        assertThat(then.at("/unitAuditsHeld").size()).isEqualTo(2);
        assertThat(then.at("/figures/openFindings").asInt()).isZero();
        JsonNode now = json.readTree(mvcGet(200, "/api/audits/{id}/state?at={at}", A1.value(), Instant.now()));
        assertThat(now.at("/figures/openFindingIds/0").asString()).isEqualTo("F2");
        // Before the audit was recorded at all it had no state: the stream exists, its rows do not yet.
        JsonNode before = json.readTree(mvcGet(200, "/api/audits/{id}/state?at=2020-01-01T00:00:00Z", A1.value()));
        assertThat(before.at("/audit").isNull()).isTrue();
        assertThat(before.at("/figures").isNull()).isTrue();
    }

    // ---- one round, and the units -------------------------------------------------------------------------------

    @Test
    void readsOneAuditRoundFromTheReadModelWithItsTeamUnitAuditsAndFindings() throws Exception {
        mvc.perform(get("/api/audits/{id}", A1.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Đánh giá nội bộ đợt 1 năm 2024"))
                .andExpect(jsonPath("$.organisationId").value(ORG))
                .andExpect(jsonPath("$.year").value(2024))
                .andExpect(jsonPath("$.scopeUnits").value(org.hamcrest.Matchers.contains(VPS, PKH, TTS)))
                .andExpect(jsonPath("$.plannedFrom").value("2024-04-01"))
                .andExpect(jsonPath("$.plannedTo").value("2024-04-30"))
                .andExpect(jsonPath("$.plannedOn").value("2024-03-01"))
                // the team with its names (V26), the lead first
                .andExpect(jsonPath("$.team.lead.userId").value("danhgia"))
                .andExpect(jsonPath("$.team.lead.name").value("Đỗ Thị Đào"))
                .andExpect(jsonPath("$.team.members[0].userId").value("auditor2"))
                .andExpect(jsonPath("$.team.members[0].name").value("Nguyễn Văn Bình"))
                .andExpect(jsonPath("$.team.decisionNumber").value("45/QĐ-SLĐTBXH"))
                .andExpect(jsonPath("$.team.decisionDate").value("2024-03-05"))
                // unit audits by scheduled day: VPS held with 3 notes (1 nonconforming), PKH 2 (1), TTS never held
                .andExpect(jsonPath("$.unitAudits[0].unit").value(VPS))
                .andExpect(jsonPath("$.unitAudits[0].scheduledDate").value("2024-04-02"))
                .andExpect(jsonPath("$.unitAudits[0].auditors[0]").value("danhgia"))
                .andExpect(jsonPath("$.unitAudits[0].held[0].heldOn").value("2024-04-02"))
                .andExpect(jsonPath("$.unitAudits[0].held[0].notes").value(3))
                .andExpect(jsonPath("$.unitAudits[0].held[0].nonconformingNotes").value(1))
                .andExpect(jsonPath("$.unitAudits[1].unit").value(PKH))
                .andExpect(jsonPath("$.unitAudits[1].held[0].notes").value(2))
                .andExpect(jsonPath("$.unitAudits[2].unit").value(TTS))
                .andExpect(jsonPath("$.unitAudits[2].held").isEmpty())
                // findings by day recorded: F1, F3 (04-02), F2, F4 (04-03); the nonconformities F1 and F2 raised
                .andExpect(jsonPath("$.findings[*].findingId").value(org.hamcrest.Matchers.contains("F1", "F3", "F2", "F4")))
                .andExpect(jsonPath("$.findings[0].kind").value("MAJOR_NONCONFORMITY"))
                .andExpect(jsonPath("$.findings[0].clause").value("7.5.3"))
                .andExpect(jsonPath("$.findings[0].nonconformityId").value(NC1.value()))
                .andExpect(jsonPath("$.findings[1].nonconformityId").doesNotExist())
                .andExpect(jsonPath("$.findings[2].nonconformityId").value(NC2.value()))
                .andExpect(jsonPath("$.findings[2].relatedObjectiveId").value(OBJ.value()))
                .andExpect(jsonPath("$.report.number").value("120/BC-ĐGNB"))
                .andExpect(jsonPath("$.report.issuedOn").value("2024-05-10"))
                .andExpect(jsonPath("$.closedOn").value("2024-05-15"));
        // A2: no team appointed, no report, not closed
        mvc.perform(get("/api/audits/{id}", A2.value()))
                .andExpect(jsonPath("$.team").doesNotExist())
                .andExpect(jsonPath("$.report").doesNotExist())
                .andExpect(jsonPath("$.closedOn").doesNotExist());
        mvc.perform(get("/api/audits/{id}", "dgnb-none")).andExpect(status().isNotFound());
    }

    @Test
    void listsTheUnitsTheOrganisationsRecordsNameWithoutThePlansGroups() throws Exception {
        // 2024: q-m1's lead PLD and coordinating TTBT (ALL_UNITS and UNIT_HEADS are groups), A1 and A2's scope, the NCs' units
        mvc.perform(get("/api/organisations/{org}/units?year=2024", ORG))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2024))
                .andExpect(jsonPath("$.units").value(org.hamcrest.Matchers.contains(PKH, PLD, TTS, TTBT, VPS)));
        // 2023: r-m1's lead, A0 and NC0 at PKH
        mvc.perform(get("/api/organisations/{org}/units?year=2023", ORG))
                .andExpect(jsonPath("$.units").value(org.hamcrest.Matchers.contains(PKH, "Phòng Người có công")));
        mvc.perform(get("/api/organisations/{org}/units", ORG))
                .andExpect(jsonPath("$.year").doesNotExist())
                .andExpect(jsonPath("$.units").value(org.hamcrest.Matchers.contains(PKH, PLD, "Phòng Người có công", TTS, TTBT, VPS)));
        mvc.perform(get("/api/organisations/{org}/units?year=1999", ORG)).andExpect(status().isBadRequest());
    }

    // ---- who may read --------------------------------------------------------------------------------------------

    @Test
    @WithUserDetails("xem") // a viewer of SLDTBXH-HD
    void refusesAnotherOrganisationsReader() throws Exception {
        mvc.perform(get("/api/organisations/{org}/nonconformities/summary", ORG)).andExpect(status().isForbidden());
        mvc.perform(get("/api/organisations/{org}/audit-programme?year=2024", ORG)).andExpect(status().isForbidden());
        mvc.perform(get("/api/nonconformities/{id}", NC1.value())).andExpect(status().isForbidden());
        mvc.perform(get("/api/nonconformities/{id}/history", NC1.value())).andExpect(status().isForbidden());
        mvc.perform(get("/api/audits/{id}/history", A1.value())).andExpect(status().isForbidden());
        mvc.perform(get("/api/audits/{id}", A1.value())).andExpect(status().isForbidden());
        mvc.perform(get("/api/organisations/{org}/units", ORG)).andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("baocao") // the feed's machine user reads no dashboards
    void refusesTheFeedConsumer() throws Exception {
        mvc.perform(get("/api/organisations/{org}/nonconformities", "SLDTBXH-HD")).andExpect(status().isForbidden());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private NonconformitySummary summary(String query) {
        return read(NonconformitySummary.class, "/api/organisations/" + ORG + "/nonconformities/summary?" + query);
    }

    private PageResponse<NonconformityRow> list(String query, Object... variables) {
        return read(new TypeReference<>() {}, "/api/organisations/" + ORG + "/nonconformities?" + query, variables);
    }

    private List<String> ids(String query, Object... variables) {
        return list(query, variables).content().stream().map(NonconformityRow::nonconformityId).toList();
    }

    private AuditProgramme programme(String asOf) {
        return read(AuditProgramme.class, "/api/organisations/{org}/audit-programme?year=2024&asOf={d}", ORG, asOf);
    }

    /** Every status, in the order RAISED, ACTIONS_PLANNED, IMPLEMENTED, VERIFIED, CLOSED, REOPENED. */
    private static Map<NonconformityStatus, Long> statuses(long raised, long actionsPlanned, long implemented, long verified, long closed,
                                                           long reopened) {
        return Map.of(NonconformityStatus.RAISED, raised, NonconformityStatus.ACTIONS_PLANNED, actionsPlanned,
                NonconformityStatus.IMPLEMENTED, implemented, NonconformityStatus.VERIFIED, verified, NonconformityStatus.CLOSED, closed,
                NonconformityStatus.REOPENED, reopened);
    }

    private <T> T read(Class<T> type, String uri, Object... variables) {
        return json.readValue(mvcGet(200, uri, variables), type);
    }

    private <T> T read(TypeReference<T> type, String uri, Object... variables) {
        return json.readValue(mvcGet(200, uri, variables), type);
    }

    private String mvcGet(int expectedStatus, String uri, Object... variables) {
        try {
            return mvc.perform(get(uri, variables))
                    .andExpect(status().is(expectedStatus))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
