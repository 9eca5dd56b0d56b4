package vn.qualityledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.qualityledger.web.SliceTests.signedIn;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The insight pages over a mocked client (issue 11): the year's trend chart on the dashboard and the objective page
 * (the SVG's values and geometry, the table beneath, Vietnamese and English formats, one trend read per page), the
 * integrity check on the history page, and "what changed" between two instants (the instants sent, the figures at
 * both, the events and which figures each moved, typed instants refused beside their field).
 */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, Formats.class, ProblemMessages.class, Reads.class})
class InsightPagesControllerTest {

    static final SignedInUser THUKY = new SignedInUser("thuky", "qlt_test", "thuky", "Nguyễn Thị Thư", List.of("ISO_SECRETARY"),
            "SLDTBXH-HD", "TK-ISO");
    static final SignedInUser DANHGIA = new SignedInUser("danhgia", "qlt_dg", "danhgia", "Trần Văn Quang", List.of("AUDITOR"),
            "SLDTBXH-HD", "TO-ISO");
    static final String OBJECTIVE = "SLDTBXH-HD.MTCL-2023-01";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QualityLedgerClient client;

    /** Every URI the pages asked query-service for, in order. */
    final List<URI> asked = new ArrayList<>();

    // ---- the trend -----------------------------------------------------------------------------------------------

    @Test
    void theDashboardDrawsTheServicesTrendAsAnAccessibleSvgWithTheSameFiguresInATable() throws Exception {
        answer(THUKY, Map.of("/trend", trend()));
        String page = mvc.perform(get("/organisations/SLDTBXH-HD/years/2023").param("asOf", "15/04/2023").with(signedIn(THUKY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title id=\"trend-title\">Diễn biến năm 2023 đến ngày 15/04/2023</title>")))
                .andExpect(content().string(containsString("<desc id=\"trend-desc\">Tỷ lệ hoàn thành (đường liền")))
                .andExpect(content().string(containsString("aria-labelledby=\"trend-title trend-desc\"")))
                .andReturn().getResponse().getContentAsString();

        // One read of the series, for the dashboard's own date (not one per month end).
        assertThat(asked.stream().filter(u -> u.getPath().endsWith("/trend")).toList())
                .containsExactly(URI.create("http://query/api/organisations/SLDTBXH-HD/years/2023/trend?asOf=2023-04-15"));
        // Four points across 652 px: x = 52 + (i + 0.5) * 163. Rates at y = 16 + (100 - r) * 1.7; January has none (nothing due).
        assertThat(page).contains("<polyline class=\"line completion\" points=\"296.5,58.5 459.5,72.7 622.5,16.0\">");
        assertThat(page).contains("<polyline class=\"line on-time\" points=\"296.5,101.0 459.5,72.7 622.5,58.5\">");
        assertThat(page).contains("cx=\"296.5\" cy=\"58.5\" data-value=\"75.00\"", "cx=\"622.5\" cy=\"16.0\" data-value=\"100.00\"");
        assertThat(page).doesNotContain("cx=\"133.5\"");
        // Overdue bars over 50 px, the most (2) full height: February's 1 is 25 px high, March's 2 reaches the top (210).
        assertThat(page).contains("x=\"284.5\" y=\"235.0\" width=\"24.0\" height=\"25.0\" data-value=\"1\"",
                "x=\"447.5\" y=\"210.0\" width=\"24.0\" height=\"50.0\" data-value=\"2\"");
        assertThat(page).contains("<title>28/02/2023: hoàn thành 75 %, đúng hạn 50 %, quá hạn 1</title>",
                "<title>31/01/2023: hoàn thành —, đúng hạn —, quá hạn 0</title>");
        // The table beneath, in Vietnamese formats.
        assertThat(page).contains("<th scope=\"row\">31/03/2023</th>", "66,67 %", "1.212");
    }

    @Test
    void theTrendTableReadsInEnglishWithEnglishSeparators() throws Exception {
        answer(THUKY, Map.of("/trend", trend()));
        mvc.perform(get("/organisations/SLDTBXH-HD/years/2023").param("asOf", "15/04/2023").param("lang", "en").with(signedIn(THUKY)))
                .andExpect(content().string(containsString("Trend of 2023 up to 15/04/2023")))
                .andExpect(content().string(containsString("66.67 %")))
                .andExpect(content().string(containsString("1,212")))
                .andExpect(content().string(containsString("<title>28/02/2023: completed 75 %, on time 50 %, overdue 1</title>")));
    }

