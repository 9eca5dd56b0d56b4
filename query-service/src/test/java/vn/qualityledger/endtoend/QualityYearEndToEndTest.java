package vn.qualityledger.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Both services against one fresh PostgreSQL database: the 2023 plan is imported over HTTP, a year of work is driven
 * through the command API on the days it happens, and every dashboard figure is checked against values computed by hand
 * from the definitions in DOMAIN.md.
 *
 * <p>Objective MTCL-2023-01 has 14 occurrences: I.1, I.1.a due 31/01; I.1.b 09/02; I.2 28/02; I.3 29/08; I.4 30/06 and
 * 31/12; I.5 31/12; I.6 14/05 and 29/10; I.7 (continuous) 31/03, 30/06, 30/09, 31/12. The whole plan has 106 (II.1's
 * yearly programme is due 31/12/2022; monthly rules give 12 each; continuous work 4 each).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityYearEndToEndTest {

    private static final String OBJECTIVE = "SLDTBXH-HD.MTCL-2023-01";
    /** Real instants between steps: events are recorded at the real time, while their business dates follow the clock. */
    private Instant recordedAfterImport;
    private Instant recordedBeforeCorrection;
    private BothServices services;

    @BeforeAll
    void startBothServicesAndLiveTheYear() throws Exception {
        services = startServices();
        liveTheYear();
        services.awaitReadSideCaughtUp();
    }

    /** Living the year: the services' clock shows each day. */
    BothServices startServices() {
        return new BothServices("ql_test_end_to_end");
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    void on(String day) {
        services.on(day);
    }

    private String dated(String body, String field) {
        return services.dated(body, field);
    }

    /** Demo users of quality-ledger-security.yml (password "demo"), each doing the part of the work that is theirs. */
    private static final String SECRETARY = "thuky", QMR = "qmr", VP_STAFF = "nhanvienvp", KHTC_STAFF = "nhanvienkhtc", VIEWER = "xem";

    /** A command of the ISO secretary. */
    private JsonNode post(String path, String body, int expectedStatus) {
        return postAs(SECRETARY, path, body, expectedStatus);
    }

    private JsonNode postAs(String user, String path, String body, int expectedStatus) {
        return services.post(user, path, body, expectedStatus);
    }

    JsonNode get(String path) {
        return services.get(VIEWER, path);
    }

    private String document(String number, String date, String title) {
        return """
                {"number": "%s", "date": "%s", "issuer": "Văn phòng Sở", "title": "%s"}""".formatted(number, date, title);
    }

    private void submit(String evidenceId, String occurrenceId, String documentJson) {
        submitAs(VP_STAFF, evidenceId, occurrenceId, documentJson);
    }

    private void submitAs(String user, String evidenceId, String occurrenceId, String documentJson) {
        postAs(user, "/api/objectives/" + OBJECTIVE + "/evidence", dated("""
                {"evidenceId": "%s", "occurrenceId": "%s", "document": %s}""".formatted(evidenceId, occurrenceId, documentJson), "submittedOn"), 201);
    }

    void liveTheYear() throws Exception {
        on("2023-02-07");
        JsonNode imported = post("/api/plans", Files.readString(Path.of("..", "data", "mtcl-2023.json")), 201);
        assertThat(imported.path("objectives").size()).isEqualTo(10);
        recordedAfterImport = BothServices.aMomentLater();

        on("2023-02-08");
        submit("ev-I.1.b", "I.1.b@2023-02-09", document("15/QĐ-VP", "2023-02-08", "QĐ phê duyệt MTCL, CSCL năm 2023 của Phòng"));
        on("2023-02-09");
        postAs(QMR, "/api/objectives/" + OBJECTIVE + "/evidence/ev-I.1.b/acceptance", dated("{}", "acceptedOn"), 202); // effective that day: on time

        on("2023-02-10");
        for (String measure : List.of("I.1", "I.2", "I.6")) {
            post("/api/objectives/" + OBJECTIVE + "/assignments", dated("""
                    {"measureId": "%s", "unit": "VP"}""".formatted(measure), "assignedOn"), 202);
        }
        submit("ev-I.1", "I.1@2023-01-31", document("147/QĐ-SLĐTBXH", "2023-02-07", "QĐ công bố và ban hành MTCL năm 2023"));
        postAs(QMR, "/api/objectives/" + OBJECTIVE + "/evidence/ev-I.1/acceptance", dated("""
                {"effectiveOn": "2023-02-07"}""", "acceptedOn"), 202); // due 31/01, effective 07/02: late
        // a second acceptance with another date is refused, and stores nothing
        postAs(QMR, "/api/objectives/" + OBJECTIVE + "/evidence/ev-I.1/acceptance", dated("""
                {"effectiveOn": "2023-02-10"}""", "acceptedOn"), 422);

        on("2023-02-27");
        submit("ev-I.2-a", "I.2@2023-02-28", document("30/KH-SLĐTBXH", "2023-02-27", "Kế hoạch ĐGNB năm 2023"));
        on("2023-02-28");
        postAs(QMR, "/api/objectives/" + OBJECTIVE + "/evidence/ev-I.2-a/rejection", dated("""
                {"reason": "Thiếu chữ ký của Lãnh đạo Sở"}""", "rejectedOn"), 202);
        on("2023-03-02");
        submit("ev-I.2-b", "I.2@2023-02-28", document("31/KH-SLĐTBXH", "2023-03-01", "Kế hoạch ĐGNB năm 2023 (đã ký)"));
        on("2023-03-03");
        postAs(QMR, "/api/objectives/" + OBJECTIVE + "/evidence/ev-I.2-b/acceptance", dated("{}", "acceptedOn"), 202); // due 28/02, effective 03/03: late

        on("2023-03-30");
        post("/api/objectives/" + OBJECTIVE + "/assignments", dated("""
                {"measureId": "I.7", "occurrenceId": "I.7@2023-03-31", "unit": "P-KHTC", "person": "Trần Văn Nam"}""", "assignedOn"), 202);
        submitAs(KHTC_STAFF, "ev-I.7-q1", "I.7@2023-03-31", document("88/QĐ-SLĐTBXH", "2023-03-30", "Quyết định ban hành quy trình sửa đổi")); // never reviewed

        on("2023-04-01");
        post("/api/objectives/" + OBJECTIVE + "/measures/I.5/cancellation", dated("""
                {"reason": "Gộp vào biện pháp I.7"}""", "effectiveOn"), 202);
        on("2023-04-05");
        post("/api/objectives/" + OBJECTIVE + "/measurements", dated("""
                {"measurementId": "q1", "period": {"from": "2023-01-01", "to": "2023-03-31"}, "numerator": 10, "denominator": 10, "source": "Báo cáo quý I"}""", "recordedOn"), 201);

        on("2023-05-12");
        submit("ev-I.6-may", "I.6@2023-05-14", document("512/BC-SLĐTBXH", "2023-05-12", "Báo cáo kết quả thực hiện MTCL 6 tháng"));
        on("2023-05-13");
        postAs(QMR, "/api/objectives/" + OBJECTIVE + "/evidence/ev-I.6-may/acceptance", dated("{}", "acceptedOn"), 202); // on time

        on("2023-07-05");
        post("/api/objectives/" + OBJECTIVE + "/measurements", dated("""
                {"measurementId": "q2", "period": {"from": "2023-04-01", "to": "2023-06-30"}, "numerator": 10, "denominator": 10, "source": "Báo cáo quý II"}""", "recordedOn"), 201);
        recordedBeforeCorrection = BothServices.aMomentLater();
        on("2023-07-10");
        post("/api/objectives/" + OBJECTIVE + "/measurements", dated("""
                {"measurementId": "q2-correction", "period": {"from": "2023-04-01", "to": "2023-06-30"}, "numerator": 19, "denominator": 20, "source": "Báo cáo quý II (đính chính)"}""", "recordedOn"), 201);
    }

    private static void assertCounts(JsonNode figures, long total, long due, long onTime, long late, long overdue, long upcoming,
                                     String completionRate, String onTimeRate) {
        JsonNode counts = figures.path("occurrences");
        assertThat(List.of(counts.path("total").asLong(), counts.path("due").asLong(), counts.path("onTime").asLong(),
                counts.path("late").asLong(), counts.path("overdue").asLong(), counts.path("upcoming").asLong()))
                .as("total, due, onTime, late, overdue, upcoming").containsExactly(total, due, onTime, late, overdue, upcoming);
        assertThat(figures.path("completionRate").decimalValue()).isEqualByComparingTo(completionRate);
        assertThat(figures.path("onTimeRate").decimalValue()).isEqualByComparingTo(onTimeRate);
    }

    private JsonNode objective(String asOf) {
        return get("/api/objectives/" + OBJECTIVE + "/dashboard?asOf=" + asOf);
    }

    @Test
    void everyLocationACommandAnsweredIsARead() throws InterruptedException {
        // the plan import, the evidence submitted, the measurements recorded: each 201's Location is a read that answers
        assertThat(services.assertEveryLocationIsARead())
                .anyMatch(followed -> followed.endsWith("/api/organisations/SLDTBXH-HD/years/2023/objectives"))
                .anyMatch(followed -> followed.contains("/api/evidence?objectiveId="))
                .anyMatch(followed -> followed.endsWith("/plan"));
    }

    @Test
    void objectiveFiguresAtTheEndOfMarch() {
        // Not yet cancelled: all 14 count. Due by 31/03: I.1, I.1.a, I.1.b, I.2, I.7@31/03 = 5.
        // On time: I.1.b (09/02 <= 09/02). Late: I.1 (07/02 > 31/01), I.2 (03/03 > 28/02). Overdue: I.1.a, I.7@31/03.
        // Completion 3/5 = 60.00 %, on time 1/5 = 20.00 %. Q1 measured 10/10 = 100 % >= 100 %: on track.
        JsonNode figures = objective("2023-03-31");
        assertCounts(figures, 14, 5, 1, 2, 2, 9, "60.00", "20.00");
        assertThat(figures.path("kpiStatus").asString()).isEqualTo("ON_TRACK");
        assertThat(figures.path("latestMeasurement").path("value").decimalValue()).isEqualByComparingTo("100");
    }

    @Test
    void objectiveFiguresAtMidYear() {
        // I.5 cancelled from 01/04: 13 count. Due by 30/06: the 5 above + I.6@14/05 + I.4@30/06 + I.7@30/06 = 8.
        // On time: I.1.b, I.6@14/05 = 2. Late: I.1, I.2 = 2. Overdue: I.1.a, I.7@31/03, I.4@30/06, I.7@30/06 = 4.
        // Upcoming: I.3, I.4@31/12, I.6@29/10, I.7@30/09, I.7@31/12 = 5. Completion 4/8 = 50.00 %, on time 2/8 = 25.00 %.
        // Latest measurement: Q2 corrected to 19/20 = 95 % (the later recording for the period wins) < 100 %: at risk.
        JsonNode figures = objective("2023-06-30");
        assertCounts(figures, 13, 8, 2, 2, 4, 5, "50.00", "25.00");
        assertThat(figures.path("kpiStatus").asString()).isEqualTo("AT_RISK");
        JsonNode latest = figures.path("latestMeasurement");
        assertThat(latest.path("value").decimalValue()).isEqualByComparingTo("95");
        assertThat(latest.path("numerator").decimalValue()).isEqualByComparingTo("19");
        assertThat(latest.path("denominator").decimalValue()).isEqualByComparingTo("20");
        assertThat(figures.path("target").path("comparator").asString()).isEqualTo(">=");
        assertThat(figures.path("decision").path("number").asString()).isEqualTo("147/QĐ-SLĐTBXH");
    }

    @Test
    void objectiveFiguresAtYearEnd() {
        // All 13 due; 2 on time, 2 late, 9 overdue. Completion 4/13 = 30.77 %, on time 2/13 = 15.38 %.
        // At year end the latest value (95 %) misses the target (>= 100 %).
        JsonNode figures = objective("2023-12-31");
        assertCounts(figures, 13, 13, 2, 2, 9, 0, "30.77", "15.38");
        assertThat(figures.path("kpiStatus").asString()).isEqualTo("MISSED");
    }

    @Test
    void organisationFiguresAreComputedOverAllOccurrences() {
        // Whole plan as of 30/06: 106 occurrences, I.5@31/12 cancelled: 105 count; 56 due (by hand, rule by rule);
        // completed: only MTCL-2023-01's 2 on time + 2 late. Overdue 52, upcoming 49.
        // Completion 4/56 = 7.14 %, on time 2/56 = 3.57 % (not an average of the objectives' rates).
        JsonNode midYear = get("/api/organisations/SLDTBXH-HD/years/2023/summary?asOf=2023-06-30");
        assertThat(midYear.path("objectiveCount").asInt()).isEqualTo(10);
        assertCounts(midYear, 105, 56, 2, 2, 52, 49, "7.14", "3.57");
        JsonNode kpi = midYear.path("kpiStatusCounts");
        assertThat(kpi.path("AT_RISK").asInt()).isEqualTo(1);
        assertThat(kpi.path("NO_TARGET").asInt()).isEqualTo(1); // MTCL-2023-07 has no target
        assertThat(kpi.path("NOT_MEASURED").asInt()).isEqualTo(8);

        // Year end: 105 due, 101 overdue; 4/105 = 3.81 %, 2/105 = 1.90 %.
        JsonNode yearEnd = get("/api/organisations/SLDTBXH-HD/years/2023/summary?asOf=2023-12-31");
        assertCounts(yearEnd, 105, 105, 2, 2, 101, 0, "3.81", "1.90");
        assertThat(yearEnd.path("kpiStatusCounts").path("MISSED").asInt()).isEqualTo(1);
    }

    private JsonNode unit(String unit, String asOf) {
        return get("/api/organisations/SLDTBXH-HD/years/2023/units/" + unit + "?asOf=" + asOf);
    }

    @Test
    void unitFiguresFollowAssignments() {
        // VP holds I.1 (1), I.2 (1), I.6 (2) from 10/02 = 4. By 30/06 due: I.1 late, I.2 late, I.6@14/05 on time.
        // Completion 3/3 = 100.00 %, on time 1/3 = 33.33 %; no evidence of its work awaits review.
        JsonNode vp = unit("VP", "2023-06-30");
        assertThat(List.of(vp.path("assigned").asLong(), vp.path("due").asLong(), vp.path("onTime").asLong(),
                vp.path("late").asLong(), vp.path("overdue").asLong(), vp.path("evidenceAwaitingReview").asLong()))
                .containsExactly(4L, 3L, 1L, 2L, 0L, 0L);
        assertThat(vp.path("completionRate").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(vp.path("onTimeRate").decimalValue()).isEqualByComparingTo("33.33");

        // P-KHTC holds I.7@31/03 from 30/03: due, not complete, its evidence (filed 30/03) never reviewed.
        JsonNode planning = unit("P-KHTC", "2023-06-30");
        assertThat(List.of(planning.path("assigned").asLong(), planning.path("due").asLong(), planning.path("overdue").asLong(),
                planning.path("evidenceAwaitingReview").asLong())).containsExactly(1L, 1L, 1L, 1L);
        assertThat(planning.path("completionRate").decimalValue()).isEqualByComparingTo("0.00");

        // Before its assignment (10/02), VP held nothing.
        JsonNode units = get("/api/organisations/SLDTBXH-HD/years/2023/units?asOf=2023-02-09");
        units.path("units").forEach(u -> assertThat(u.path("unit").asString()).isNotEqualTo("VP"));
    }

    @Test
    void theBoardListsOverdueWorkInDueDateOrder() {
        JsonNode board = get("/api/occurrences?objectiveId=" + OBJECTIVE + "&status=OVERDUE&asOf=2023-06-30");
        assertThat(board.path("totalElements").asLong()).isEqualTo(4);
        assertThat(board.path("content").findValuesAsString("occurrenceId"))
                .containsExactly("I.1.a@2023-01-31", "I.7@2023-03-31", "I.4@2023-06-30", "I.7@2023-06-30");
        JsonNode assigned = board.path("content").get(1);
        assertThat(assigned.path("unit").asString()).isEqualTo("P-KHTC");
        assertThat(assigned.path("person").asString()).isEqualTo("Trần Văn Nam");
        assertThat(assigned.path("evidenceAwaitingReview").asLong()).isEqualTo(1);

        JsonNode late = get("/api/occurrences?objectiveId=" + OBJECTIVE + "&status=DONE_LATE&asOf=2023-06-30");
        assertThat(late.path("content").findValuesAsString("occurrenceId")).containsExactly("I.1@2023-01-31", "I.2@2023-02-28");
        assertThat(late.path("content").findValuesAsString("completedOn")).containsExactly("2023-02-07", "2023-03-03");
    }

    @Test
    void theEvidenceRegisterShowsEachFilingAsItStoodOnTheDay() {
        // Six filings. As of 30/06 only ev-I.7-q1 (filed 30/03 by nhanvienkhtc) awaits review; ev-I.2-a was rejected.
        String register = "/api/evidence?objectiveId=" + OBJECTIVE;
        JsonNode waiting = get(register + "&status=SUBMITTED&asOf=2023-06-30");
        assertThat(waiting.path("content").findValuesAsString("evidenceId")).containsExactly("ev-I.7-q1");
        JsonNode q1 = waiting.path("content").get(0);
        assertThat(q1.path("submittedBy").path("id").asString()).isEqualTo("nhanvienkhtc");
        assertThat(q1.path("submittedOn").asString()).isEqualTo("2023-03-30");
        assertThat(q1.path("document").path("number").asString()).isEqualTo("88/QĐ-SLĐTBXH");
        assertThat(q1.path("monitors").valueStream().map(JsonNode::asString).toList()).containsExactly("QMR", "TK-ISO");
        JsonNode rejected = get(register + "&status=REJECTED&asOf=2023-06-30").path("content");
        assertThat(rejected.findValuesAsString("evidenceId")).containsExactly("ev-I.2-a");
        assertThat(rejected.get(0).path("reason").asString()).isEqualTo("Thiếu chữ ký của Lãnh đạo Sở");
        // As of 27/02: three filed, oldest first; ev-I.2-a not rejected yet (that was 28/02).
        JsonNode february = get(register + "&asOf=2023-02-27");
        assertThat(february.path("content").findValuesAsString("evidenceId")).containsExactly("ev-I.1.b", "ev-I.1", "ev-I.2-a");
        assertThat(february.path("content").findValuesAsString("status")).containsExactly("ACCEPTED", "ACCEPTED", "SUBMITTED");
        // a monitor's own queue: QMR monitors every measure of the objective, TK-ISO-TT only I.1.a, which has no filing
        assertThat(get(register + "&monitor=QMR&status=SUBMITTED&asOf=2023-12-31").path("totalElements").asLong()).isEqualTo(1);
        assertThat(get(register + "&monitor=TK-ISO-TT&asOf=2023-12-31").path("totalElements").asLong()).isZero();
        assertThat(get(register + "&asOf=2023-12-31").path("totalElements").asLong()).isEqualTo(6);
    }

    @Test
    void theObjectivesStoredHistoryIsIntactAfterTheYear() {
        JsonNode integrity = get("/api/objectives/" + OBJECTIVE + "/integrity");
        assertThat(integrity.path("verified").asBoolean()).as(integrity.toString()).isTrue();
        JsonNode history = get("/api/objectives/" + OBJECTIVE + "/history?size=1000");
        assertThat(integrity.path("eventsChecked").asLong()).isEqualTo(history.path("totalElements").asLong());
        JsonNode correction = history.path("content").get((int) history.path("totalElements").asLong() - 1);
        assertThat(correction.path("summary").path("vi").asString()).startsWith("Ghi nhận kết quả 95");
        // attributed to the signed-in secretary, with the command and conversation it belongs to
        assertThat(correction.path("actor").path("id").asString()).isEqualTo("thuky");
        assertThat(correction.path("actor").path("name").asString()).isEqualTo("Nguyễn Thị Thư");
        assertThat(correction.path("metadata").path("commandId").asString()).isNotBlank();
        assertThat(correction.path("metadata").path("correlationId").asString()).isNotBlank();
    }

    @Test
    void aReportIssuedBeforeTheCorrectionIsReproducedExactly() {
        // The mid-year figures as known just before the Q2 correction was recorded: Q2 stood at 10/10 = 100 %, on track.
        JsonNode asReported = objectiveKnownAt("2023-06-30", recordedBeforeCorrection);
        assertCounts(asReported, 13, 8, 2, 2, 4, 5, "50.00", "25.00");
        assertThat(asReported.path("latestMeasurement").path("value").decimalValue()).isEqualByComparingTo("100");
        assertThat(asReported.path("kpiStatus").asString()).isEqualTo("ON_TRACK");
        // Right after the import nothing had been done: every due occurrence overdue, across the organisation.
        JsonNode beforeAnyWork = get("/api/organisations/SLDTBXH-HD/years/2023/summary?asOf=2023-06-30&knownAt=" + recordedAfterImport);
        assertCounts(beforeAnyWork, 106, 56, 0, 0, 56, 50, "0.00", "0.00");
        JsonNode board = get("/api/occurrences?objectiveId=" + OBJECTIVE + "&status=OVERDUE&asOf=2023-06-30&knownAt=" + recordedAfterImport);
        assertThat(board.path("totalElements").asLong()).isEqualTo(8); // all 8 due by 30/06: nothing was done yet
    }

    private JsonNode objectiveKnownAt(String asOf, Instant knownAt) {
        return get("/api/objectives/" + OBJECTIVE + "/dashboard?asOf=" + asOf + "&knownAt=" + knownAt);
    }

    @Test
    void showsWhatChangedBetweenTwoInstantsAndWhy() {
        Instant now = Instant.now();
        JsonNode changes = get("/api/objectives/" + OBJECTIVE + "/changes?from=" + recordedBeforeCorrection + "&to=" + now);
        // Only the correction was recorded in between: Q2 went from 100 to 95, and at the year's end (these instants
        // are long after 2023) the objective went from achieved to missed.
        assertThat(changes.path("events").size()).isEqualTo(1);
        assertThat(changes.path("events").get(0).path("summary").path("vi").asString()).startsWith("Ghi nhận kết quả 95");
        assertThat(changes.path("changedFigures").findValuesAsString("figure")).containsExactlyInAnyOrder("kpiStatus", "latestMeasurement");
        assertThat(changes.path("before").path("kpiStatus").asString()).isEqualTo("ACHIEVED");
        assertThat(changes.path("after").path("kpiStatus").asString()).isEqualTo("MISSED");
    }

    @Test
    void showsTheObjectiveExactlyAsItStoodAtAnInstant() {
        JsonNode state = get("/api/objectives/" + OBJECTIVE + "/state?at=" + recordedBeforeCorrection);
        assertThat(state.path("measurements").findValuesAsString("measurementId")).containsExactly("q1", "q2");
        assertThat(state.path("occurrences").size()).isEqualTo(14);
        assertThat(state.path("evidence").size()).isEqualTo(6);
        JsonNode atImport = get("/api/objectives/" + OBJECTIVE + "/state?at=" + recordedAfterImport);
        assertThat(atImport.path("evidence").size()).isZero();
        assertThat(atImport.path("measures").size()).isEqualTo(9);
        assertThat(atImport.path("figures").path("decision").path("number").asString()).isEqualTo("147/QĐ-SLĐTBXH");
    }

    @Test
    void exposesMetricsForPrometheusToAdministratorsOnly() throws InterruptedException {
        services.awaitReadSideCaughtUp();
        String query = services.text(true, "admin", "/actuator/prometheus", 200);
        assertThat(query).contains("jvm_memory_used_bytes", "http_server_requests_seconds", "objective_progress",
                "qualityledger_feed_positions_behind");
        // The project's own timings: each projection's batch time (the year's objectives wrote batches; a projection
        // this scenario gives nothing to write shows 0), and one feed lag for every event the outbox stored.
        for (String processor : List.of("nonconformity-tracking", "management-review", "organisation-directory")) {
            assertThat(sampleCount(query, "qualityledger_projection_batch_seconds_count", "processor=\"" + processor + "\""))
                    .as(processor).isNotNegative();
        }
        assertThat(sampleCount(query, "qualityledger_projection_batch_seconds_count", "processor=\"objective-progress\"")).isPositive();
        long feedEvents = services.database().queryForObject("select count(*) from query.feed_event", Long.class);
        assertThat(sampleCount(services.text(true, "admin", "/actuator/prometheus", 200), "qualityledger_feed_publication_lag_seconds_count", ""))
                .as("one lag per event the outbox stored").isEqualTo(feedEvents);
        String command = services.text(false, "admin", "/actuator/prometheus", 200);
        assertThat(command).contains("jvm_memory_used_bytes", "commandBus");
        services.text(true, VIEWER, "/actuator/prometheus", 403);
    }

    /** The value of a Prometheus sample whose labels contain {@code label} (or of the sample without labels); -1 if absent. */
    private static long sampleCount(String exposition, String name, String label) {
        return exposition.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(label) || line.startsWith(name + " "))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    @Test
    void importingThePlanAgainChangesNothing() throws Exception {
        JdbcTemplate jdbc = services.database();
        long before = jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
        on("2023-12-01");
        post("/api/plans", Files.readString(Path.of("..", "data", "mtcl-2023.json")), 201);
        assertThat(jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class)).isEqualTo(before);
    }
}
