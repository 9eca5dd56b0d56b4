package vn.qualityledger.query.auditprogramme;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.qualityledger.query.directory.DirectoryNames;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.server.ResponseStatusException;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.web.ReadAccess;

@WebMvcTest(AuditProgrammeController.class)
@AutoConfigureMockMvc(addFilters = false) // who may read what: NonconformityFiguresIntegrationTest
@Import(AuditProgrammeControllerTest.FixedClock.class)
class AuditProgrammeControllerTest {

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2024-12-31T17:30:00Z"), ZoneId.of("Asia/Ho_Chi_Minh")); // 1 Jan 2025 there
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean(answers = Answers.CALLS_REAL_METHODS)
    AsRecorded asRecorded;
    @MockitoBean
    DirectoryNames names;
    @MockitoBean
    ReadAccess access;
    @MockitoBean
    AuditProgrammeRepository programmes;

    @Test
    void requiresAYearAndAValidDateNamingTheParameter() throws Exception {
        expectBadParameter(mvc.perform(get("/api/organisations/org/audit-programme")), "year");
        expectBadParameter(mvc.perform(get("/api/organisations/org/audit-programme?year=hai-nghin")), "year");
        expectBadParameter(mvc.perform(get("/api/organisations/org/audit-programme?year=1999")), "year");
        expectBadParameter(mvc.perform(get("/api/organisations/org/audit-programme?year=2024&asOf=2024-06-31")), "asOf");
        verifyNoInteractions(programmes);
    }

    @Test
    void takesTodayInHoChiMinhCityWhenAsOfIsOmitted() throws Exception {
        when(programmes.programme(anyString(), anyInt(), any())).thenReturn(new AuditProgramme("org", 2024, LocalDate.of(2025, 1, 1),
                0, List.of(), List.of(), null, List.of(), List.of(), List.of()));
        mvc.perform(get("/api/organisations/org/audit-programme?year=2024"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.auditedRate").isEmpty());
        verify(programmes).programme("org", 2024, LocalDate.of(2025, 1, 1));
    }

    @Test
    void answersForbiddenForAnotherOrganisationsReader() throws Exception {
        doThrow(new ResponseStatusException(HttpStatus.FORBIDDEN, "You read only your own organisation's data"))
                .when(access).requireOrganisation("other-org");
        mvc.perform(get("/api/organisations/other-org/audit-programme?year=2024"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        verifyNoInteractions(programmes);
    }

    static void expectBadParameter(ResultActions result, String parameter) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString(parameter)))
                .andExpect(jsonPath("$['invalid-params'][0].name").value(parameter));
    }
}
