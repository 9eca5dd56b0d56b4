package vn.qualityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.qualityledger.query.QualityYearScenario.MT1;
import static vn.qualityledger.query.QualityYearScenario.MT4;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.directory.DirectoryUnit;
import vn.qualityledger.api.directory.OrganisationDirectoryId;
import vn.qualityledger.api.directory.OrganisationDirectoryRecordedEvent;
import vn.qualityledger.query.dashboard.KpiStatus;
import vn.qualityledger.query.dashboard.OccurrenceCounts;
import vn.qualityledger.query.dashboard.Trend;
import vn.qualityledger.query.export.ExportFiles;
import vn.qualityledger.api.review.ManagementReviewHeldEvent;
import vn.qualityledger.api.review.ManagementReviewId;
import vn.qualityledger.api.review.ManagementReviewPlannedEvent;
import vn.qualityledger.api.review.QmsConclusion;
import vn.qualityledger.api.review.ReviewPerson;
import vn.qualityledger.api.review.ReviewTrigger;
import vn.qualityledger.query.directory.OrganisationDirectoryProjection;
import vn.qualityledger.query.province.ProvinceSummary;
import vn.qualityledger.query.rebuild.ProjectionRebuilds;
import vn.qualityledger.query.review.ReviewDue;

/**
 * The year's trends and the province's roll-up over real events in PostgreSQL, read over HTTP. Two scenarios share
 * the database: {@link QualityYearScenario} (so-ldtbxh-bt, and one objective of so-ldtbxh-vl) and
 * {@link AuditYearScenario} (so-ldtbxh-qn, and one nonconformity of so-ldtbxh-vl). Every expected figure is worked
 * out by hand from the facts listed there.
 */
