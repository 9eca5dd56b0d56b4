package vn.qualityledger.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.contract.EventContract;
import vn.qualityledger.api.objective.*;
import vn.qualityledger.query.IntegrationDatabase;
import vn.qualityledger.query.ObjectiveStreams;
import vn.qualityledger.query.export.ExportFiles;

/** The auditor's history, read from the real event store over HTTP. */
@SpringBootTest(properties = "spring.config.name=query-service")
@AutoConfigureMockMvc
@WithUserDetails("danhgia") // the internal auditor of SLDTBXH-HD, a demo user
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectiveHistoryIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_query_history");
        registry.add("spring.datasource.url", () -> url);
    }

    private static final ObjectiveId OBJECTIVE = ObjectiveId.of("SLDTBXH-HD.MTCL-2023-01");
    private static final String HISTORY = "/api/objectives/SLDTBXH-HD.MTCL-2023-01/history";

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transaction;

    @BeforeAll
    void anObjectiveWithSomeWork() {
        MeasureId reports = MeasureId.of("I.6");
        OccurrenceId may = OccurrenceId.of("I.6@2023-05-14");
        Schedule schedule = new Schedule("Trước 15/5", List.of(ScheduleRule.oneOff(LocalDate.of(2023, 5, 14))));
        new ObjectiveStreams(eventStore, transaction).append(OBJECTIVE,
                new ObjectiveDefinedEvent(OBJECTIVE, "SLDTBXH-HD", 2023, "MTCL-2023-01", "100% phòng, trung tâm áp dụng HTQLCL",
                        new Target("Tỷ lệ", Comparator.AT_LEAST, BigDecimal.valueOf(100), "%")),
                new MeasurePlannedEvent(OBJECTIVE, reports, null, new MeasureDetails("I.6", "Báo cáo kết quả thực hiện MTCL",
                        List.of("VP"), List.of(), List.of("QMR"), List.of(), schedule),
                        List.of(new ScheduledOccurrence(may, LocalDate.of(2023, 5, 14)))),
                new EvidenceSubmittedEvent(OBJECTIVE, EvidenceId.of("ev-1"), reports, may,
                        new DocumentReference("512/BC-SLĐTBXH", LocalDate.of(2023, 5, 12), "Văn phòng Sở", "Báo cáo 6 tháng", null, null),
                        LocalDate.of(2023, 5, 12)),
                new EvidenceRejectedEvent(OBJECTIVE, EvidenceId.of("ev-1"), reports, may, "Thiếu chữ ký", LocalDate.of(2023, 5, 13)));
        // the last one as command-service stores it: caused by a command, whose id its metadata names
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("Objective", OBJECTIVE.value(), 4,
                new MeasurementRecordedEvent(OBJECTIVE, MeasurementId.of("q2"), new Period(LocalDate.of(2023, 4, 1), LocalDate.of(2023, 6, 30)),
                        BigDecimal.valueOf(1212), BigDecimal.valueOf(1250), new BigDecimal("96.9600"), "Phiếu khảo sát", LocalDate.of(2023, 7, 2)),
                MetaData.with("commandId", RECORDING_COMMAND).and("causationId", RECORDING_COMMAND).and("correlationId", RECORDING_COMMAND))));
    }

    private static final String RECORDING_COMMAND = "0b6f1c1e-5d7a-4f59-9a55-3a4c2f7d9e01";

    @Test
    void namesEachEventByItsPublishedContractNameAndItsCause() throws Exception {
        mvc.perform(get(HISTORY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].eventType").value("vn.qualityledger.objective.ObjectiveDefined"))
                .andExpect(jsonPath("$.content[0].revision").value(EventContract.revision(ObjectiveDefinedEvent.class)))
                .andExpect(jsonPath("$.content[3].eventType").value("vn.qualityledger.objective.EvidenceRejected"))
                .andExpect(jsonPath("$.content[4].eventType").value(EventContract.typeName(MeasurementRecordedEvent.class)))
                // the cause, where the event records one; none for events stored without it
                .andExpect(jsonPath("$.content[4].causationId").value(RECORDING_COMMAND))
                .andExpect(jsonPath("$.content[4].metadata.causationId").value(RECORDING_COMMAND))
                .andExpect(jsonPath("$.content[0].causationId").doesNotExist());
    }

    @Test
    void listsTheStreamInOrderPageByPage() throws Exception {
        mvc.perform(get(HISTORY + "?page=1&size=2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(5))
                .andExpect(jsonPath("$.totalPages").value(3))
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.content[0].sequenceNumber").value(2))
                .andExpect(jsonPath("$.content[1].sequenceNumber").value(3))
                .andExpect(jsonPath("$.content[0].eventType").value("vn.qualityledger.objective.EvidenceSubmitted"))
                .andExpect(jsonPath("$.content[0].revision").value("2"))
                .andExpect(jsonPath("$.content[0].payload.document.number").value("512/BC-SLĐTBXH"));
    }

    @Test
    void describesEachEventInVietnameseAndEnglish() throws Exception {
        mvc.perform(get(HISTORY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[2].summary.vi")
                        .value("Nộp minh chứng 512/BC-SLĐTBXH ngày 12/05/2023 (Báo cáo 6 tháng) cho biện pháp I.6, kỳ hạn 14/05/2023"))
                .andExpect(jsonPath("$.content[2].summary.en")
                        .value("Evidence 512/BC-SLĐTBXH of 2023-05-12 (Báo cáo 6 tháng) submitted for measure I.6, due 2023-05-14"))
                .andExpect(jsonPath("$.content[3].summary.vi").value("Từ chối minh chứng ev-1 cho biện pháp I.6, kỳ hạn 14/05/2023: Thiếu chữ ký"))
                .andExpect(jsonPath("$.content[4].summary.vi")
                        .value("Ghi nhận kết quả 96.96 (1212/1250) cho kỳ 01/04/2023 – 30/06/2023, nguồn: Phiếu khảo sát"));
    }

    @Test
    void exportsTheWholeStreamAsXlsxAndCsvOneRowPerEventAsTheJsonReadsIt() throws Exception {
        String json = mvc.perform(get(HISTORY)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        byte[] csv = mvc.perform(get(HISTORY + ".csv")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] xlsx = mvc.perform(get(HISTORY + ".xlsx")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        List<List<String>> fromJson = ExportFiles.json(json, "$.content", "sequenceNumber", "summary.vi", "actor.name", "actor.id",
                "eventType", "revision", "eventId");
        List<List<String>> csvRows = ExportFiles.csv(csv);
        List<List<String>> xlsxRows = ExportFiles.xlsx(xlsx);
        assertThat(csvRows.get(0)).containsExactly("Số thứ tự", "Thời điểm ghi nhận (giờ Việt Nam)", "Nội dung", "Người thực hiện",
                "Tài khoản", "Loại sự kiện", "Phiên bản", "Mã sự kiện");
        assertThat(xlsxRows.get(0)).isEqualTo(csvRows.get(0));
        assertThat(csvRows).hasSize(6); // the five events
        List<String> recordedAt = com.jayway.jsonpath.JsonPath.read(json, "$.content[*].recordedAt");
        for (int i = 0; i < fromJson.size(); i++) {
            List<String> csvRow = new java.util.ArrayList<>(csvRows.get(i + 1));
            List<String> xlsxRow = new java.util.ArrayList<>(xlsxRows.get(i + 1));
            Instant recorded = Instant.parse(recordedAt.get(i));
            // the local time: the same instant in the CSV (with its offset), to the second in Excel, which keeps no offset
            assertThat(java.time.OffsetDateTime.parse(csvRow.remove(1)).toInstant()).isEqualTo(recorded);
            assertThat(java.time.LocalDateTime.parse(xlsxRow.remove(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                    .isEqualTo(recorded.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(csvRow).isEqualTo(fromJson.get(i));
            assertThat(xlsxRow).isEqualTo(fromJson.get(i));
        }
        assertThat(csvRows.get(4).get(2)).isEqualTo("Từ chối minh chứng ev-1 cho biện pháp I.6, kỳ hạn 14/05/2023: Thiếu chữ ký");
        mvc.perform(get("/api/objectives/no-such-objective/history.xlsx")).andExpect(status().isNotFound());
    }

    @Test
    void givesEachEventsTimeInUtcAndInHoChiMinhCity() throws Exception {
        mvc.perform(get(HISTORY + "?size=1"))
                .andExpect(jsonPath("$.content[0].recordedAt").value(org.hamcrest.Matchers.endsWith("Z")))
                .andExpect(jsonPath("$.content[0].recordedAtLocal").value(org.hamcrest.Matchers.endsWith("+07:00")));
    }

    @Test
    void readsThePlanAsRecordedNowWithoutAReplay() throws Exception {
        String plan = "/api/objectives/SLDTBXH-HD.MTCL-2023-01/plan";
        org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get(plan)).andExpect(status().isOk()).andExpect(jsonPath("$.measures.length()").value(1)));
        mvc.perform(get(plan))
                .andExpect(jsonPath("$.objectiveId").value("SLDTBXH-HD.MTCL-2023-01"))
                .andExpect(jsonPath("$.measures[0].measureId").value("I.6"))
                .andExpect(jsonPath("$.measures[0].title").value("Báo cáo kết quả thực hiện MTCL"))
                .andExpect(jsonPath("$.measures[0].leadUnits[0]").value("VP"))
                .andExpect(jsonPath("$.measures[0].monitors[0]").value("QMR"))
                .andExpect(jsonPath("$.measures[0].scheduleText").value("Trước 15/5"))
                // The rules as planned (query-service V25), which the web application says in words.
                .andExpect(jsonPath("$.measures[0].scheduleRules.length()").value(1))
                .andExpect(jsonPath("$.measures[0].scheduleRules[0].due").value("2023-05-14"))
                .andExpect(jsonPath("$.measures[0].scheduleRules[0].window").doesNotExist())
                .andExpect(jsonPath("$.occurrences.length()").value(1))
                .andExpect(jsonPath("$.occurrences[0].occurrenceId").value("I.6@2023-05-14"))
                .andExpect(jsonPath("$.occurrences[0].dueDate").value("2023-05-14"))
                // The evidence was rejected: the occurrence is not done.
                .andExpect(jsonPath("$.occurrences[0].completedOn").doesNotExist())
                // The measurements of the target indicator, as recorded (the web's objective page lists them).
                .andExpect(jsonPath("$.measurements.length()").value(1))
                .andExpect(jsonPath("$.measurements[0].measurementId").value("q2"))
                .andExpect(jsonPath("$.measurements[0].periodFrom").value("2023-04-01"))
                .andExpect(jsonPath("$.measurements[0].periodTo").value("2023-06-30"))
                .andExpect(jsonPath("$.measurements[0].numerator").value(1212))
                .andExpect(jsonPath("$.measurements[0].denominator").value(1250))
                .andExpect(jsonPath("$.measurements[0].value").value(96.96))
                .andExpect(jsonPath("$.measurements[0].source").value("Phiếu khảo sát"))
                .andExpect(jsonPath("$.measurements[0].recordedOn").value("2023-07-02"));
        mvc.perform(get("/api/objectives/no-such-objective/plan")).andExpect(status().isNotFound());
    }

    @Test
    @WithUserDetails("baocao") // a feed consumer reads no dashboard, so no plan either
    void refusesThePlanToAFeedConsumer() throws Exception {
        mvc.perform(get("/api/objectives/SLDTBXH-HD.MTCL-2023-01/plan")).andExpect(status().isForbidden());
    }

    @Test
    void answersAnUnknownObjectiveWith404() throws Exception {
        mvc.perform(get("/api/objectives/no-such-objective/history")).andExpect(status().isNotFound());
        mvc.perform(get("/api/objectives/no-such-objective/integrity")).andExpect(status().isNotFound());
    }

    @Test
    void verifiesTheStreamIntact() throws Exception {
        mvc.perform(get("/api/objectives/SLDTBXH-HD.MTCL-2023-01/integrity"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verified").value(true))
                .andExpect(jsonPath("$.eventsChecked").value(5));
    }

    @Test
    void refusesAnOversizedPageNamingTheParameter() throws Exception {
        mvc.perform(get(HISTORY + "?size=5000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$['invalid-params'][0].name").value("size"));
    }

    @Test
    void refusesInstantsOutOfTheDomainRangeOnPastStatesAndChanges() throws Exception {
        String objective = "/api/objectives/SLDTBXH-HD.MTCL-2023-01";
        for (String at : new String[] {"-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z", "1899-12-31T23:59:59Z"}) {
            mvc.perform(get(objective + "/state").param("at", at))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                    .andExpect(jsonPath("$['invalid-params'][0].name").value("at"));
        }
        mvc.perform(get(objective + "/changes").param("from", "2023-01-01T00:00:00Z").param("to", "+10000-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$['invalid-params'][0].name").value("to"));
        mvc.perform(get("/api/audits/a-1/state").param("at", "-1000000000-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$['invalid-params'][0].name").value("at"));
        mvc.perform(get("/api/nonconformities/nc-1/state").param("at", "+1000000000-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$['invalid-params'][0].name").value("at"));
        mvc.perform(get(objective + "/state").param("at", "9999-12-31T23:59:59Z")).andExpect(status().isOk());
    }
}
