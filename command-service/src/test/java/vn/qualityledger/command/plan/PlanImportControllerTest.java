package vn.qualityledger.command.plan;

import static org.mockito.Mockito.atLeast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MetaData;
import org.mockito.ArgumentCaptor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.directory.DirectoryUnit;
import vn.qualityledger.api.directory.RecordOrganisationDirectoryCommand;
import vn.qualityledger.command.objective.Objective;
import vn.qualityledger.command.reads.ReadLocations;
import vn.qualityledger.support.security.CurrentActor;

/**
 * A plan document with holes is refused with the hole's path, before any command is sent; every error of a document
 * comes in one answer, the preview's as the import's. (What the event store holds is the integration test's:
 * here no objective is recorded yet.)
 */
@WebMvcTest(controllers = PlanImportController.class, properties = "quality-ledger.query-service.public-url=http://reads.example")
@AutoConfigureMockMvc(addFilters = false)
@Import({PlanImport.class, PlanWorkbookImport.class, ReadLocations.class})
class PlanImportControllerTest extends PlanImportSlice {

    private ResultActions preview(String document) throws Exception {
        return mvc.perform(post("/api/plans/preview").contentType(MediaType.APPLICATION_JSON).content(document));
    }

    private ResultActions importPlan(String document) throws Exception {
        return mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content(document));
    }

    private static String plan(String objectives) {
        return """
                {"organisation": {"code": "SLDTBXH-HD", "name": "Sở Lao động – Thương binh và Xã hội"}, "year": 2023,
                 "objectives": %s}""".formatted(objectives);
    }

    private static final String MEASURE = """
            {"code": "I.6", "title": "Báo cáo kết quả thực hiện MTCL 6 tháng", "lead": ["VP"], "monitoredBy": ["QMR"],
             "schedule": {"text": "Trước 15/5", "rules": [{"due": "2023-05-14"}]}}""";

    @Test
    void refusesANullObjectiveNamingItsIndex() throws Exception {
        importPlan(plan("[null]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("objectives[0]"))
                .andExpect(jsonPath("$.errors[0].rule").value("NotNull"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesNullsDeeperInTheDocumentNamingTheirPath() throws Exception {
        importPlan(plan("[{\"code\": \"MTCL-2023-01\", \"statement\": \"Mục tiêu\", \"measures\": [null]}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("objectives[0].measures[0]"));
        importPlan(plan("[{\"code\": \"MTCL-2023-01\", \"statement\": \"Mục tiêu\", \"measures\": [" + MEASURE.replace("[\"VP\"]", "[\"VP\", null]") + "]}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("objectives[0].measures[0].lead[1]"));
        importPlan(plan("[{\"code\": \"MTCL-2023-01\", \"statement\": \"Mục tiêu\", \"measures\": [" + MEASURE.replace("[{\"due\": \"2023-05-14\"}]", "[null]") + "]}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("objectives[0].measures[0].schedule.rules[0]"));
        importPlan(plan("[{\"code\": \"MTCL-2023-01\", \"statement\": \"Mục tiêu\", \"measures\": null}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("objectives[0].measures"));
        importPlan(plan("null"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("objectives"));
        verifyNoInteractions(commands);
    }

    @Test
    void importsThePublishedPlansUnderTheStrictReading() throws Exception {
        for (String document : new String[] {"mtcl-2023.json", "mtcl-2022.json"}) {
            importPlan(Files.readString(Path.of("..", "data", document)))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.organisationId").value("SLDTBXH-HD"))
                    .andExpect(header().string("Location", "http://reads.example/api/organisations/SLDTBXH-HD/years/"
                            + (document.contains("2023") ? 2023 : 2022) + "/objectives"));
        }
        verify(commands, atLeastOnce()).sendAndWait(any());
    }

    @Test
    void sendsTheDocumentsNamesFirstAsTheOrganisationsDirectory() throws Exception {
        importPlan(Files.readString(Path.of("..", "data", "mtcl-2023.json"))).andExpect(status().isCreated());
        org.mockito.ArgumentCaptor<Object> sent = org.mockito.ArgumentCaptor.forClass(Object.class);
        verify(commands, atLeastOnce()).sendAndWait(sent.capture());
        RecordOrganisationDirectoryCommand directory = (RecordOrganisationDirectoryCommand) payload(sent.getAllValues().get(0));
        org.assertj.core.api.Assertions.assertThat(directory.directoryId().value()).isEqualTo("directory-SLDTBXH-HD");
        org.assertj.core.api.Assertions.assertThat(directory.name()).isEqualTo("Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương");
        org.assertj.core.api.Assertions.assertThat(directory.parentName()).isNull();
        org.assertj.core.api.Assertions.assertThat(directory.units()).hasSize(17)
                .contains(new DirectoryUnit("VP", "Văn phòng Sở", "OFFICE"), new DirectoryUnit("ALL_UNITS", "Các phòng, trung tâm thuộc Sở", "GROUP"));
    }

    @Test
    void sendsNoDirectoryForADocumentThatDoesNotNameItsOrganisation() throws Exception {
        importPlan(plan("[{\"code\": \"MTCL-2023-01\", \"statement\": \"Mục tiêu\", \"measures\": [" + MEASURE + "]}]")
                .replace(", \"name\": \"Sở Lao động – Thương binh và Xã hội\"", ""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.commands").value(2));
        verify(commands, org.mockito.Mockito.never()).sendAndWait(org.mockito.ArgumentMatchers.argThat(
                (Object c) -> payload(c) instanceof RecordOrganisationDirectoryCommand));
    }

    @Test
    void recordsTheParentBodyAndLeavesOutUnitsListedWithoutAName() throws Exception {
        importPlan(plan("[]").replace("\"name\": \"Sở Lao động – Thương binh và Xã hội\"",
                        "\"name\": \"Sở Lao động – Thương binh và Xã hội\", \"parent\": \"UBND tỉnh Hải Dương\"")
                .replace("\"year\": 2023,", "\"year\": 2023, \"units\": [{\"code\": \"VP\"}, {\"code\": \"P-KHTC\", \"name\": \"Phòng Kế hoạch – Tài chính\"}],")
                .replace("\"objectives\": []", "\"objectives\": [{\"code\": \"MTCL-2023-01\", \"statement\": \"Mục tiêu\", \"measures\": []}]"))
                .andExpect(status().isCreated());
        Object expected = RecordOrganisationDirectoryCommand.of("SLDTBXH-HD", "Sở Lao động – Thương binh và Xã hội",
                "UBND tỉnh Hải Dương", List.of(new DirectoryUnit("P-KHTC", "Phòng Kế hoạch – Tài chính", null)));
        verify(commands).sendAndWait(org.mockito.ArgumentMatchers.argThat((Object c) -> expected.equals(payload(c))));
    }

    @Test
    void refusesAUnitListedTwiceWithItsPathAndSendsNothing() throws Exception {
        String document = plan("[{\"code\": \"MTCL-2023-01\", \"statement\": \"Mục tiêu\", \"measures\": [" + MEASURE + "]}]")
                .replace("\"year\": 2023,", "\"year\": 2023, \"units\": [{\"code\": \"VP\", \"name\": \"Văn phòng Sở\"}, "
                        + "{\"code\": \"P-KHTC\"}, {\"code\": \"VP\", \"name\": \"Văn phòng\"}, {\"code\": \"P-KHTC\", \"name\": \"" + "P".repeat(301) + "\"}],");
        for (String endpoint : new String[] {"/api/plans/preview", "/api/plans"}) {
            mvc.perform(post(endpoint).contentType(MediaType.APPLICATION_JSON).content(document))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("INVALID_PLAN"))
                    .andExpect(jsonPath("$.errors.length()").value(2))
                    .andExpect(jsonPath("$.errors[0].field").value("units[2].code"))
                    .andExpect(jsonPath("$.errors[0].rule").value("DUPLICATE_CODE"))
                    .andExpect(jsonPath("$.errors[1].field").value("units[3].name"))
                    .andExpect(jsonPath("$.errors[1].rule").value("Size"));
        }
        verifyNoInteractions(commands);
    }

    @Test
    void everyCommandOfAnImportCarriesTheImportsOneCorrelationId() throws Exception {
        String answer = importPlan(Files.readString(Path.of("..", "data", "mtcl-2023.json")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String correlationId = tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer).path("correlationId").asString();
        assertThat(correlationId).isNotBlank();

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, atLeast(2)).sendAndWait(sent.capture());
        assertThat(sent.getAllValues()).allSatisfy(command -> {
            assertThat(command).isInstanceOf(CommandMessage.class);
            MetaData metaData = ((CommandMessage<?>) command).getMetaData();
            assertThat(metaData.get("correlationId")).isEqualTo(correlationId);
            assertThat(metaData.get("traceId")).isEqualTo(correlationId);
        });

        String again = importPlan(Files.readString(Path.of("..", "data", "mtcl-2023.json")))
                .andReturn().getResponse().getContentAsString();
        assertThat(again).as("the same plan again: the same answer").isEqualTo(answer);
        String other = importPlan(Files.readString(Path.of("..", "data", "mtcl-2022.json")))
                .andReturn().getResponse().getContentAsString();
        assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(other).path("correlationId").asString())
                .as("another plan is another conversation").isNotBlank().isNotEqualTo(correlationId);
    }

    private static Object payload(Object sent) {
        return sent instanceof CommandMessage<?> message ? message.getPayload() : sent;
    }

    /** Objective 0 has a percentage target over 100 and a measure with two mistakes; objective 2 repeats objective 0's code. */
    private static final String SEVERAL_ERRORS = plan("""
            [{"code": "MTCL-2023-01", "statement": "Mục tiêu một", "target": {"indicator": "Tỷ lệ", "comparator": ">=", "value": 120, "unit": "%"},
              "measures": [{"code": "I.1", "title": "", "lead": ["VP"], "monitoredBy": ["QMR"],
                            "schedule": {"text": "Hằng tháng", "rules": [{"rrule": "FREQ=SOMETIMES"}]}}]},
             {"code": "MTCL-2023-02", "statement": "Mục tiêu hai", "measures": [
               {"code": "II.1", "title": "Việc", "lead": [], "monitoredBy": ["QMR"], "schedule": {"text": "Quý", "rules": [{"continuous": true}]},
                "subMeasures": [{"code": "II.1", "title": "Việc con", "lead": ["VP"], "monitoredBy": ["QMR"],
                                 "schedule": {"text": "Cuối năm", "rules": [{"window": ["2023-12-31", "2023-01-01"]}]},
                                 "subMeasures": [{"code": "II.1.a.i", "title": "Quá sâu", "lead": ["VP"], "monitoredBy": ["QMR"],
                                                  "schedule": {"text": "x", "rules": [{"due": "2023-05-01"}]}}]}]}]},
             {"code": "MTCL-2023-01", "statement": "Trùng mã", "measures": []}]""");

    @Test
    void previewsEveryErrorOfADocumentWithItsPathAndSendsNothing() throws Exception {
        for (String endpoint : new String[] {"/api/plans/preview", "/api/plans"}) {
            mvc.perform(post(endpoint).contentType(MediaType.APPLICATION_JSON).content(SEVERAL_ERRORS))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("INVALID_PLAN"))
                    .andExpect(jsonPath("$.errors.length()").value(8))
                    .andExpect(jsonPath("$.errors[0].field").value("objectives[0].measures[0].schedule.rules[0].rrule"))
                    .andExpect(jsonPath("$.errors[0].rule").value("SCHEDULE_RRULE_INVALID"))
                    .andExpect(jsonPath("$.errors[0].objective").value("MTCL-2023-01"))
                    .andExpect(jsonPath("$.errors[0].measure").value("I.1"))
                    .andExpect(jsonPath("$.errors[1].field").value("objectives[0].measures[0].title"))
                    .andExpect(jsonPath("$.errors[1].rule").value("NotBlank"))
                    .andExpect(jsonPath("$.errors[2].field").value("objectives[0].target.value"))
                    .andExpect(jsonPath("$.errors[2].rule").value("TARGET_PERCENT_OUT_OF_RANGE"))
                    .andExpect(jsonPath("$.errors[2].objective").value("MTCL-2023-01"))
                    .andExpect(jsonPath("$.errors[2].measure").doesNotExist())
                    .andExpect(jsonPath("$.errors[3].field").value("objectives[1].measures[0].lead"))
                    .andExpect(jsonPath("$.errors[3].rule").value("Size"))
                    .andExpect(jsonPath("$.errors[4].field").value("objectives[1].measures[0].subMeasures[0].code"))
                    .andExpect(jsonPath("$.errors[4].rule").value("DUPLICATE_CODE"))
                    .andExpect(jsonPath("$.errors[5].field").value("objectives[1].measures[0].subMeasures[0].schedule.rules[0].window"))
                    .andExpect(jsonPath("$.errors[5].rule").value("SCHEDULE_WINDOW_INVALID"))
                    .andExpect(jsonPath("$.errors[5].objective").value("MTCL-2023-02"))
                    .andExpect(jsonPath("$.errors[5].measure").value("II.1 › II.1"))
                    .andExpect(jsonPath("$.errors[6].field").value("objectives[1].measures[0].subMeasures[0].subMeasures[0]"))
                    .andExpect(jsonPath("$.errors[6].rule").value("SUB_MEASURE_TOO_DEEP"))
                    .andExpect(jsonPath("$.errors[7].field").value("objectives[2].code"))
                    .andExpect(jsonPath("$.errors[7].rule").value("DUPLICATE_CODE"))
                    .andExpect(jsonPath("$.errors[7].objective").value("MTCL-2023-01"));
        }
        verifyNoInteractions(commands);
    }

    @Test
    void previewsWhatTheImportWouldStoreWithoutSendingIt() throws Exception {
        preview(Files.readString(Path.of("..", "data", "mtcl-2023.json")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisationId").value("SLDTBXH-HD"))
                .andExpect(jsonPath("$.year").value(2023))
                .andExpect(jsonPath("$.objectives.length()").value(10))
                .andExpect(jsonPath("$.objectives[0].objectiveId").value("SLDTBXH-HD.MTCL-2023-01"))
                .andExpect(jsonPath("$.objectives[0].status").value("NEW"))
                .andExpect(jsonPath("$.objectives[0].publication").value("TO_PUBLISH"))
                // the directory, 10 definitions, 30 measures and sub-measures, 10 publications: all new in an empty store
                .andExpect(jsonPath("$.commands").value(51))
                .andExpect(jsonPath("$.changes").value(51))
                .andExpect(jsonPath("$.directory").value("NEW"));
        verifyNoInteractions(commands);
    }

    @Test
    void previewsAMeasuresOccurrencesAndAPlanWithoutAFullDecisionAsDrafts() throws Exception {
        String document = plan("[{\"code\": \"MTCL-2023-01\", \"statement\": \"Mục tiêu\", \"measures\": [" + MEASURE.replace(
                "[{\"due\": \"2023-05-14\"}]", "[{\"rrule\": \"FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=14\"}, {\"due\": \"2023-10-29\"}]") + "]}]")
                .replace("\"year\": 2023,", "\"year\": 2023, \"decision\": {\"number\": \"147/QĐ-SLĐTBXH\", \"date\": \"2023-02\"},");
        preview(document)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.objectives[0].publication").value("DRAFT"))
                .andExpect(jsonPath("$.objectives[0].measures[0].path").value("objectives[0].measures[0]"))
                .andExpect(jsonPath("$.objectives[0].measures[0].lead[0]").value("VP"))
                .andExpect(jsonPath("$.objectives[0].measures[0].scheduleText").value("Trước 15/5"))
                .andExpect(jsonPath("$.objectives[0].measures[0].dueDates[0]").value("2023-05-14"))
                .andExpect(jsonPath("$.objectives[0].measures[0].dueDates[1]").value("2023-10-29"))
                .andExpect(jsonPath("$.objectives[0].measures[0].status").value("NEW"))
                .andExpect(jsonPath("$.commands").value(3)); // the directory (the organisation's name), a definition, a measure
        verifyNoInteractions(commands);
    }

    @Test
    void refusesAPreviewToWhoeverMayNotImport() throws Exception {
        given(actors.get()).willReturn(Optional.of(new Actor("nhanvienvp", "Phạm Minh Hiếu", List.of(Role.STAFF), "SLDTBXH-HD", "VP")));
        preview(Files.readString(Path.of("..", "data", "mtcl-2023.json")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("PLANNERS_ONLY"));
        verifyNoInteractions(objectives, commands);
    }
}
