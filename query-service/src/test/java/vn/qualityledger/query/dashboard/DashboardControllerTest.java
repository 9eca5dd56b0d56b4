package vn.qualityledger.query.dashboard;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.qualityledger.query.directory.DirectoryNames;
import org.mockito.Answers;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.web.ReadAccess;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(DashboardController.class)
@AutoConfigureMockMvc(addFilters = false) // who may read what: QueryServiceWiringIntegrationTest
@Import(DashboardControllerTest.FixedClock.class)
class DashboardControllerTest {

    /** 18:30 UTC on 30 June is already 1 July in Ho Chi Minh City (UTC+7). */
    static final Instant NOW = Instant.parse("2024-06-30T18:30:00Z");
    static final LocalDate TODAY_IN_VIETNAM = LocalDate.of(2024, 7, 1);

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }

    @Autowired
    MockMvc mvc;

    /** Reads without knownAt go straight to the repository, as before. */
    @MockitoBean(answers = Answers.CALLS_REAL_METHODS)
    AsRecorded asRecorded;
    @MockitoBean
    DirectoryNames names;
    @MockitoBean
    ReadAccess access;
    @MockitoBean
    DashboardRepository dashboards;

    @Test
    void rejectsAMalformedAsOfNamingTheParameter() throws Exception {
        expectBadParameter(mvc.perform(get("/api/objectives/obj-1/dashboard?asOf=2024-02-30")), "asOf");
        expectBadParameter(mvc.perform(get("/api/organisations/org/years/2024/summary?asOf=yesterday")), "asOf");
        expectBadParameter(mvc.perform(get("/api/organisations/org/years/2024/units?asOf=01/07/2024")), "asOf");
        verifyNoInteractions(dashboards);
    }

    @Test
    void rejectsAYearThatIsNotANumberNamingTheParameter() throws Exception {
        expectBadParameter(mvc.perform(get("/api/organisations/org/years/nam-nay/summary")), "year");
    }

    @Test
    void rejectsPagesAndSizesOutOfRangeNamingTheParameter() throws Exception {
        String objectives = "/api/organisations/org/years/2024/objectives";
        expectBadParameter(mvc.perform(get(objectives + "?size=501")), "size");
        expectBadParameter(mvc.perform(get(objectives + "?size=0")), "size");
        expectBadParameter(mvc.perform(get(objectives + "?size=many")), "size");
        expectBadParameter(mvc.perform(get(objectives + "?page=-1")), "page");
        verifyNoInteractions(dashboards);
    }

    @Test
    void answersNotFoundWithAProblemForAnUnknownObjective() throws Exception {
        when(dashboards.findObjective(anyString(), any())).thenReturn(Optional.empty());

        mvc.perform(get("/api/objectives/no-such-objective/dashboard?asOf=2024-07-15"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value(containsString("no-such-objective")));
    }

    @Test
    void answersNotFoundForAUnitWithNoWorkOnTheDate() throws Exception {
        when(dashboards.findUnits(anyString(), anyInt(), any(), anyString())).thenReturn(List.of());

        mvc.perform(get("/api/organisations/org/years/2024/units/Thanh tra Sở?asOf=2024-07-15"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("Thanh tra Sở")));
    }

    @Test
    void takesTodayInHoChiMinhCityWhenAsOfIsOmitted() throws Exception {
        when(dashboards.findObjective(anyString(), any())).thenReturn(Optional.empty());
        mvc.perform(get("/api/objectives/obj-1/dashboard"));
        verify(dashboards).findObjective("obj-1", TODAY_IN_VIETNAM);

        mvc.perform(get("/api/organisations/org/years/2024/summary"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2024-07-01"));
        verify(dashboards).findObjectives("org", 2024, TODAY_IN_VIETNAM, null, 0);
    }

    @Test
    void pagesObjectivesThroughTheRepository() throws Exception {
        when(dashboards.findObjectives(eq("org"), eq(2024), any(), eq(10), eq(20L))).thenReturn(List.of());
        when(dashboards.countObjectives("org", 2024)).thenReturn(25L);

        mvc.perform(get("/api/organisations/org/years/2024/objectives?page=2&size=10&asOf=2024-07-15"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.size").value(10))
                .andExpect(jsonPath("$.totalElements").value(25))
                .andExpect(jsonPath("$.totalPages").value(3));
        verify(dashboards).findObjectives("org", 2024, LocalDate.of(2024, 7, 15), 10, 20L);
    }

    @Test
    void listsEveryUnitWhenNoneIsNamed() throws Exception {
        when(dashboards.findUnits(eq("org"), eq(2024), any(), isNull())).thenReturn(List.of());
        mvc.perform(get("/api/organisations/org/years/2024/units?asOf=2024-07-15"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units").isEmpty());
    }

    @Test
    void answersAnUnexpectedFailureWithAProblemThatKeepsInternalsToItself() throws Exception {
        when(dashboards.findObjective(anyString(), any())).thenThrow(new IllegalStateException("connection to 10.0.0.5 refused"));

        mvc.perform(get("/api/objectives/obj-1/dashboard?asOf=2024-07-15"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(500))
                .andExpect(content().string(not(containsString("10.0.0.5"))));
    }

    @Test
    void rejectsDatesAndInstantsOutsideYears1900To9999NamingTheParameter() throws Exception {
        for (String asOf : List.of("+999999999-12-31", "-999999999-01-01", "1899-12-31", "+10000-01-01")) {
            expectBadParameter(mvc.perform(get("/api/objectives/obj-1/dashboard").param("asOf", asOf)), "asOf")
                    .andExpect(jsonPath("$['invalid-params'][0].reason").value(containsString("1900-01-01")));
        }
        for (String knownAt : List.of("-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z", "1899-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z")) {
            expectBadParameter(mvc.perform(get("/api/organisations/org/years/2024/summary").param("knownAt", knownAt)), "knownAt");
        }
        verifyNoInteractions(dashboards);
    }

    @Test
    void takesTheEdgesOfTheRange() throws Exception {
        when(dashboards.findObjective(anyString(), any())).thenReturn(Optional.empty());
        mvc.perform(get("/api/objectives/obj-1/dashboard?asOf=9999-12-31")).andExpect(status().isNotFound());
        mvc.perform(get("/api/objectives/obj-1/dashboard?asOf=1900-01-01")).andExpect(status().isNotFound());
    }

    @Test
    void rejectsYearsOutsideTheRangeAndControlCharactersNamingTheParameter() throws Exception {
        expectBadParameter(mvc.perform(get("/api/organisations/org/years/2147483647/summary")), "year");
        expectBadParameter(mvc.perform(get("/api/organisations/org/years/-5/units")), "year");
        expectBadParameter(mvc.perform(get("/api/organisations/org/years/2024/units").param("unit", "VP\u0000")), "unit");
        expectBadParameter(mvc.perform(get("/api/organisations/org/years/2024/summary").param("asOf", "2024-01-01\n")), "asOf");
        verifyNoInteractions(dashboards);
    }

    @Test
    void takesTheLargestPageWithoutFailing() throws Exception {
        mvc.perform(get("/api/organisations/org/years/2024/objectives?page=2147483647&size=500&asOf=2024-07-15"))
                .andExpect(status().isOk());
        verify(dashboards).findObjectives("org", 2024, LocalDate.of(2024, 7, 15), 500, 2147483647L * 500);
    }

    @Test
    void givesEveryProblemAStableCode() throws Exception {
        when(dashboards.findObjective(anyString(), any())).thenReturn(Optional.empty());
        expectProblem(mvc.perform(get("/api/objectives/no-such-objective/dashboard?asOf=2024-07-15")), 404, "NOT_FOUND");
        expectProblem(mvc.perform(post("/api/objectives/obj-1/dashboard")), 405, "METHOD_NOT_ALLOWED");
        expectProblem(mvc.perform(get("/api/organisations/org/years/2024/summary?asOf=2024-07-15").accept(MediaType.parseMediaType("text/csv"))),
                406, "NOT_ACCEPTABLE");
        expectProblem(mvc.perform(get("/api/objectives/obj-1/dashboard?asOf=nonsense")), 400, "INVALID_PARAMETER");
        expectProblem(mvc.perform(get("/api/nothing-here")), 404, "NOT_FOUND");

        doThrow(new ResponseStatusException(HttpStatus.FORBIDDEN, "You read only your own organisation's data (org)"))
                .when(access).requireOrganisation("someone-else");
        expectProblem(mvc.perform(get("/api/organisations/someone-else/years/2024/summary")), 403, "FORBIDDEN")
                .andExpect(jsonPath("$.detail").value("You read only your own organisation's data (org)"));

        when(dashboards.findObjective(eq("obj-boom"), any())).thenThrow(new IllegalStateException("vn.qualityledger.Boom at java.lang.Thread"));
        expectProblem(mvc.perform(get("/api/objectives/obj-boom/dashboard?asOf=2024-07-15")), 500, "INTERNAL_ERROR");
        when(dashboards.findObjective(eq("obj-down"), any())).thenThrow(new CannotGetJdbcConnectionException("Connection refused"));
        expectProblem(mvc.perform(get("/api/objectives/obj-down/dashboard?asOf=2024-07-15")), 503, "SERVICE_UNAVAILABLE")
                .andExpect(header().string("Retry-After", "5"));
    }

    @Test
    void namesNoJavaTypeInATypeMismatch() throws Exception {
        mvc.perform(get("/api/organisations/org/years/nam-nay/summary"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$['invalid-params'][0].reason").value("must be a whole number but was 'nam-nay'"))
                .andExpect(content().string(not(containsString("java."))))
                .andExpect(content().string(not(containsString("vn.qualityledger"))));
        mvc.perform(get("/api/organisations/org/years/2024/summary?knownAt=hôm-qua"))
                .andExpect(jsonPath("$['invalid-params'][0].reason").value(containsString("ISO-8601 instant")))
                .andExpect(content().string(not(containsString("java."))));
    }

    static ResultActions expectProblem(ResultActions result, int status, String code) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.type").value("https://quality-ledger.vn/problems/" + code.toLowerCase().replace('_', '-')))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(content().string(not(containsString("java."))))
                .andExpect(content().string(not(containsString("vn.qualityledger"))));
    }

    static ResultActions expectBadParameter(ResultActions result, String parameter) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(jsonPath("$.detail").value(containsString(parameter)))
                .andExpect(jsonPath("$['invalid-params'][0].name").value(parameter));
    }
}