    @Test
    void aFailedTrendLeavesTheDashboardWithItsFiguresAndANote() throws Exception {
        answer(THUKY, Map.of("/trend", new ServiceProblem(404, "HTTP_404", "No such endpoint")));
        mvc.perform(get("/organisations/SLDTBXH-HD/years/2023").param("asOf", "15/04/2023").with(signedIn(THUKY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chưa đọc được diễn biến trong năm")))
                .andExpect(content().string(containsString("95,5 %")))
                .andExpect(content().string(not(containsString("id=\"trend-chart\""))));
    }

    @Test
    void aRevokedTokenOnTheTrendReadStillSignsTheUserOut() throws Exception {
        answer(THUKY, Map.of("/trend", new ServiceProblem(401, "INVALID_TOKEN", "revoked")));
        mvc.perform(get("/organisations/SLDTBXH-HD/years/2023").with(signedIn(THUKY))).andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void theObjectivePageDrawsItsOwnTrendAsRecordedByTheChosenDay() throws Exception {
        answer(DANHGIA, Map.of("/trend", trend()));
        mvc.perform(get("/objectives/" + OBJECTIVE).param("asOf", "15/04/2023").param("knownOn", "30/04/2023").with(signedIn(DANHGIA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"trend-chart\"")))
                .andExpect(content().string(containsString("<th scope=\"row\">28/02/2023</th>")));
        // knownAt is the end of 30/04/2023 in Ho Chi Minh City: 16:59:59.999 UTC.
        assertThat(asked.stream().filter(u -> u.getPath().endsWith("/trend")).toList()).containsExactly(URI.create(
                "http://query/api/objectives/" + OBJECTIVE + "/trend?asOf=2023-04-15&knownAt=2023-04-30T16:59:59.999Z"));
    }

    // ---- integrity on the history page ---------------------------------------------------------------------------

    @Test
    void theHistorySaysPlainlyThatTheChainIsIntactAndHowManyEventsWereChecked() throws Exception {
        answer(DANHGIA, Map.of("/integrity", Map.of("aggregateIdentifier", OBJECTIVE, "verified", true, "eventsChecked", 1034)));
        mvc.perform(get("/objectives/" + OBJECTIVE + "/history").with(signedIn(DANHGIA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chuỗi sự kiện nguyên vẹn: 1.034 sự kiện đã kiểm tra.")))
                .andExpect(content().string(containsString("data-state=\"INTACT\"")))
                .andExpect(content().string(containsString("href=\"/objectives/" + OBJECTIVE + "/changes\"")));
        mvc.perform(get("/objectives/" + OBJECTIVE + "/history").param("lang", "en").with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("The event chain is intact: 1,034 events checked.")));
    }

    @Test
    void theHistoryNamesTheFirstBrokenEventWithTheServicesReason() throws Exception {
        Map<String, Object> failure = new HashMap<>();
        failure.put("sequenceNumber", 7);
        failure.put("eventIdentifier", "3f1c-ev7");
        failure.put("problem", "event differs from what was written (content, time, type or position changed)");
        answer(DANHGIA, Map.of("/integrity", Map.of("verified", false, "eventsChecked", 7, "firstFailure", failure)));
        mvc.perform(get("/objectives/" + OBJECTIVE + "/history").with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("Chuỗi sự kiện không nguyên vẹn: sự kiện #7 (mã 3f1c-ev7) không khớp với bản đã ghi.")))
                .andExpect(content().string(containsString("7 sự kiện trước đó khớp với chuỗi.")))
                .andExpect(content().string(containsString("event differs from what was written")))
                .andExpect(content().string(not(containsString("Chuỗi sự kiện nguyên vẹn"))));

        Map<String, Object> missing = new HashMap<>();
        missing.put("sequenceNumber", 5);
        missing.put("eventIdentifier", null);
        missing.put("problem", "event 5 is missing: the stream jumps to 6");
        answer(DANHGIA, Map.of("/integrity", Map.of("verified", false, "eventsChecked", 5, "firstFailure", missing)));
        mvc.perform(get("/objectives/" + OBJECTIVE + "/history").with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("Chuỗi sự kiện không nguyên vẹn: thiếu sự kiện #5.")));
    }

    @Test
    void theHistorySaysWhenTheChainCannotBeCheckedInThisModeOrJustNow() throws Exception {
        answer(DANHGIA, Map.of("/integrity", new ServiceProblem(501, "INTEGRITY_NOT_VERIFIABLE", "not verifiable in this event-store mode")));
        mvc.perform(get("/objectives/" + OBJECTIVE + "/history").with(signedIn(DANHGIA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Không kiểm tra được tính nguyên vẹn của chuỗi sự kiện trong chế độ này")))
                .andExpect(content().string(containsString("Giao biện pháp I.6"))); // the timeline is still there

        answer(DANHGIA, Map.of("/integrity", new ServiceProblem(503, "SERVICE_UNAVAILABLE", "timeout")));
        mvc.perform(get("/objectives/" + OBJECTIVE + "/history").with(signedIn(DANHGIA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chưa kiểm tra được tính nguyên vẹn của chuỗi sự kiện lúc này.")));
    }

    // ---- what changed --------------------------------------------------------------------------------------------

    @Test
    void whatChangedSendsTheTypedInstantsAndShowsTheFiguresAtBothWithTheEventsBetween() throws Exception {
        answer(DANHGIA, Map.of("/changes", changes()));
        String page = mvc.perform(get("/objectives/" + OBJECTIVE + "/changes").param("from", "01/05/2023 08:30").param("to", "12/05/2023")
                        .with(signedIn(DANHGIA)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        List<URI> reads = asked.stream().filter(u -> u.getPath().endsWith("/changes")).toList();
        // From the start of 08:30 on 1 May (just before it: the service counts events after "from"), to the end of 12 May, UTC+7.
        assertThat(reads.get(0)).isEqualTo(URI.create("http://query/api/objectives/" + OBJECTIVE
                + "/changes?from=2023-05-01T01:29:59.999999999Z&to=2023-05-12T16:59:59.999999999Z"));
        // Then each event's own second, to see what it moved: 09:00:00 and 10:00:05 on 10 and 12 May in Vietnam.
        assertThat(reads.subList(1, 3)).containsExactly(
                URI.create("http://query/api/objectives/" + OBJECTIVE + "/changes?from=2023-05-10T01:59:59.999999999Z&to=2023-05-10T02:00:00.999999999Z"),
                URI.create("http://query/api/objectives/" + OBJECTIVE + "/changes?from=2023-05-12T03:00:04.999999999Z&to=2023-05-12T03:00:05.999999999Z"));

        assertThat(page).contains("Từ 01/05/2023 08:30:00 đến 12/05/2023 23:59:59.");
        assertThat(row(page, "completionRate")).contains("class=\"changed\"", "—", "100 %", "Có thay đổi");
        assertThat(row(page, "due")).contains("<td class=\"num before\">0</td>", "<td class=\"num after\">1</td>");
        assertThat(row(page, "kpiStatus")).contains("Chưa đo").doesNotContain("Có thay đổi");
        // Who, what, when; which event moved which figure.
        assertThat(page).contains("Nguyễn Thị Thư", "Giao biện pháp I.6 cho VP", "10/05/2023 09:00:00", "Chấp nhận minh chứng ev-2",
                "12/05/2023 10:00:05", "Không làm thay đổi chỉ số nào.");
        String moved = page.substring(page.indexOf("data-second=\"12/05/2023 10:00:05\""));
        assertThat(moved).contains("<strong>Tỷ lệ hoàn thành</strong>:", "<span class=\"from\">—</span> →", "<span class=\"to\">100 %</span>",
                "<strong>Đến hạn</strong>:", "<span class=\"from\">0</span> →", "<span class=\"to\">1</span>");
        assertThat(page).contains("href=\"/objectives/" + OBJECTIVE + "/changes?from=12/05/2023%2010:00:05&amp;to=12/05/2023%2010:00:05\"");
    }

    @Test
    void whatChangedReadsInEnglish() throws Exception {
        answer(DANHGIA, Map.of("/changes", changes()));
        mvc.perform(get("/objectives/" + OBJECTIVE + "/changes").param("from", "01/05/2023").param("to", "12/05/2023").param("lang", "en")
                        .with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("What changed: objective MTCL-2023-01")))
                .andExpect(content().string(containsString("Completion rate")))
                .andExpect(content().string(containsString("Moved no figure.")))
                .andExpect(content().string(containsString("Assigned measure I.6 to VP")));
    }

    @Test
    void anInstantThatIsNoDateOrAnEndBeforeTheStartIsMarkedBesideItsFieldAndNothingIsAsked() throws Exception {
        answer(DANHGIA, Map.of("/changes", changes()));
        mvc.perform(get("/objectives/" + OBJECTIVE + "/changes").param("from", "hôm qua").param("to", "31/02/2023").with(signedIn(DANHGIA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"from-error\"")))
                .andExpect(content().string(containsString("id=\"to-error\"")))
                .andExpect(content().string(containsString("Thời điểm phải ghi theo dạng ngày/tháng/năm")))
                .andExpect(content().string(containsString("value=\"hôm qua\"")));
        mvc.perform(get("/objectives/" + OBJECTIVE + "/changes").param("from", "12/05/2023 10:00").param("to", "12/05/2023 09:00")
                        .with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("Thời điểm kết thúc phải sau thời điểm bắt đầu.")))
                .andExpect(content().string(not(containsString("id=\"from-error\""))));
        assertThat(asked).noneMatch(u -> u.getPath().endsWith("/changes"));
    }

    @Test
    void manyRecordingInstantsAreNotEachReadButEachLinksToItsOwnView() throws Exception {
        Map<String, Object> many = new LinkedHashMap<>(changes());
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            events.add(event(i, "2023-05-1" + i + "T02:00:00Z", "Sự kiện " + i, "Event " + i));
        }
        many.put("events", events);
        answer(DANHGIA, Map.of("/changes", many));
        mvc.perform(get("/objectives/" + OBJECTIVE + "/changes").param("from", "01/05/2023").with(signedIn(DANHGIA)))
                .andExpect(content().string(containsString("Có nhiều hơn 8 thời điểm ghi nhận")))
                .andExpect(content().string(containsString("Chỉ xem các sự kiện này")))
                .andExpect(content().string(not(containsString("Không làm thay đổi chỉ số nào."))));
        assertThat(asked.stream().filter(u -> u.getPath().endsWith("/changes"))).hasSize(1);
    }

    @Test
    void aReaderTheServiceRefusesSeesTheRefusal() throws Exception {
        given(client.read(eq(DANHGIA), any())).willThrow(new ServiceProblem(403, "HTTP_403", "You read only your own organisation's data"));
        mvc.perform(get("/objectives/OTHER.MT1/changes").with(signedIn(DANHGIA)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bạn không có quyền xem nội dung này.")));
    }

    // ---- answers -------------------------------------------------------------------------------------------------

    /** Answers by the end of the path asked: the given answers first (a ServiceProblem is thrown), then the pages' usual reads. */
    private void answer(SignedInUser user, Map<String, Object> answers) {
        asked.clear();
        given(client.read(eq(user), any())).willAnswer(invocation -> {
            URI built = SliceTests.readUri(invocation);
            asked.add(built);
            String path = built.getPath();
            for (Map.Entry<String, Object> answer : answers.entrySet()) {
                if (path.endsWith(answer.getKey())) {
                    if (answer.getValue() instanceof ServiceProblem problem) {
                        throw problem;
                    }
                    if ("/changes".equals(answer.getKey()) && !built.getQuery().startsWith("from=2023-05-12T03:00:04")
                            && reads(built) > 1) {
                        return Map.of("changedFigures", List.of()); // an event that moved nothing
                    }
                    return answer.getValue();
                }
            }
            return usual(path);
        });
    }

    private long reads(URI built) {
        return asked.stream().filter(u -> u.getPath().equals(built.getPath())).count();
    }

    private static Map<String, Object> usual(String path) {
        if (path.endsWith("/summary")) {
            return Map.of("objectiveCount", 1, "completionRate", new BigDecimal("95.50"), "onTimeRate", new BigDecimal("87.25"),
                    "occurrences", Map.of("total", 1300, "due", 1250, "onTime", 1212, "late", 2, "overdue", 36, "upcoming", 50),
                    "kpiStatusCounts", new LinkedHashMap<>(Map.of("ON_TRACK", 1)));
        }
        if (path.endsWith("/objectives")) {
            return Map.of("content", List.of());
        }
        if (path.endsWith("/units")) {
            return Map.of("units", List.of());
        }
        if (path.endsWith("/dashboard")) {
            Map<String, Object> objective = new HashMap<>();
            objective.put("objectiveId", OBJECTIVE);
            objective.put("organisationId", "SLDTBXH-HD");
            objective.put("year", 2023);
            objective.put("code", "MTCL-2023-01");
            objective.put("statement", "Tỷ lệ hài lòng của tổ chức, cá nhân");
            objective.put("kpiStatus", "NOT_MEASURED");
            objective.put("target", null);
            objective.put("decision", null);
            objective.put("latestMeasurement", null);
            objective.put("occurrences", Map.of("total", 8, "due", 1, "onTime", 1, "late", 0, "overdue", 0, "upcoming", 7));
            objective.put("completionRate", new BigDecimal("100.00"));
            objective.put("onTimeRate", new BigDecimal("100.00"));
            return objective;
        }
        if (path.endsWith("/state")) {
            return Map.of("measures", List.of());
        }
        if (path.endsWith("/history")) {
            return Map.of("content", List.of(event(3, "2023-05-10T02:00:00.123Z", "Giao biện pháp I.6 cho VP (Phạm Minh Hiếu)",
                    "Assigned measure I.6 to VP (Phạm Minh Hiếu)")), "page", 0, "size", 100, "totalElements", 1, "totalPages", 1);
        }
        if (path.endsWith("/integrity")) {
            return Map.of("verified", true, "eventsChecked", 1);
        }
        return Map.of("content", List.of());
    }

    /** Four points: January with nothing due, then February, March and 15 April. */
    private static Map<String, Object> trend() {
        return Map.of("organisationId", "SLDTBXH-HD", "year", 2023, "asOf", "2023-04-15", "points", List.of(
                point("2023-01-31", 0, 0, 0, 0, null, null),
                point("2023-02-28", 4, 2, 1, 1, "75.00", "50.00"),
                point("2023-03-31", 1212, 808, 0, 2, "66.67", "66.67"),
                point("2023-04-15", 8, 6, 2, 0, "100.00", "75.00")));
    }

    private static Map<String, Object> point(String date, long due, long onTime, long late, long overdue, String completion, String onTimeRate) {
        Map<String, Object> point = new HashMap<>();
        point.put("date", date);
        point.put("occurrences", Map.of("due", due, "onTime", onTime, "late", late, "overdue", overdue));
        point.put("completionRate", completion == null ? null : new BigDecimal(completion));
        point.put("onTimeRate", onTimeRate == null ? null : new BigDecimal(onTimeRate));
        return point;
    }

    private static Map<String, Object> changes() {
        Map<String, Object> before = new HashMap<>();
        before.put("occurrences", Map.of("due", 0, "onTime", 0, "late", 0, "overdue", 0));
        before.put("completionRate", null);
        before.put("onTimeRate", null);
        before.put("kpiStatus", "NOT_MEASURED");
        Map<String, Object> after = new HashMap<>();
        after.put("occurrences", Map.of("due", 1, "onTime", 1, "late", 0, "overdue", 0));
        after.put("completionRate", new BigDecimal("100.00"));
        after.put("onTimeRate", new BigDecimal("100.00"));
        after.put("kpiStatus", "NOT_MEASURED");
        Map<String, Object> completion = new HashMap<>();
        completion.put("figure", "completionRate");
        completion.put("from", null);
        completion.put("to", new BigDecimal("100.00"));
        Map<String, Object> answer = new HashMap<>();
        answer.put("before", before);
        answer.put("after", after);
        answer.put("changedFigures", List.of(Map.of("figure", "due", "from", 0, "to", 1), completion));
        answer.put("events", List.of(
                event(3, "2023-05-10T02:00:00.123Z", "Giao biện pháp I.6 cho VP (Phạm Minh Hiếu)", "Assigned measure I.6 to VP (Phạm Minh Hiếu)"),
                event(6, "2023-05-12T03:00:05.5Z", "Chấp nhận minh chứng ev-2, hoàn thành từ ngày 12/05/2023", "Accepted evidence ev-2")));
        return answer;
    }

    private static Map<String, Object> event(long sequence, String recordedAt, String vi, String en) {
        Map<String, Object> event = new HashMap<>();
        event.put("sequenceNumber", sequence);
        event.put("eventType", "vn.qualityledger.objective.TaskAssigned");
        event.put("recordedAt", recordedAt);
        event.put("actor", Map.of("name", "Nguyễn Thị Thư", "roles", List.of("ISO_SECRETARY"), "unit", "TK-ISO"));
        event.put("summary", Map.of("vi", vi, "en", en));
        return event;
    }

    private static String row(String page, String figure) {
        int start = page.lastIndexOf("<tr", page.indexOf("data-figure=\"" + figure + "\""));
        return page.substring(start, page.indexOf("</tr>", start));
    }

}
