package vn.qualityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.qualityledger.query.QualityYearScenario.MT1;
import static vn.qualityledger.query.QualityYearScenario.MT2;
import static vn.qualityledger.query.QualityYearScenario.MT3;
import static vn.qualityledger.query.QualityYearScenario.MT4;
import static vn.qualityledger.query.QualityYearScenario.ORG;
import static vn.qualityledger.query.QualityYearScenario.PKH;
import static vn.qualityledger.query.QualityYearScenario.TTS;
import static vn.qualityledger.query.QualityYearScenario.VPS;
import static vn.qualityledger.query.QualityYearScenario.d;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.objective.Assessment;
import vn.qualityledger.api.objective.Period;
import vn.qualityledger.query.board.BoardRow;
import vn.qualityledger.query.board.OccurrenceStatus;
import vn.qualityledger.query.dashboard.KpiStatus;
import vn.qualityledger.query.dashboard.LatestMeasurement;
import vn.qualityledger.query.dashboard.ObjectiveDashboard;
import vn.qualityledger.query.dashboard.OccurrenceCounts;
import vn.qualityledger.query.dashboard.OrganisationSummary;
import vn.qualityledger.query.dashboard.TargetView;
import vn.qualityledger.query.dashboard.UnitFigures;
import vn.qualityledger.query.dashboard.UnitsReport;
import vn.qualityledger.query.web.PageResponse;

/**
 * Real events through the event store and the objective-progress processor into PostgreSQL, read back over HTTP.
 * Every expected figure is worked out by hand from the facts listed on {@link QualityYearScenario}.
 * Dates used: D1 = 2024-05-10, D2 = 2024-07-15, D4 = 2024-12-31 (the year's last day), 2025-01-31 (after closing).
 */
