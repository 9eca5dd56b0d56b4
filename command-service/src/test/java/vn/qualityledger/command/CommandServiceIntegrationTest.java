package vn.qualityledger.command;

import vn.qualityledger.support.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.qualityledger.command.JsonHttp.Reply;
import vn.qualityledger.command.objective.Objective;

/** The command service over HTTP against a real PostgreSQL event store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=command-service", "quality-ledger.snapshot-threshold=5"})
class CommandServiceIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.recreate("ql_test_command");
        registry.add("spring.datasource.url", () -> url);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    @Qualifier("serializer")
    Serializer serializer;

    JsonHttp http;

    @BeforeEach
    void client() {
        http = new JsonHttp("http://localhost:" + port);
    }

    private int storedEvents() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Integer.class);
    }

    private int eventsOf(String objectiveId) {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?", Integer.class, objectiveId);
    }

    private String defineObjective(String id) {
        Reply reply = http.post("/api/objectives", """
                {"objectiveId": "%s", "organisationId": "SLDTBXH-HD", "year": 2023, "code": "MTCL-%s",
                 "statement": "100%% TTHC được giải quyết đúng hạn",
                 "target": {"indicator": "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "comparator": ">=", "value": 100, "unit": "%%"}}
                """.formatted(id, id));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return id;
    }

    private void planReports(String objectiveId) {
        Reply reply = http.post("/api/objectives/" + objectiveId + "/measures", """
                {"measureId": "I.6", "details": {"code": "I.6", "title": "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng",
                  "leadUnits": ["VP"], "monitors": ["QMR"],
                  "schedule": {"text": "Trước 15/5 và trước 30/10", "rules": [{"rrule": "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=14"}, {"rrule": "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=29"}]}}}
                """);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    }

    @Test
    void definesAnObjectiveAndAnswersARetryTheSameWithoutASecondEvent() {
        String id = defineObjective("retry-1");
        Reply retry = http.post("/api/objectives", """
                {"objectiveId": "retry-1", "organisationId": "SLDTBXH-HD", "year": 2023, "code": "MTCL-retry-1",
                 "statement": "100% TTHC được giải quyết đúng hạn",
                 "target": {"indicator": "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "comparator": ">=", "value": 100, "unit": "%"}}
                """);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(id);
        assertThat(eventsOf(id)).isEqualTo(1);
    }

    @Test
    void refusesARequestWithoutCredentialsWith401AndStoresNothing() {
        int before = storedEvents();
        Reply reply = http.as(null).post("/api/objectives", """
                {"organisationId": "SLDTBXH-HD", "year": 2023, "code": "X", "statement": "s"}""");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.text("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void refusesAViewersCommandWith403AndStoresNothing() {
        int before = storedEvents();
        Reply reply = http.as("xem").post("/api/objectives", """
                {"objectiveId": "viewer-1", "organisationId": "SLDTBXH-HD", "year": 2023, "code": "X", "statement": "s"}""");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.text("code")).isEqualTo("PLANNERS_ONLY");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void recordsWhoDidItAndInAnswerToWhatOnEveryEvent() {
        String id = defineObjective("attributed-1");
        planReports(id);
        Reply submitted = http.as("nhanvienvp").post("/api/objectives/" + id + "/evidence", """
                {"evidenceId": "ev-attr", "occurrenceId": "I.6@2023-05-14",
                 "document": {"number": "1/BC", "date": "2023-05-10", "issuer": "VP", "title": "Báo cáo"}}""");
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String metadata = jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8') from event_store.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%EvidenceSubmittedEvent'""", String.class, id);
        assertThat(metadata).contains("\"actorId\":\"nhanvienvp\"", "\"actorName\":\"Phạm Minh Hiếu\"", "\"actorRoles\":\"STAFF\"",
                "\"actorUnit\":\"VP\"", "\"actorOrganisation\":\"SLDTBXH-HD\"", "\"commandId\"", "\"correlationId\"", "\"causationId\"");
        // and the same person cannot accept what they filed, nor can a staff member who is no monitor
        Reply selfAccepted = http.as("nhanvienvp").post("/api/objectives/" + id + "/evidence/ev-attr/acceptance", "{}");
        assertThat(selfAccepted.status()).isEqualTo(403);
        Reply accepted = http.as("qmr").post("/api/objectives/" + id + "/evidence/ev-attr/acceptance", "{}");
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
    }

    @Test
    void keepsVietnameseTextIntactThroughTheEventStore() {
        defineObjective("viet-1");
        String payload = jdbc.queryForObject("select convert_from(payload, 'UTF8') from event_store.domain_event_entry where aggregate_identifier = 'viet-1'", String.class);
        assertThat(payload).contains("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn");
    }

    @Test
    void refusesAMalformedRequestWithTheFailingFieldsAndStoresNothing() {
        int before = storedEvents();
        Reply reply = http.post("/api/objectives", """
                {"organisationId": "", "year": 1800, "code": "X", "statement": "s",
                 "target": {"indicator": "Tỷ lệ", "comparator": ">=", "unit": "%"}}
                """);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("code")).isEqualTo("INVALID_REQUEST");
        assertThat(reply.body().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("organisationId", "year", "target.value");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void refusesAnUnknownComparatorNamingTheField() {
        Reply reply = http.post("/api/objectives", """
                {"organisationId": "SLDTBXH-HD", "year": 2023, "code": "X", "statement": "s",
                 "target": {"indicator": "Tỷ lệ", "comparator": "~", "value": 1, "unit": "%"}}
                """);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").get(0).path("field").asString()).isEqualTo("target.comparator");
    }

    @Test
    void answersABrokenRuleWith422AndItsCodeAndStoresNothing() {
        String id = defineObjective("rule-1");
        int before = storedEvents();
        Reply reply = http.post("/api/objectives/" + id + "/measurements", """
                {"measurementId": "m1", "period": {"from": "2022-01-01", "to": "2022-03-31"}, "value": 97, "source": "Báo cáo"}
                """);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.text("code")).isEqualTo("PERIOD_OUTSIDE_YEAR");
        assertThat(reply.text("field")).isEqualTo("period");
        assertThat(reply.raw()).contains("\"status\":422");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void answersAnUnknownObjectiveWith404() {
        Reply reply = http.post("/api/objectives/no-such-objective/publication", """
                {"decision": {"number": "147/QĐ-SLĐTBXH", "date": "2023-02-07"}}
                """);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text("code")).isEqualTo("OBJECTIVE_NOT_FOUND");
    }

    @Test
    void answersAnIdTakenByOtherContentWith409() {
        String id = defineObjective("conflict-1");
        planReports(id);
        Reply reply = http.post("/api/objectives/" + id + "/measures", """
                {"measureId": "I.6", "details": {"code": "I.6", "title": "Khác", "leadUnits": ["VP"], "monitors": ["QMR"],
                  "schedule": {"rules": [{"due": "2023-03-01"}]}}}
                """);
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.text("code")).isEqualTo("MEASURE_EXISTS");
    }

    @Test
    void refusesAScheduleRuleOfTwoKindsAsMalformed() {
        String id = defineObjective("sched-1");
        Reply reply = http.post("/api/objectives/" + id + "/measures", """
                {"measureId": "X", "details": {"code": "X", "title": "t", "leadUnits": ["VP"], "monitors": ["QMR"],
                  "schedule": {"rules": [{"rrule": "FREQ=YEARLY", "continuous": true}]}}}
                """);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").get(0).path("field").asString()).isEqualTo("details.schedule.rules[0].oneKind");
    }

    @Test
    void storesPayloadsAsByteaAndNumbersEventsWithoutGaps() {
        assertThat(jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = 'event_store' and data_type = 'oid'""", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("select increment_by from pg_sequences where schemaname = 'event_store' and sequencename = 'domain_event_entry_seq'", Long.class))
                .isEqualTo(1L);
        String id = defineObjective("gapless-1");
        planReports(id);
        List<Long> indexes = jdbc.queryForList("select global_index from event_store.domain_event_entry where aggregate_identifier = ? order by global_index", Long.class, id);
        assertThat(indexes).hasSize(2);
        assertThat(indexes.get(1) - indexes.get(0)).isEqualTo(1);
    }

    @Test
    void takesSnapshotsThatReadBackIntoTheSameObjective() throws Exception {
        String id = defineObjective("snap-1");
        planReports(id);
        for (int i = 1; i <= 4; i++) {
            Reply reply = http.post("/api/objectives/" + id + "/assignments", """
                    {"measureId": "I.6", "unit": "UNIT-%d"}""".formatted(i));
            assertThat(reply.status()).isEqualTo(202);
        }
        // The snapshot writer works after the command's commit, on a thread of its own (SnapshotConfiguration).
        java.time.Instant until = java.time.Instant.now().plusSeconds(20);
        while (jdbc.queryForObject("select count(*) from event_store.snapshot_event_entry where aggregate_identifier = ?", Long.class, id) == 0
                && java.time.Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        Map<String, Object> snapshot = jdbc.queryForMap(
                "select payload, payload_type, payload_revision from event_store.snapshot_event_entry where aggregate_identifier = ?", id);
        byte[] payload = (byte[]) snapshot.get("payload");
        Objective restored = serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class,
                (String) snapshot.get("payload_type"), (String) snapshot.get("payload_revision")));
        byte[] again = serializer.serialize(restored, byte[].class).getData();
        assertThat(new String(again, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        // and the objective still takes commands that depend on the snapshotted state
        Reply evidence = http.post("/api/objectives/" + id + "/evidence", """
                {"evidenceId": "ev-snap", "occurrenceId": "I.6@2023-05-14",
                 "document": {"number": "1/BC", "date": "2023-05-10", "issuer": "VP", "title": "Báo cáo"}}""");
        assertThat(evidence.status()).as(evidence.raw()).isEqualTo(201);
    }

    @Test
    void importsThe2023PlanAndChangesNothingOnASecondImport() throws Exception {
        String document = Files.readString(Path.of("..", "data", "mtcl-2023.json"));
        Reply first = http.post("/api/plans", document);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.body().path("objectives").size()).isEqualTo(10);
        int afterFirst = storedEvents();
        Reply second = http.post("/api/plans", document);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.raw()).isEqualTo(first.raw());
        assertThat(storedEvents()).isEqualTo(afterFirst);
        // 10 objectives defined and published, 30 measures and sub-measures planned
        assertThat(jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier like 'SLDTBXH-HD.%' and payload_type like '%ObjectiveDefinedEvent'", Integer.class)).isEqualTo(10);
        assertThat(jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier like 'SLDTBXH-HD.%' and payload_type like '%ObjectivePublishedEvent'", Integer.class)).isEqualTo(10);
        assertThat(jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier like 'SLDTBXH-HD.%' and payload_type like '%MeasurePlannedEvent'", Integer.class)).isEqualTo(30);
        // and the document's names, recorded first in the organisation's directory: "Văn phòng Sở" for VP
        JsonNode directory = directoryRecorded().get(0);
        assertThat(directory.path("name").asString()).isEqualTo("Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương");
        assertThat(directory.path("units").size()).isEqualTo(17);
        assertThat(directory.path("units").get(1).toString()).isEqualTo("{\"code\":\"VP\",\"name\":\"Văn phòng Sở\",\"kind\":\"OFFICE\"}");
        assertThat(jdbc.queryForObject("select min(global_index) from event_store.domain_event_entry where aggregate_identifier = 'directory-SLDTBXH-HD'", Long.class))
                .isLessThan(jdbc.queryForObject("select min(global_index) from event_store.domain_event_entry where aggregate_identifier like 'SLDTBXH-HD.%'", Long.class));

        // The same plan re-typed as a workbook is the same plan: every command finds its event already stored (one
        // differing field of one measure would be a 400 MEASURE_EXISTS), so the import stores nothing.
        byte[] workbook = vn.qualityledger.command.plan.SeedPlanWorkbook.retyped(tools.jackson.databind.json.JsonMapper.builder().build().readTree(document));
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        Reply preview = http.post("/api/plans/preview", xlsx, workbook);
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.body().path("changes").asInt()).isZero();
        assertThat(preview.body().path("objectives").get(0).path("measures").get(0).path("status").asString()).isEqualTo("RECORDED");
        assertThat(preview.body().path("directory").asString()).isEqualTo("RECORDED");
        Reply fromWorkbook = http.post("/api/plans", xlsx, workbook);
        assertThat(fromWorkbook.status()).as(fromWorkbook.raw()).isEqualTo(201);
        assertThat(fromWorkbook.raw()).isEqualTo(first.raw());
        assertThat(storedEvents()).isEqualTo(afterFirst);
    }

    /** The directory events of the seed's organisation, oldest first, as stored (JSON). */
    private List<JsonNode> directoryRecorded() {
        return jdbc.queryForList("select payload from event_store.domain_event_entry where aggregate_identifier = 'directory-SLDTBXH-HD'"
                + " order by sequence_number", byte[].class).stream()
                .map(payload -> tools.jackson.databind.json.JsonMapper.builder().build().readTree(new String(payload, java.nio.charset.StandardCharsets.UTF_8)))
                .toList();
    }

    @Test
    void recordsAnOrganisationsNamesOverHttpARenameAsANewEventAndTheSameNamesOnce() {
        String directory = """
                {"name": "Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương", "parentName": "UBND tỉnh Hải Dương",
                 "units": [{"code": "VP", "name": "Văn phòng Sở Lao động", "kind": "OFFICE"}, {"code": "P-KHTC", "name": "Phòng Kế hoạch – Tài chính"}]}""";
        int before = directoryRecorded().size();
        Reply recorded = http.as("thuky").put("/api/organisations/SLDTBXH-HD/directory", directory);
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(202);
        assertThat(recorded.text("id")).isEqualTo("directory-SLDTBXH-HD");
        assertThat(directoryRecorded()).hasSize(before + 1);
        assertThat(directoryRecorded().get(before).path("units").get(0).path("name").asString()).isEqualTo("Văn phòng Sở Lao động");

        Reply again = http.as("qmr").put("/api/organisations/SLDTBXH-HD/directory", directory);
        assertThat(again.status()).as(again.raw()).isEqualTo(202);
        assertThat(directoryRecorded()).hasSize(before + 1);

        Reply staff = http.as("nhanvienvp").put("/api/organisations/SLDTBXH-HD/directory", directory);
        assertThat(staff.status()).isEqualTo(403);
        assertThat(staff.text("code")).isEqualTo("PLANNERS_ONLY");
        Reply twice = http.as("thuky").put("/api/organisations/SLDTBXH-HD/directory", directory.replace("\"P-KHTC\"", "\"VP\""));
        assertThat(twice.status()).as(twice.raw()).isEqualTo(422);
        assertThat(twice.text("code")).isEqualTo("DUPLICATE_CODE");
        assertThat(twice.text("field")).isEqualTo("units[1].code");
        Reply blank = http.as("thuky").put("/api/organisations/SLDTBXH-HD/directory", directory.replace("\"Văn phòng Sở Lao động\"", "\"\u00a0\""));
        assertThat(blank.status()).as(blank.raw()).isEqualTo(400);
        assertThat(blank.body().path("errors").get(0).path("field").asString()).isEqualTo("units[0].name");
        Reply other = http.as("thuky").put("/api/organisations/SYT-HD/directory", directory);
        assertThat(other.status()).isEqualTo(403);
        assertThat(directoryRecorded()).hasSize(before + 1);
    }

    private static String previewDocument(String rrule) {
        return """
                {"organisation": {"code": "SLDTBXH-HD"}, "year": 2023, "decision": {"number": "147/QĐ-SLĐTBXH", "date": "2023-02-07"},
                 "objectives": [{"code": "MTCL-PV-01", "statement": "Mục tiêu xem trước",
                   "target": {"indicator": "Tỷ lệ", "comparator": ">=", "value": 95, "unit": "%%"},
                   "measures": [{"code": "PV.1", "title": "Báo cáo", "lead": ["VP"], "coordinating": ["P-KHTC"], "monitoredBy": ["QMR"],
                                 "schedule": {"text": "Trước 15/5 và 30/10", "rules": [{"rrule": "%s"}, {"due": "2023-10-29"}]},
                                 "subMeasures": [{"code": "PV.1.a", "title": "Tổng hợp", "lead": ["VP"], "monitoredBy": ["QMR"],
                                                  "schedule": {"text": "Liên tục", "rules": [{"continuous": true}]}}]}]},
                  {"code": "MTCL-PV-02", "statement": "Mục tiêu thứ hai", "measures": []}]}""".formatted(rrule);
    }

    @Test
    void previewsAPlanWithoutStoringAnythingAndSaysWhatIsRecordedAfterTheImport() {
        String document = previewDocument("FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=14");
        int before = storedEvents();
        Reply preview = http.as("thuky").post("/api/plans/preview", document);
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(eventsOf("SLDTBXH-HD.MTCL-PV-01")).isZero();
        JsonNode first = preview.body().path("objectives").get(0);
        assertThat(first.path("status").asString()).isEqualTo("NEW");
        assertThat(first.path("publication").asString()).isEqualTo("TO_PUBLISH");
        JsonNode measure = first.path("measures").get(0);
        assertThat(measure.path("status").asString()).isEqualTo("NEW");
        assertThat(measure.path("dueDates").toString()).isEqualTo("[\"2023-05-14\",\"2023-10-29\"]");
        assertThat(measure.path("subMeasures").get(0).path("dueDates").toString())
                .isEqualTo("[\"2023-03-31\",\"2023-06-30\",\"2023-09-30\",\"2023-12-31\"]");
        // two definitions, two measures, two publications
        assertThat(preview.body().path("commands").asInt()).isEqualTo(6);
        assertThat(preview.body().path("changes").asInt()).isEqualTo(6);

        Reply imported = http.as("thuky").post("/api/plans", document);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        int afterImport = storedEvents();
        assertThat(afterImport).isEqualTo(before + 6);

        Reply again = http.as("thuky").post("/api/plans/preview", document);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().path("changes").asInt()).isZero();
        assertThat(again.body().path("objectives").get(0).path("status").asString()).isEqualTo("RECORDED");
        assertThat(again.body().path("objectives").get(0).path("publication").asString()).isEqualTo("PUBLISHED");
        assertThat(again.body().path("objectives").get(0).path("measures").get(0).path("subMeasures").get(0).path("status").asString())
                .isEqualTo("RECORDED");
        assertThat(storedEvents()).isEqualTo(afterImport);
    }

    @Test
    void previewsEveryErrorOfADocumentAndOfWhatIsRecordedAndStoresNothing() {
        http.as("thuky").post("/api/plans", previewDocument("FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=14").replace("MTCL-PV-0", "MTCL-PE-0"));
        int before = storedEvents();
        // PE-01 is recorded with another statement now, and its measure with another schedule, whose rule is no RFC 5545 rule;
        // PE-03 is new but its code repeats.
        String document = previewDocument("FREQ=SOMETIMES").replace("MTCL-PV-0", "MTCL-PE-0").replace("Mục tiêu xem trước", "Mục tiêu khác")
                .replace("{\"code\": \"MTCL-PE-02\", \"statement\": \"Mục tiêu thứ hai\", \"measures\": []}",
                        "{\"code\": \"MTCL-PE-03\", \"statement\": \"Ba\", \"measures\": []}, {\"code\": \"MTCL-PE-03\", \"statement\": \"Ba\", \"measures\": []}");
        for (String endpoint : new String[] {"/api/plans/preview", "/api/plans"}) {
            Reply refused = http.as("thuky").post(endpoint, document);
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.text("code")).isEqualTo("INVALID_PLAN");
            assertThat(refused.body().path("errors").findValuesAsString("field")).containsExactly(
                    "objectives[0]", "objectives[0].measures[0]", "objectives[0].measures[0].schedule.rules[0].rrule", "objectives[2].code");
            assertThat(refused.body().path("errors").findValuesAsString("rule")).containsExactly(
                    "OBJECTIVE_EXISTS", "MEASURE_EXISTS", "SCHEDULE_RRULE_INVALID", "DUPLICATE_CODE");
            assertThat(storedEvents()).isEqualTo(before);
        }
        assertThat(eventsOf("SLDTBXH-HD.MTCL-PE-03")).isZero();
    }

    @Test
    void refusesHostileTextAndValuesWithProblemsAndStoresNothing() {
        String id = defineObjective("hostile-1");
        planReports(id);
        int before = storedEvents();
        String cancellation = "/api/objectives/" + id + "/measures/I.6/cancellation";
        Reply nul = http.post(cancellation, "{\"reason\": \"Hủy\\u0000\"}");
        assertThat(nul.status()).as(nul.raw()).isEqualTo(400);
        assertThat(nul.body().path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(nul.body().path("errors").get(0).path("rule").asString()).isEqualTo("NoControlCharacters");
        Reply noBreakSpaces = http.post(cancellation, "{\"reason\": \"\u00a0\u00a0\u00a0\"}");
        assertThat(noBreakSpaces.status()).as(noBreakSpaces.raw()).isEqualTo(400);
        assertThat(noBreakSpaces.body().path("errors").get(0).path("rule").asString()).isEqualTo("NotBlank");
        Reply duplicate = http.post(cancellation, "{\"reason\": \"a\", \"reason\": \"b\"}");
        assertThat(duplicate.status()).as(duplicate.raw()).isEqualTo(400);
        assertThat(duplicate.body().path("errors").get(0).path("field").asString()).isEqualTo("reason");
        Reply endless = http.post("/api/objectives/" + id + "/measurements", """
                {"period": {"from": "2023-01-01", "to": "2023-06-30"}, "value": 1e999999999, "source": "Báo cáo 6 tháng"}""");
        assertThat(endless.status()).as(endless.raw()).isEqualTo(422);
        assertThat(endless.text("code")).isEqualTo("MEASUREMENT_OUT_OF_RANGE");
        Reply negative = http.post("/api/objectives/" + id + "/measurements", """
                {"period": {"from": "2023-01-01", "to": "2023-06-30"}, "value": -5, "source": "Báo cáo 6 tháng"}""");
        assertThat(negative.status()).as(negative.raw()).isEqualTo(422);
        Reply farFuture = http.post("/api/objectives/" + id + "/measures/I.6/occurrences", """
                {"dueDate": "2099-12-31", "note": "Đột xuất"}""");
        assertThat(farFuture.status()).as(farFuture.raw()).isEqualTo(422);
        assertThat(farFuture.text("code")).isEqualTo("OCCURRENCE_OUTSIDE_YEAR");
        for (Reply reply : List.of(nul, noBreakSpaces, duplicate, endless, negative, farFuture)) {
            assertThat(reply.raw()).doesNotContain("java.", "vn.qualityledger.", "JsonToken");
            assertThat(reply.body().has("code")).isTrue();
        }
        assertThat(storedEvents()).isEqualTo(before);
        // and the same measure still takes Vietnamese prose with a line break
        Reply cancelled = http.post(cancellation, "{\"reason\": \"Báo cáo kết quả thực hiện MTCL 6 tháng\\nđã gộp vào báo cáo năm\"}");
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(202);
        assertThat(cancelled.text("id")).isEqualTo("I.6");
        assertThat(storedEvents()).isEqualTo(before + 1);
    }
}
