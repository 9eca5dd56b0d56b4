package vn.qualityledger.command.plan;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A plan document with holes is refused with the hole's path, before any command is sent. */
@WebMvcTest(PlanImportController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(PlanImport.class)
class PlanImportControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;

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
                    .andExpect(jsonPath("$.organisationId").value("SLDTBXH-HD"));
        }
        verify(commands, atLeastOnce()).sendAndWait(any());
    }
}