@SpringBootTest(properties = "spring.config.name=query-service")
@AutoConfigureMockMvc
@WithUserDetails("tinh") // a demo user who reads every organisation
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectiveFiguresIntegrationTest {

    private static final String D1 = "2024-05-10";
    private static final String D2 = "2024-07-15";
    private static final String D4 = "2024-12-31";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_query_figures");
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void publishTheYear(@Autowired EventStore eventStore, @Autowired TransactionTemplate transaction) {
        QualityYearScenario.publish(new ObjectiveStreams(eventStore, transaction));
        QualityYearScenario.awaitProjected(jdbc);
    }

    // ---- one objective -------------------------------------------------------------------------------------------

    @Test
    void canComputeAnOnTimeCompletionAndAnOverdueOccurrenceInMay() {
        ObjectiveDashboard mt1 = dashboard(MT1.value(), D1);

        // Nothing is cancelled yet on 05-10 (m3 from 05-15, m2@11-30 from 08-01): all 10 occurrences count.
        // Due by 05-10: m1@03-31 (done 03-28: on time) and m3@04-30 (not done: overdue). Upcoming: the other 8.
        assertThat(mt1.occurrences()).isEqualTo(new OccurrenceCounts(10, 2, 1, 0, 1, 8));
        assertThat(mt1.completionRate()).isEqualTo(new BigDecimal("50.00")); // (1 + 0) / 2
        assertThat(mt1.onTimeRate()).isEqualTo(new BigDecimal("50.00"));     // 1 / 2
        // Latest period ended by 05-10 is Q1: 93.50 misses >= 95 during the year.
        assertThat(mt1.latestMeasurement().measurementId()).isEqualTo("meas-q1");
        assertThat(mt1.latestMeasurement().value()).isEqualTo(new BigDecimal("93.50"));
        assertThat(mt1.kpiStatus()).isEqualTo(KpiStatus.AT_RISK);
        assertThat(mt1.target()).isEqualTo(new TargetView("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", ">=", new BigDecimal("95"), "%"));
        assertThat(mt1.decision()).isEqualTo(new Decision("147/QĐ-SLĐTBXH", d("2024-01-05")));
        assertThat(mt1.closedOn()).isNull();
        assertThat(mt1.assessment()).isNull();
        assertThat(mt1.asOf()).isEqualTo(d(D1));
    }

    @Test
    void canComputeLateCompletionAndTheCorrectedMeasurementInJuly() {
        ObjectiveDashboard mt1 = dashboard(MT1.value(), D2);

        // Cancelled by 07-15: m3@04-30 and m3@08-31 (measure 3 cancelled 05-15) -> 10 - 2 = 8 count.
        // Due by 07-15: m1@03-31 (on time), m2@06-15 (done 06-12: on time), m1@06-30 (done 07-08: late) -> 3, none overdue.
        // Upcoming: m1-adhoc-1 (07-20), m1@09-30, m2@11-30 (cancelled only from 08-01), m2@12-20, m1@12-31 -> 5.
        assertThat(mt1.occurrences()).isEqualTo(new OccurrenceCounts(8, 3, 2, 1, 0, 5));
        assertThat(mt1.completionRate()).isEqualTo(new BigDecimal("100.00")); // 3 / 3
        assertThat(mt1.onTimeRate()).isEqualTo(new BigDecimal("66.67"));      // 2 / 3 = 66.666..
        // Q2 was recorded twice for the same period; the later recording (96.00) supersedes 94.00 and meets >= 95.
        assertThat(mt1.latestMeasurement()).isEqualTo(new LatestMeasurement("meas-q2-fix", new Period(d("2024-04-01"), d("2024-06-30")),
                new BigDecimal("96.00"), new BigDecimal("1200"), new BigDecimal("1250"), "Phần mềm một cửa", d("2024-07-20")));
        assertThat(mt1.kpiStatus()).isEqualTo(KpiStatus.ON_TRACK);
    }

    @Test
    void canJudgeTheTargetAsAchievedOrMissedOnTheLastDayOfTheYear() {
        ObjectiveDashboard mt1 = dashboard(MT1.value(), D4);
        // Cancelled: m3 x2 and m2@11-30 (revision of 08-01) -> 7 count, all due by 12-31.
        // On time: m1@03-31, m2@06-15. Late: m1@06-30. Overdue: m1@09-30, m1-adhoc-1, m2@12-20, m1@12-31.
        assertThat(mt1.occurrences()).isEqualTo(new OccurrenceCounts(7, 7, 2, 1, 4, 0));
        assertThat(mt1.completionRate()).isEqualTo(new BigDecimal("42.86")); // 3 / 7 = 42.857..
        assertThat(mt1.onTimeRate()).isEqualTo(new BigDecimal("28.57"));     // 2 / 7 = 28.571..
        // The year's measurement (to 12-31) is 94.80: misses >= 95, and the year has ended.
        assertThat(mt1.latestMeasurement().measurementId()).isEqualTo("meas-year");
        assertThat(mt1.kpiStatus()).isEqualTo(KpiStatus.MISSED);

        ObjectiveDashboard mt2 = dashboard(MT2.value(), D4);
        // b-m1@06-30 done 07-01 (late), b-m1@12-15 done 12-12 (on time).
        assertThat(mt2.occurrences()).isEqualTo(new OccurrenceCounts(2, 2, 1, 1, 0, 0));
        assertThat(mt2.completionRate()).isEqualTo(new BigDecimal("100.00"));
        assertThat(mt2.onTimeRate()).isEqualTo(new BigDecimal("50.00"));
        // 91.5 meets >= 90 at year end.
        assertThat(mt2.kpiStatus()).isEqualTo(KpiStatus.ACHIEVED);
        // The day before the year's last day it is still a status during the year.
        assertThat(dashboard(MT2.value(), "2024-12-30").kpiStatus()).isEqualTo(KpiStatus.AT_RISK); // H1 88 < 90
    }

    @Test
    void showsTheClosingAssessmentOnlyFromTheDayTheYearWasClosed() {
        assertThat(dashboard(MT1.value(), D4).assessment()).isNull();

        ObjectiveDashboard afterClosing = dashboard(MT1.value(), "2025-01-31");
        assertThat(afterClosing.closedOn()).isEqualTo(d("2025-01-15"));
        assertThat(afterClosing.assessment()).isEqualTo(new Assessment(false, "Chưa đạt chỉ tiêu 95%"));
        assertThat(afterClosing.kpiStatus()).isEqualTo(KpiStatus.MISSED);
    }

    @Test
    void reportsNotMeasuredNoTargetAndNoRatesWhenNothingIsDue() {
        ObjectiveDashboard mt2InMay = dashboard(MT2.value(), D1);
        // Both occurrences are due later; no period has ended with a measurement.
        assertThat(mt2InMay.occurrences()).isEqualTo(new OccurrenceCounts(2, 0, 0, 0, 0, 2));
        assertThat(mt2InMay.completionRate()).isNull();
        assertThat(mt2InMay.onTimeRate()).isNull();
        assertThat(mt2InMay.latestMeasurement()).isNull();
        assertThat(mt2InMay.kpiStatus()).isEqualTo(KpiStatus.NOT_MEASURED);

        // In July, H1 = 88 misses >= 90 during the year.
        ObjectiveDashboard mt2InJuly = dashboard(MT2.value(), D2);
        assertThat(mt2InJuly.occurrences()).isEqualTo(new OccurrenceCounts(2, 1, 0, 1, 0, 1));
        assertThat(mt2InJuly.onTimeRate()).isEqualTo(new BigDecimal("0.00"));
        assertThat(mt2InJuly.kpiStatus()).isEqualTo(KpiStatus.AT_RISK);

        // MT3's target was revised away.
        ObjectiveDashboard mt3 = dashboard(MT3.value(), D4);
        assertThat(mt3.target()).isNull();
        assertThat(mt3.statement()).isEqualTo("Cải tiến quy trình tiếp nhận và trả kết quả hồ sơ");
        assertThat(mt3.kpiStatus()).isEqualTo(KpiStatus.NO_TARGET);
        assertThat(mt3.occurrences()).isEqualTo(new OccurrenceCounts(1, 1, 0, 0, 1, 0));
        assertThat(mt3.completionRate()).isEqualTo(new BigDecimal("0.00"));

        ObjectiveDashboard mt4 = dashboard(MT4.value(), D4);
        assertThat(mt4.occurrences()).isEqualTo(OccurrenceCounts.NONE);
        assertThat(mt4.completionRate()).isNull();
        assertThat(mt4.kpiStatus()).isEqualTo(KpiStatus.NOT_MEASURED);
    }

    // ---- the organisation's year ---------------------------------------------------------------------------------

    @Test
    void canSumAnOrganisationYearOverAllOccurrencesRatherThanAveragingRates() {
        // MT1 (10,2,1,0,1,8) + MT2 (2,0,0,0,0,2) + MT3 (1,0,0,0,0,1) + MT4 (0): the other organisation and 2023 excluded.
        OrganisationSummary may = summary(D1);
        assertThat(may.objectiveCount()).isEqualTo(4);
        assertThat(may.occurrences()).isEqualTo(new OccurrenceCounts(13, 2, 1, 0, 1, 11));
        assertThat(may.completionRate()).isEqualTo(new BigDecimal("50.00"));
        assertThat(may.onTimeRate()).isEqualTo(new BigDecimal("50.00"));
        assertThat(may.kpiStatusCounts()).isEqualTo(statuses(1, 2, 0, 1, 0, 0)); // MT3 none; MT2, MT4 unmeasured; MT1 at risk

        // MT1 (8,3,2,1,0,5) + MT2 (2,1,0,1,0,1) + MT3 (1,0,0,0,0,1): on time 2 of 4 due = 50.00,
        // where the average of MT1's 66.67 and MT2's 0.00 would be 33.33.
        OrganisationSummary july = summary(D2);
        assertThat(july.occurrences()).isEqualTo(new OccurrenceCounts(11, 4, 2, 2, 0, 7));
        assertThat(july.completionRate()).isEqualTo(new BigDecimal("100.00"));
        assertThat(july.onTimeRate()).isEqualTo(new BigDecimal("50.00"));
        assertThat(july.kpiStatusCounts()).isEqualTo(statuses(1, 1, 1, 1, 0, 0)); // MT1 on track, MT2 at risk

        // MT1 (7,7,2,1,4,0) + MT2 (2,2,1,1,0,0) + MT3 (1,1,0,0,1,0): 5 of 10 complete, 3 of 10 on time.
        OrganisationSummary yearEnd = summary(D4);
        assertThat(yearEnd.occurrences()).isEqualTo(new OccurrenceCounts(10, 10, 3, 2, 5, 0));
        assertThat(yearEnd.completionRate()).isEqualTo(new BigDecimal("50.00"));
        assertThat(yearEnd.onTimeRate()).isEqualTo(new BigDecimal("30.00"));
        assertThat(yearEnd.kpiStatusCounts()).isEqualTo(statuses(1, 1, 0, 0, 1, 1)); // MT2 achieved, MT1 missed
    }

    @Test
    void pagesTheObjectiveDashboardsOfAYearByCode() {
        PageResponse<ObjectiveDashboard> first = read(new TypeReference<>() {},
                "/api/organisations/{org}/years/2024/objectives?asOf={d}&page=0&size=3", ORG, D2);
        assertThat(first.content()).extracting(ObjectiveDashboard::code).containsExactly("MT1", "MT2", "MT3");
        assertThat(first.totalElements()).isEqualTo(4);
        assertThat(first.totalPages()).isEqualTo(2);
        // Each entry is the objective's own dashboard.
        assertThat(first.content().get(0)).isEqualTo(dashboard(MT1.value(), D2));

        PageResponse<ObjectiveDashboard> second = read(new TypeReference<>() {},
                "/api/organisations/{org}/years/2024/objectives?asOf={d}&page=1&size=3", ORG, D2);
        assertThat(second.content()).extracting(ObjectiveDashboard::code).containsExactly("MT4");
        assertThat(second.page()).isEqualTo(1);
    }

    // ---- units ---------------------------------------------------------------------------------------------------

    @Test
    void canComputeUnitFiguresFromTheAssignmentsInForceOnTheDate() {
        // 05-10: TTS's own assignment of m2@11-30 (07-01) is not in force yet, so that occurrence is still PKH's.
        // VPS: m1 x4, m1-adhoc-1, b-m1 x2 = 7; due m1@03-31 (on time). No evidence waiting (ev1 decided 03-28).
        // PKH: m2@06-15, m2@11-30, m2@12-20, m3@04-30, m3@08-31 = 5 (m3 cancelled only from 05-15); due m3@04-30, overdue.
        assertThat(units(D1).units()).containsExactly(
                new UnitFigures(PKH, 5, 1, 0, 0, 1, new BigDecimal("0.00"), new BigDecimal("0.00"), 0),
                new UnitFigures(VPS, 7, 1, 1, 0, 0, new BigDecimal("100.00"), new BigDecimal("100.00"), 0));

        // 07-15: PKH keeps m2@06-15 and m2@12-20 (m3 cancelled); TTS has m2@11-30 (not cancelled before 08-01).
        // VPS due: m1@03-31 (on time), m1@06-30 (late), b-m1@06-30 (late); ev5 (submitted 07-12) awaits review.
        assertThat(units(D2).units()).containsExactly(
                new UnitFigures(PKH, 2, 1, 1, 0, 0, new BigDecimal("100.00"), new BigDecimal("100.00"), 0),
                new UnitFigures(TTS, 1, 0, 0, 0, 0, null, null, 0),
                new UnitFigures(VPS, 7, 3, 1, 2, 0, new BigDecimal("100.00"), new BigDecimal("33.33"), 1));

        // 12-31: VPS all 7 due: on time m1@03-31, b-m1@12-15; late m1@06-30, b-m1@06-30; overdue m1@09-30, m1@12-31, adhoc.
        // PKH: m2@06-15 on time, m2@12-20 overdue. TTS: its only occurrence was cancelled on 08-01.
        assertThat(units(D4).units()).containsExactly(
                new UnitFigures(PKH, 2, 2, 1, 0, 1, new BigDecimal("50.00"), new BigDecimal("50.00"), 0),
                new UnitFigures(TTS, 0, 0, 0, 0, 0, null, null, 0),
                new UnitFigures(VPS, 7, 7, 2, 2, 3, new BigDecimal("57.14"), new BigDecimal("28.57"), 1));
    }

    @Test
    void listsEveryOrganisationWithItsYearsToAProvinceReader() throws Exception {
        mvc.perform(get("/api/organisations"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisations[?(@.organisationId == '" + ORG + "')].years[0]").value(2024))
                .andExpect(jsonPath("$.organisations[?(@.organisationId == '" + ORG + "')].years[1]").value(2023))
                .andExpect(jsonPath("$.organisations[?(@.organisationId == 'so-ldtbxh-vl')].years[0]").value(2024));
    }

    @Test
    @WithUserDetails("xem") // a reader of SLDTBXH-HD, which has no objectives in this scenario
    void listsOnlyTheirOwnOrganisationToAnyOtherReader() throws Exception {
        mvc.perform(get("/api/organisations"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisations").isEmpty());
    }

    @Test
    void servesOneUnitAndAnswersNotFoundForAUnitWithoutWorkOnTheDate() {
        assertThat(read(UnitFigures.class, "/api/organisations/{org}/years/2024/units/{unit}?asOf={d}", ORG, TTS, D2))
                .isEqualTo(new UnitFigures(TTS, 1, 0, 0, 0, 0, null, null, 0));

        mvcGet(404, "/api/organisations/{org}/years/2024/units/{unit}?asOf={d}", ORG, TTS, D1);
    }

    @Test
    void findsAUnitTypedDecomposedInThePathOrAParameterAsTheUnitStoredPrecomposed() {
        String decomposed = Normalizer.normalize(TTS, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(TTS);

        assertThat(read(UnitFigures.class, "/api/organisations/{org}/years/2024/units/{unit}?asOf={d}", ORG, decomposed, D2))
                .isEqualTo(new UnitFigures(TTS, 1, 0, 0, 0, 0, null, null, 0));
        assertThat(board("organisationId={org}&unit={unit}&asOf={d}", ORG, " " + decomposed + " ", D2).content())
                .extracting(BoardRow::occurrenceId).containsExactly("m2@2024-11-30");
    }

    // ---- the board -----------------------------------------------------------------------------------------------

    @Test
    void showsTheBoardInDueDateOrderWithEachStatusAsOfTheDate() {
        PageResponse<BoardRow> board = board("organisationId=" + ORG + "&year=2024&asOf=" + D2);

        assertThat(board.totalElements()).isEqualTo(13); // MT1 10 + MT2 2 + MT3 1, cancelled included
        assertThat(board.content()).extracting(BoardRow::occurrenceId, BoardRow::status, BoardRow::unit).containsExactly(
                row("m1@2024-03-31", OccurrenceStatus.DONE_ON_TIME, VPS),
                row("m3@2024-04-30", OccurrenceStatus.CANCELLED, PKH),
                row("m2@2024-06-15", OccurrenceStatus.DONE_ON_TIME, PKH),
                row("m1@2024-06-30", OccurrenceStatus.DONE_LATE, VPS),    // same day: MT1 before MT2
                row("b-m1@2024-06-30", OccurrenceStatus.DONE_LATE, VPS),
                row("m1-adhoc-1", OccurrenceStatus.UPCOMING, VPS),
                row("m3@2024-08-31", OccurrenceStatus.CANCELLED, PKH),
                row("m1@2024-09-30", OccurrenceStatus.UPCOMING, VPS),
                row("c-m1@2024-09-30", OccurrenceStatus.UPCOMING, null),  // never assigned
                row("m2@2024-11-30", OccurrenceStatus.UPCOMING, TTS),
                row("b-m1@2024-12-15", OccurrenceStatus.UPCOMING, VPS),
                row("m2@2024-12-20", OccurrenceStatus.UPCOMING, PKH),
                row("m1@2024-12-31", OccurrenceStatus.UPCOMING, VPS));

        BoardRow lateOne = board.content().get(3);
        assertThat(lateOne).isEqualTo(new BoardRow(MT1.value(), "MT1", "m1", "1", "Rà soát quy trình nội bộ hằng quý",
                "m1@2024-06-30", d("2024-06-30"), VPS, "Nguyễn Văn An", OccurrenceStatus.DONE_LATE, d("2024-07-08"), 0));
        assertThat(board.content().get(5).evidenceAwaitingReview()).isEqualTo(1); // ev5 on m1-adhoc-1
        assertThat(board.content().get(9).person()).isEqualTo("Lê Văn Cường");

        // In May the same rows read differently: m3@04-30 overdue (cancelled only from 05-15), m1@06-30 not done yet,
        // m2@11-30 still PKH's.
        PageResponse<BoardRow> may = board("organisationId=" + ORG + "&year=2024&asOf=" + D1);
        assertThat(may.content()).extracting(BoardRow::occurrenceId, BoardRow::status, BoardRow::unit, BoardRow::completedOn)
                .contains(tuple("m3@2024-04-30", OccurrenceStatus.OVERDUE, PKH, null),
                        tuple("m1@2024-06-30", OccurrenceStatus.UPCOMING, VPS, null),
                        tuple("m2@2024-11-30", OccurrenceStatus.UPCOMING, PKH, null));
    }

    @Test
    void countsEvidenceAwaitingReviewAcrossARejectionAndAResubmission() {
        // m1@2024-06-30: ev2 submitted 06-25, rejected 06-27; ev3 submitted 07-05, accepted 07-10.
        Map<String, Long> expected = Map.of(
                "2024-06-24", 0L,  // nothing submitted yet
                "2024-06-26", 1L,  // ev2 waiting
                "2024-06-28", 0L,  // ev2 rejected
                "2024-07-06", 1L,  // ev3 waiting
                "2024-07-11", 0L); // ev3 accepted
        expected.forEach((asOf, awaiting) -> {
            PageResponse<BoardRow> board = board("objectiveId=obj-mt1&dueFrom=2024-06-30&dueTo=2024-06-30&asOf=" + asOf);
            assertThat(board.content()).extracting(BoardRow::occurrenceId).containsExactly("m1@2024-06-30");
            assertThat(board.content().get(0).evidenceAwaitingReview()).as("awaiting review on %s", asOf).isEqualTo(awaiting);
        });
    }

    @Test
    void filtersTheBoardByStatusUnitAndDueDatesAsOfTheDate() {
        assertThat(board("organisationId=" + ORG + "&year=2024&status=OVERDUE&asOf=" + D4).content())
                .extracting(BoardRow::occurrenceId)
                .containsExactly("m1-adhoc-1", "m1@2024-09-30", "c-m1@2024-09-30", "m2@2024-12-20", "m1@2024-12-31");

        assertThat(board("organisationId={org}&unit={unit}&asOf={d}", ORG, TTS, D2).content())
                .extracting(BoardRow::occurrenceId).containsExactly("m2@2024-11-30");
        assertThat(board("organisationId={org}&unit={unit}&asOf={d}", ORG, TTS, D1).totalElements()).isZero();

        assertThat(board("organisationId=" + ORG + "&dueFrom=2024-06-01&dueTo=2024-06-30&asOf=" + D2).content())
                .extracting(BoardRow::occurrenceId).containsExactly("m2@2024-06-15", "m1@2024-06-30", "b-m1@2024-06-30");

        // Without filters every organisation and year is on the board: 13 + the other organisation's + 2023's.
        assertThat(board("asOf=" + D2).totalElements()).isEqualTo(15);
        assertThat(board("year=2023&asOf=" + D2).content()).extracting(BoardRow::occurrenceId).containsExactly("f-m1@2023-06-30");

        PageResponse<BoardRow> secondPage = board("organisationId=" + ORG + "&year=2024&asOf=" + D2 + "&page=1&size=5");
        assertThat(secondPage.content()).extracting(BoardRow::occurrenceId)
                .containsExactly("m1-adhoc-1", "m3@2024-08-31", "m1@2024-09-30", "c-m1@2024-09-30", "m2@2024-11-30");
        assertThat(secondPage.totalElements()).isEqualTo(13);
        assertThat(secondPage.totalPages()).isEqualTo(3);
    }

    // ---- the JSON itself -----------------------------------------------------------------------------------------

    @Test
    void servesRatesWithTwoDecimalsDatesAsIsoAndVietnameseTextIntact() throws Exception {
        mvc.perform(get("/api/objectives/{id}/dashboard?asOf={d}", MT1.value(), D2))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.statement").value("100% hồ sơ TTHC được giải quyết đúng hạn, tối thiểu 95%"))
                .andExpect(jsonPath("$.target.comparator").value(">="))
                .andExpect(jsonPath("$.decision.date").value("2024-01-05"))
                .andExpect(jsonPath("$.latestMeasurement.period.to").value("2024-06-30"))
                .andExpect(jsonPath("$.occurrences.onTime").value(2))
                .andExpect(jsonPath("$.kpiStatus").value("ON_TRACK"))
                .andExpect(jsonPath("$.asOf").value(D2))
                .andExpect(jsonPath("$.closedOn").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("\"completionRate\":100.00")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("\"onTimeRate\":66.67")));

        mvc.perform(get("/api/organisations/{org}/years/2024/summary?asOf={d}", ORG, D2))
                .andExpect(jsonPath("$.kpiStatusCounts.ON_TRACK").value(1))
                .andExpect(jsonPath("$.occurrences.due").value(4));
    }

    @Test
    void answersNotFoundForAnUnknownObjective() throws Exception {
        mvcGet(404, "/api/objectives/{id}/dashboard", "no-such-objective");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private ObjectiveDashboard dashboard(String objectiveId, String asOf) {
        return read(ObjectiveDashboard.class, "/api/objectives/{id}/dashboard?asOf={d}", objectiveId, asOf);
    }

    private OrganisationSummary summary(String asOf) {
        return read(OrganisationSummary.class, "/api/organisations/{org}/years/{year}/summary?asOf={d}", ORG, 2024, asOf);
    }

    private UnitsReport units(String asOf) {
        return read(UnitsReport.class, "/api/organisations/{org}/years/{year}/units?asOf={d}", ORG, 2024, asOf);
    }

    private PageResponse<BoardRow> board(String query, Object... variables) {
        return read(new TypeReference<>() {}, "/api/occurrences?" + query, variables);
    }

    private static Map<KpiStatus, Integer> statuses(int noTarget, int notMeasured, int onTrack, int atRisk, int achieved, int missed) {
        return Map.of(KpiStatus.NO_TARGET, noTarget, KpiStatus.NOT_MEASURED, notMeasured, KpiStatus.ON_TRACK, onTrack,
                KpiStatus.AT_RISK, atRisk, KpiStatus.ACHIEVED, achieved, KpiStatus.MISSED, missed);
    }

    private static Tuple row(String occurrenceId, OccurrenceStatus status, String unit) {
        return tuple(occurrenceId, status, unit);
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