@SpringBootTest(properties = "spring.config.name=query-service")
@AutoConfigureMockMvc
@WithUserDetails("tinh") // the province's auditor, who reads every organisation
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightFiguresIntegrationTest {

    private static final String BT = QualityYearScenario.ORG;
    private static final String QN = AuditYearScenario.ORG;
    private static final String VL = "so-ldtbxh-vl";
    private static final ManagementReviewId BT_REVIEW = new ManagementReviewId("xxld-bt-2023-h2");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_query_insight");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    private Instant beforeAnything;

    @BeforeAll
    void publishBothScenarios(@Autowired EventStore eventStore, @Autowired TransactionTemplate transaction, @Autowired JdbcTemplate jdbc) {
        beforeAnything = Instant.now();
        ObjectiveStreams streams = new ObjectiveStreams(eventStore, transaction);
        QualityYearScenario.publish(streams);
        AuditYearScenario.publish(streams);
        // so-ldtbxh-bt reviewed its second half of 2023 on 10/01/2024; the others never held a management review.
        streams.append("ManagementReview", BT_REVIEW.value(),
                new ManagementReviewPlannedEvent(BT_REVIEW, BT, "Xem xét của lãnh đạo 6 tháng cuối năm 2023", ReviewTrigger.PERIODIC, null,
                        d("2023-07-01"), d("2023-12-31"), d("2024-01-10"), new ReviewPerson("Nguyễn Văn Bình", "Giám đốc Sở"), List.of(),
                        d("2023-12-20")),
                new ManagementReviewHeldEvent(BT_REVIEW, d("2024-01-10"), Instant.parse("2024-01-10T09:00:00Z"),
                        List.of(new ReviewPerson("Nguyễn Văn Bình", "Giám đốc Sở")), "Họp đủ thành phần",
                        new QmsConclusion(true, true, true, "Hệ thống phù hợp, đầy đủ và có hiệu lực")));
        // BT's names were recorded, renamed once (the last name counts); QN and VL have none: shown by their codes.
        streams.append("OrganisationDirectory", "directory-" + BT,
                new OrganisationDirectoryRecordedEvent(OrganisationDirectoryId.forOrganisation(BT), BT, "Sở Lao động – Thương binh",
                        null, List.of()),
                new OrganisationDirectoryRecordedEvent(OrganisationDirectoryId.forOrganisation(BT), BT, BT_NAME,
                        "UBND tỉnh Bến Tre", List.of(new DirectoryUnit("VP", "Văn phòng Sở", "OFFICE"))));
        QualityYearScenario.awaitProjected(jdbc);
        AuditYearScenario.awaitProjected(jdbc);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (jdbc.queryForObject("SELECT count(*) FROM query.management_review WHERE id = ? AND held_on IS NOT NULL", Long.class,
                BT_REVIEW.value()) == 0) {
            assertThat(System.nanoTime()).as("the management review projected").isLessThan(deadline);
            Thread.onSpinWait();
        }
        await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT name FROM query.organisation_directory WHERE organisation_id = ?", String.class, BT)).containsExactly(BT_NAME));
    }

    private static final String BT_NAME = "Sở Lao động – Thương binh và Xã hội tỉnh Bến Tre";

    // ---- trends --------------------------------------------------------------------------------------------------

    @Test
    void drawsOneObjectivesYearAtEveryMonthsEndUpToTheDate() {
        Trend trend = read(Trend.class, "/api/objectives/{id}/trend?asOf=2024-07-15", MT1.value());

        assertThat(trend.organisationId()).isEqualTo(BT);
        assertThat(trend.objectiveId()).isEqualTo(MT1.value());
        assertThat(trend.year()).isEqualTo(2024);
        // Six month ends, then 07-15 itself (no month's end).
        assertThat(trend.points()).extracting(Trend.Point::date).containsExactly(d("2024-01-31"), d("2024-02-29"), d("2024-03-31"),
                d("2024-04-30"), d("2024-05-31"), d("2024-06-30"), d("2024-07-15"));
        List<Trend.Point> p = trend.points();
        // January, February: all 10 occurrences count (m3 is cancelled only from 05-15), none due yet: no rate.
        assertThat(p.get(0)).isEqualTo(point("2024-01-31", counts(10, 0, 0, 0, 0, 10), null, null));
        assertThat(p.get(1)).isEqualTo(point("2024-02-29", counts(10, 0, 0, 0, 0, 10), null, null));
        // 03-31: m1@03-31 due, done 03-28 -> 1 of 1 on time.
        assertThat(p.get(2)).isEqualTo(point("2024-03-31", counts(10, 1, 1, 0, 0, 9), "100.00", "100.00"));
        // 04-30: m3@04-30 is due too and not done (not yet cancelled) -> overdue; 1 of 2.
        assertThat(p.get(3)).isEqualTo(point("2024-04-30", counts(10, 2, 1, 0, 1, 8), "50.00", "50.00"));
        // 05-31: measure 3 cancelled on 05-15 takes both m3 occurrences out -> 8, of which m1@03-31 is due.
        assertThat(p.get(4)).isEqualTo(point("2024-05-31", counts(8, 1, 1, 0, 0, 7), "100.00", "100.00"));
        // 06-30: m2@06-15 done 06-12 (on time); m1@06-30 due that day, done only 07-08 -> overdue; 2 of 3 = 66.67.
        assertThat(p.get(5)).isEqualTo(point("2024-06-30", counts(8, 3, 2, 0, 1, 5), "66.67", "66.67"));
        // 07-15: m1@06-30 now done late -> 3 of 3 complete, 2 of 3 on time (the dashboard's figures of that day).
        assertThat(p.get(6)).isEqualTo(point("2024-07-15", counts(8, 3, 2, 1, 0, 5), "100.00", "66.67"));
    }

    @Test
    void drawsAnOrganisationsYearOverAllItsOccurrencesNeverAnAverageOfRates() {
        Trend trend = read(Trend.class, "/api/organisations/{org}/years/2024/trend?asOf=2024-07-15", BT);

        assertThat(trend.objectiveId()).isNull();
        List<Trend.Point> p = trend.points();
        assertThat(p).hasSize(7);
        // MT1 as above + MT2 (b-m1@06-30, b-m1@12-15) + MT3 (c-m1@09-30) + MT4 (none).
        assertThat(p.get(0)).isEqualTo(point("2024-01-31", counts(13, 0, 0, 0, 0, 13), null, null));
        assertThat(p.get(2)).isEqualTo(point("2024-03-31", counts(13, 1, 1, 0, 0, 12), "100.00", "100.00"));
        assertThat(p.get(3)).isEqualTo(point("2024-04-30", counts(13, 2, 1, 0, 1, 11), "50.00", "50.00"));
        assertThat(p.get(4)).isEqualTo(point("2024-05-31", counts(11, 1, 1, 0, 0, 10), "100.00", "100.00"));
        // 06-30: MT1 (8,3,2,0,1,5) + MT2 b-m1@06-30 due that day, done 07-01 -> overdue: 2 of 4 complete, 2 of 4 on time.
        assertThat(p.get(5)).isEqualTo(point("2024-06-30", counts(11, 4, 2, 0, 2, 7), "50.00", "50.00"));
        // 07-15: MT1 (8,3,2,1,0,5) + MT2 (2,1,0,1,0,1) + MT3 (1,0,0,0,0,1): 4 of 4 complete, 2 of 4 on time.
        assertThat(p.get(6)).isEqualTo(point("2024-07-15", counts(11, 4, 2, 2, 0, 7), "100.00", "50.00"));
    }

    @Test
    void endsAtTheYearsLastMonthAfterTheYearAndHasNothingBeforeIt() {
        Trend afterTheYear = read(Trend.class, "/api/objectives/{id}/trend?asOf=2025-03-01", MT1.value());
        assertThat(afterTheYear.points()).hasSize(12);
        // 12-31: MT1's year-end figures (7,7,2,1,4,0): 3 of 7 complete = 42.86, 2 of 7 on time = 28.57.
        assertThat(afterTheYear.points().get(11)).isEqualTo(point("2024-12-31", counts(7, 7, 2, 1, 4, 0), "42.86", "28.57"));

        assertThat(read(Trend.class, "/api/organisations/{org}/years/2024/trend?asOf=2023-12-31", BT).points()).isEmpty();
        // An objective without occurrences has points with nothing due.
        assertThat(read(Trend.class, "/api/objectives/{id}/trend?asOf=2024-02-10", MT4.value()).points())
                .containsExactly(point("2024-01-31", OccurrenceCounts.NONE, null, null), point("2024-02-10", OccurrenceCounts.NONE, null, null));
    }

    @Test
    void readsATrendAsRecordedAtAnInstant() {
        mvcGet(404, "/api/objectives/{id}/trend?asOf=2024-07-15&knownAt={t}", MT1.value(), beforeAnything);
        Trend nothingYet = read(Trend.class, "/api/organisations/{org}/years/2024/trend?asOf=2024-03-31&knownAt={t}", BT, beforeAnything);
        assertThat(nothingYet.points()).extracting(Trend.Point::occurrences).containsOnly(OccurrenceCounts.NONE);
    }

    // ---- the province --------------------------------------------------------------------------------------------

    @Test
    void rollsUpEveryOrganisationOfTheProvinceInJune() {
        ProvinceSummary june = read(ProvinceSummary.class, "/api/province/years/2024/summary?asOf=2024-06-05");

        assertThat(june.asOf()).isEqualTo(d("2024-06-05"));
        assertThat(june.organisations()).extracting(ProvinceSummary.Organisation::organisationId).containsExactly(BT, QN, VL);
        // The names as the directory records them now; none for QN and VL.
        assertThat(june.organisations()).extracting(ProvinceSummary.Organisation::organisationName).containsExactly(BT_NAME, null, null);
        assertThat(java.text.Normalizer.isNormalized(june.organisations().get(0).organisationName(), java.text.Normalizer.Form.NFC)).isTrue();
        ProvinceSummary.Organisation bt = june.organisations().get(0);
        // MT1 (8,1,1,0,0,7: m3 cancelled 05-15, m1@03-31 on time) + MT2 (2,0,0,0,0,2) + MT3 (1,0,0,0,0,1): 1 of 1.
        assertThat(bt.summary().objectiveCount()).isEqualTo(4);
        assertThat(bt.summary().occurrences()).isEqualTo(counts(11, 1, 1, 0, 0, 10));
        assertThat(bt.summary().completionRate()).isEqualTo(new BigDecimal("100.00"));
        assertThat(bt.summary().onTimeRate()).isEqualTo(new BigDecimal("100.00"));
        // MT3 no target; MT2 (H1 ends 06-30) and MT4 unmeasured; MT1 at risk (Q1 93.50 < 95).
        assertThat(bt.summary().kpiStatusCounts()).isEqualTo(statuses(1, 2, 0, 1, 0, 0));
        assertThat(bt.nonconformities()).isEqualTo(new ProvinceSummary.Nonconformities(0, 0, 0));

        ProvinceSummary.Organisation qn = june.organisations().get(1);
        // obj-qn-mt1 has no occurrences and no target; obj-qn-2023 is of 2023.
        assertThat(qn.summary().objectiveCount()).isEqualTo(1);
        assertThat(qn.summary().occurrences()).isEqualTo(OccurrenceCounts.NONE);
        assertThat(qn.summary().completionRate()).isNull();
        assertThat(qn.summary().kpiStatusCounts()).isEqualTo(statuses(1, 0, 0, 0, 0, 0));
        // Raised in 2024 by 06-05: NC1, NC2, NC5, NC6 — none closed yet; NC2's b1 (due 05-31) is not implemented until 06-10.
        assertThat(qn.nonconformities()).isEqualTo(new ProvinceSummary.Nonconformities(4, 4, 1));

        ProvinceSummary.Organisation vl = june.organisations().get(2);
        // e-m1@03-31 never completed: 0 of 1; NC-VL-1 raised 05-01, nothing since.
        assertThat(vl.summary().occurrences()).isEqualTo(counts(1, 1, 0, 0, 1, 0));
        assertThat(vl.summary().completionRate()).isEqualTo(new BigDecimal("0.00"));
        assertThat(vl.summary().onTimeRate()).isEqualTo(new BigDecimal("0.00"));
        assertThat(vl.nonconformities()).isEqualTo(new ProvinceSummary.Nonconformities(1, 1, 0));
    }

    @Test
    void rollsUpTheSameOrganisationsInJulyAfterClosings() {
        ProvinceSummary july = read(ProvinceSummary.class, "/api/province/years/2024/summary?asOf=2024-07-15");
        ProvinceSummary.Organisation bt = july.organisations().get(0);
        // As the organisation's own summary of 07-15.
        assertThat(bt.summary().occurrences()).isEqualTo(counts(11, 4, 2, 2, 0, 7));
        assertThat(bt.summary().onTimeRate()).isEqualTo(new BigDecimal("50.00"));
        assertThat(bt.summary().kpiStatusCounts()).isEqualTo(statuses(1, 1, 1, 1, 0, 0));
        // NC1 closed 07-05, NC2 closed 06-25 (reopened only 08-20); NC5 and NC6 open, no action overdue.
        assertThat(july.organisations().get(1).nonconformities()).isEqualTo(new ProvinceSummary.Nonconformities(4, 2, 0));
        // 2023: only so-ldtbxh-bt (obj-2023-mt1) and so-ldtbxh-qn (obj-qn-2023, NC0 raised 2023-10-05).
        assertThat(read(ProvinceSummary.class, "/api/province/years/2023/summary?asOf=2023-12-31").organisations())
                .extracting(ProvinceSummary.Organisation::organisationId).containsExactly(BT, QN);
    }

    @Test
    void showsEachOrganisationsLastManagementReviewAndWhetherOneIsDue() {
        List<ReviewDue> june = read(ProvinceSummary.class, "/api/province/years/2024/summary?asOf=2024-06-05").organisations().stream()
                .map(ProvinceSummary.Organisation::review).toList();
        // so-ldtbxh-bt held one on 01-10: next due 6 months later, 07-10; the others never held one.
        assertThat(june.get(0).lastHeldOn()).isEqualTo(d("2024-01-10"));
        assertThat(june.get(0).nextDueOn()).isEqualTo(d("2024-07-10"));
        assertThat(june).extracting(ReviewDue::status).containsExactly("NOT_DUE", "DUE", "DUE");
        assertThat(june).extracting(ReviewDue::reason).containsExactly(null, "NO_REVIEW_HELD", "NO_REVIEW_HELD");
        // 07-15 is after 07-10: overdue by the six months' rule.
        ReviewDue july = read(ProvinceSummary.class, "/api/province/years/2024/summary?asOf=2024-07-15").organisations().get(0).review();
        assertThat(july.status()).isEqualTo("OVERDUE");
        assertThat(july.reason()).isEqualTo("SIX_MONTHS");
        // Before the meeting none was held yet.
        assertThat(read(ProvinceSummary.class, "/api/province/years/2024/summary?asOf=2024-01-09").organisations())
                .filteredOn(o -> o.organisationId().equals(BT)).extracting(o -> o.review().reason()).containsExactly("NO_REVIEW_HELD");
    }

    @Test
    void countsTheAuditsHeldByTheDate() {
        // so-ldtbxh-qn: A1 held VPS on 04-02; A2 (planned 08-01) held TTS on 09-10. The others have no audits.
        assertThat(read(ProvinceSummary.class, "/api/province/years/2024/summary?asOf=2024-06-05").organisations())
                .extracting(ProvinceSummary.Organisation::auditsHeld).containsExactly(0L, 1L, 0L);
        assertThat(read(ProvinceSummary.class, "/api/province/years/2024/summary?asOf=2024-09-30").organisations())
                .extracting(ProvinceSummary.Organisation::auditsHeld).containsExactly(0L, 2L, 0L);
        assertThat(read(ProvinceSummary.class, "/api/province/years/2024/summary?asOf=2024-04-01").organisations().get(1).auditsHeld())
                .isZero();
    }

    @Test
    void sortsTheOrganisationsByAFigureWithoutARateLast() {
        // 06-05: on-time rates BT 100.00, QN none (nothing due), VL 0.00; open nonconformities BT 0, QN 4, VL 1.
        assertThat(read(ProvinceSummary.class, "/api/province/years/2024/summary?asOf=2024-06-05&sort=onTimeRate,desc").organisations())
                .extracting(ProvinceSummary.Organisation::organisationId).containsExactly(BT, VL, QN);
        assertThat(read(ProvinceSummary.class, "/api/province/years/2024/summary?asOf=2024-06-05&sort=onTimeRate").organisations())
                .extracting(ProvinceSummary.Organisation::organisationId).containsExactly(VL, BT, QN);
        ProvinceSummary byOpen = read(ProvinceSummary.class, "/api/province/years/2024/summary?asOf=2024-06-05&sort=openNonconformities,desc");
        assertThat(byOpen.sort()).isEqualTo("openNonconformities,desc");
        assertThat(byOpen.organisations()).extracting(ProvinceSummary.Organisation::organisationId).containsExactly(QN, VL, BT);
        assertThat(mvcGet(400, "/api/province/years/2024/summary?sort=name")).contains("sort");
        assertThat(mvcGet(400, "/api/province/years/2024/summary?sort=onTimeRate,up")).contains("sort");
    }

    @Test
    void readsTheProvinceAsRecordedAtAnInstant() {
        ProvinceSummary nothingYet = read(ProvinceSummary.class, "/api/province/years/2024/summary?asOf=2024-06-05&knownAt={t}", beforeAnything);
        assertThat(nothingYet.knownAt()).isEqualTo(beforeAnything);
        assertThat(nothingYet.organisations()).isEmpty();
        // Everything recorded by now: the replayed figures are the live ones.
        ProvinceSummary replayed = read(ProvinceSummary.class, "/api/province/years/2024/summary?asOf=2024-06-05&knownAt={t}", Instant.now());
        ProvinceSummary live = read(ProvinceSummary.class, "/api/province/years/2024/summary?asOf=2024-06-05");
        assertThat(replayed.organisations()).isEqualTo(live.organisations());
    }

    @Test
    void exportsTheProvinceAsXlsxAndCsvWithTheFiguresWorkedOutByHand() throws Exception {
        byte[] csv = mvc.perform(get("/api/province/years/2024/summary.csv?asOf=2024-06-05&sort=openNonconformities,desc"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] xlsx = mvc.perform(get("/api/province/years/2024/summary.xlsx?asOf=2024-06-05&sort=openNonconformities,desc"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        List<List<String>> rows = ExportFiles.csv(csv);
        assertThat(ExportFiles.xlsx(xlsx)).isEqualTo(rows);
        assertThat(rows.get(0)).containsExactly("Tổ chức", "Tên tổ chức", "Số mục tiêu", "Tổng số công việc", "Đến hạn", "Đúng hạn", "Trễ hạn", "Quá hạn",
                "Tỷ lệ hoàn thành (%)", "Tỷ lệ đúng hạn (%)", "Số mục tiêu: Không có chỉ tiêu định lượng", "Số mục tiêu: Chưa có kết quả đo",
                "Số mục tiêu: Đang đạt", "Số mục tiêu: Có nguy cơ không đạt", "Số mục tiêu: Đạt", "Số mục tiêu: Không đạt",
                "Sự không phù hợp trong năm", "Sự không phù hợp còn mở", "Sự không phù hợp quá hạn", "Cuộc đánh giá nội bộ đã thực hiện",
                "Xem xét của lãnh đạo gần nhất", "Xem xét của lãnh đạo (I.4)");
        // As rollsUpEveryOrganisationOfTheProvinceInJune, countsTheAuditsHeldByTheDate and
        // showsEachOrganisationsLastManagementReviewAndWhetherOneIsDue, by open nonconformities.
        assertThat(rows.subList(1, rows.size())).containsExactly(
                List.of(QN, "", "1", "0", "0", "0", "0", "0", "", "", "1", "0", "0", "0", "0", "0", "4", "4", "1", "1", "", "DUE"),
                List.of(VL, "", "1", "1", "1", "0", "0", "1", "0", "0", "1", "0", "0", "0", "0", "0", "1", "1", "0", "0", "", "DUE"),
                List.of(BT, BT_NAME, "4", "11", "1", "1", "0", "0", "100", "100", "1", "2", "0", "1", "0", "0", "0", "0", "0", "0", "2024-01-10",
                        "NOT_DUE"));
    }

    // ---- the organisation directory -------------------------------------------------------------------------------

    @Test
    void answersTheUnitsWithTheDirectorysNamesAndNoneForAnOrganisationWithoutADirectory() throws Exception {
        JsonNode bt = json.readTree(mvcGet(200, "/api/organisations/{org}/units", BT));
        assertThat(bt.path("organisationName").asString()).isEqualTo(BT_NAME);
        assertThat(bt.path("parentName").asString()).isEqualTo("UBND tỉnh Bến Tre");
        assertThat(bt.path("directory").toString()).isEqualTo("[{\"code\":\"VP\",\"name\":\"Văn phòng Sở\",\"kind\":\"OFFICE\"}]");
        assertThat(bt.path("units").isArray()).isTrue(); // the codes the records name, as before
        JsonNode qn = json.readTree(mvcGet(200, "/api/organisations/{org}/units", QN));
        assertThat(qn.path("organisationName").isNull()).isTrue();
        assertThat(qn.path("directory").size()).isZero();
    }

    @Test
    void rebuildsTheDirectoryToTheSameRowsAndFindsACorruptedName(@Autowired ProjectionRebuilds rebuilds, @Autowired JdbcTemplate jdbc) {
        String projection = OrganisationDirectoryProjection.PROCESSING_GROUP;
        assertThat(rebuilds.check(projection).consistent()).isTrue();
        jdbc.update("UPDATE query.directory_unit SET name = 'Văn phòng' WHERE organisation_id = ? AND code = 'VP'", BT);
        ProjectionRebuilds.ConsistencyReport report = rebuilds.check(projection);
        assertThat(report.consistent()).isFalse();
        assertThat(report.differences()).extracting(ProjectionRebuilds.Difference::table).containsOnly("directory_unit");

        rebuilds.startRebuild(projection);
        await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "DONE".equals(rebuilds.progress(projection).state()));
        assertThat(jdbc.queryForObject("SELECT name FROM query.directory_unit WHERE organisation_id = ? AND code = 'VP'", String.class, BT))
                .isEqualTo("Văn phòng Sở");
        assertThat(rebuilds.check(projection).consistent()).isTrue();
    }

    // ---- access --------------------------------------------------------------------------------------------------

    @Test
    @WithUserDetails("xem") // a reader of SLDTBXH-HD
    void refusesTheProvinceAndOtherOrganisationsTrendsToAReaderOfOneOrganisation() {
        mvcGet(403, "/api/province/years/2024/summary?asOf=2024-06-05");
        mvcGet(403, "/api/province/years/2024/summary.xlsx?asOf=2024-06-05");
        mvcGet(403, "/api/province/years/2024/summary.csv");
        mvcGet(403, "/api/organisations/{org}/years/2024/trend?asOf=2024-06-05", BT);
        mvcGet(403, "/api/objectives/{id}/trend?asOf=2024-06-05", MT1.value());
    }

    @Test
    @WithUserDetails("admin") // an administrator of SLDTBXH-HD
    void anAdministratorReadsTheProvincesFiguresButNotAnotherOrganisationsDashboards() {
        assertThat(read(ProvinceSummary.class, "/api/province/years/2024/summary?asOf=2024-06-05").organisations())
                .extracting(ProvinceSummary.Organisation::organisationId).containsExactly(BT, QN, VL);
        mvcGet(200, "/api/province/years/2024/summary.csv?asOf=2024-06-05");
        mvcGet(403, "/api/organisations/{org}/years/2024/trend?asOf=2024-06-05", BT);
        mvcGet(403, "/api/organisations/{org}/years/2024/summary?asOf=2024-06-05", BT);
    }

    @Test
    void namesABadParameter() {
        assertThat(mvcGet(400, "/api/province/years/2024/summary?asOf=30/06/2024")).contains("asOf");
        assertThat(mvcGet(400, "/api/objectives/{id}/trend?asOf=2024-02-30", MT1.value())).contains("asOf");
    }

    private static Trend.Point point(String date, OccurrenceCounts counts, String completion, String onTime) {
        return new Trend.Point(d(date), counts, completion == null ? null : new BigDecimal(completion),
                onTime == null ? null : new BigDecimal(onTime));
    }

    private static OccurrenceCounts counts(long total, long due, long onTime, long late, long overdue, long upcoming) {
        OccurrenceCounts counts = OccurrenceCounts.of(total, due, onTime, late, upcoming);
        assertThat(counts.overdue()).as("overdue worked out by hand").isEqualTo(overdue);
        return counts;
    }

    private static Map<KpiStatus, Integer> statuses(int noTarget, int notMeasured, int onTrack, int atRisk, int achieved, int missed) {
        return Map.of(KpiStatus.NO_TARGET, noTarget, KpiStatus.NOT_MEASURED, notMeasured, KpiStatus.ON_TRACK, onTrack,
                KpiStatus.AT_RISK, atRisk, KpiStatus.ACHIEVED, achieved, KpiStatus.MISSED, missed);
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private <T> T read(Class<T> type, String uri, Object... variables) {
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
