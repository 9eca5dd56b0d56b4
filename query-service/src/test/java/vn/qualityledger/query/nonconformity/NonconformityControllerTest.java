package vn.qualityledger.query.nonconformity;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
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
import java.util.Optional;
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
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.tracking.NonconformityStatus;
import vn.qualityledger.query.web.ReadAccess;

@WebMvcTest(NonconformityController.class)
@AutoConfigureMockMvc(addFilters = false) // who may read what: NonconformityFiguresIntegrationTest
@Import(NonconformityControllerTest.FixedClock.class)
class NonconformityControllerTest {

    /** 18:30 UTC on 30 June is already 1 July in Ho Chi Minh City (UTC+7). */
    static final Instant NOW = Instant.parse("2024-06-30T18:30:00Z");

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
    /** Reads without knownAt go straight to the repository. */
    @MockitoBean(answers = Answers.CALLS_REAL_METHODS)
    AsRecorded asRecorded;
    @MockitoBean
    DirectoryNames names;
    @MockitoBean
    ReadAccess access;
    @MockitoBean
    NonconformityRepository nonconformities;

    @Test
    void rejectsMalformedDatesAndInstantsNamingTheParameter() throws Exception {
        expectBadParameter(mvc.perform(get("/api/organisations/org/nonconformities/summary?asOf=2024-02-30")), "asOf");
        expectBadParameter(mvc.perform(get("/api/organisations/org/nonconformities?asOf=31/12/2024")), "asOf");
        expectBadParameter(mvc.perform(get("/api/nonconformities/nc-1?asOf=hôm nay")), "asOf");
        expectBadParameter(mvc.perform(get("/api/objectives/obj-1/nonconformities?asOf=2024-13-01")), "asOf");
        expectBadParameter(mvc.perform(get("/api/organisations/org/nonconformities/summary?knownAt=2024-07-01")), "knownAt");
        verifyNoInteractions(nonconformities);
    }

    @Test
    void rejectsDatesAndInstantsOutOfTheDomainRangeNamingTheParameter() throws Exception {
        expectBadParameter(mvc.perform(get("/api/organisations/org/nonconformities/summary").param("asOf", "+999999999-12-31")), "asOf");
        expectBadParameter(mvc.perform(get("/api/organisations/org/nonconformities").param("asOf", "0001-01-01")), "asOf");
        expectBadParameter(mvc.perform(get("/api/nonconformities/nc-1").param("asOf", "-999999999-01-01")), "asOf");
        expectBadParameter(mvc.perform(get("/api/objectives/obj-1/nonconformities").param("asOf", "+10000-01-01")), "asOf");
        expectBadParameter(mvc.perform(get("/api/organisations/org/nonconformities").param("knownAt", "-1000000000-01-01T00:00:00Z")), "knownAt");
        expectBadParameter(mvc.perform(get("/api/organisations/org/nonconformities").param("clause", "8.7\u0000")), "clause");
        verifyNoInteractions(nonconformities);
    }

    @Test
    void rejectsUnknownFilterValuesNamingTheParameter() throws Exception {
        String list = "/api/organisations/org/nonconformities";
        expectBadParameter(mvc.perform(get(list + "?status=OPEN")), "status");
        expectBadParameter(mvc.perform(get(list + "?source=AUDIT")), "source");
        expectBadParameter(mvc.perform(get(list + "?severity=CRITICAL")), "severity");
        expectBadParameter(mvc.perform(get(list + "?overdue=maybe")), "overdue");
        expectBadParameter(mvc.perform(get(list + "?year=nam-nay")), "year");
        expectBadParameter(mvc.perform(get(list + "?year=24")), "year");
        expectBadParameter(mvc.perform(get(list + "?size=501")), "size");
        expectBadParameter(mvc.perform(get(list + "?page=-1")), "page");
        verifyNoInteractions(nonconformities);
    }

    @Test
    void passesEveryFilterAndThePageToTheRepository() throws Exception {
        NonconformityFilter filter = new NonconformityFilter(2024, NonconformityStatus.REOPENED, NonconformitySource.AUDIT_FINDING,
                "Phòng Kế hoạch", "9.1.3", Severity.MINOR, true);
        when(nonconformities.list(eq("org"), eq(filter), any(), eq(10), eq(20L))).thenReturn(List.of());
        when(nonconformities.count(eq("org"), eq(filter), any())).thenReturn(25L);

        mvc.perform(get("/api/organisations/org/nonconformities?year=2024&status=REOPENED&source=AUDIT_FINDING&unit=Phòng Kế hoạch"
                        + "&clause=9.1.3&severity=MINOR&overdue=true&asOf=2024-12-31&page=2&size=10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(25))
                .andExpect(jsonPath("$.totalPages").value(3));
        verify(nonconformities).list("org", filter, LocalDate.of(2024, 12, 31), 10, 20L);
    }

    @Test
    void takesTodayInHoChiMinhCityWhenAsOfIsOmitted() throws Exception {
        mvc.perform(get("/api/organisations/org/nonconformities/summary"));
        verify(nonconformities).summary("org", null, LocalDate.of(2024, 7, 1));
    }

    @Test
    void answersNotFoundForANonconformityNotRaisedByTheDateAndForAnUnknownObjective() throws Exception {
        when(nonconformities.detail(anyString(), any())).thenReturn(Optional.empty());
        mvc.perform(get("/api/nonconformities/NC-9?asOf=2024-01-01"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("NC-9")));

        when(nonconformities.objectiveExists("obj-x")).thenReturn(false);
        mvc.perform(get("/api/objectives/obj-x/nonconformities"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("obj-x")));
    }

    @Test
    void namesWhoDidEachStepInTheDetail() throws Exception {
        NonconformityDetail.ActorRef qmr = new NonconformityDetail.ActorRef("qmr", "Trần Văn Quang");
        NonconformityDetail.ActorRef staff = new NonconformityDetail.ActorRef("nhanvienvp", "Phạm Minh Hiếu");
        NonconformityDetail.Action action = new NonconformityDetail.Action("a1", "VP", "Phân công", LocalDate.of(2024, 4, 30),
                LocalDate.of(2024, 4, 3), LocalDate.of(2024, 4, 10), null, null, false, false,
                List.of(new NonconformityDetail.Verification(true, null, LocalDate.of(2024, 4, 15), qmr)), qmr, staff);
        when(nonconformities.detail(eq("NC-1"), any())).thenReturn(Optional.of(new NonconformityDetail("NC-1", "org",
                LocalDate.of(2024, 7, 1), NonconformityStatus.CLOSED, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 16), 15, false,
                Severity.MINOR, "VP", "7.5.3", null, "Hồ sơ", null, null, null, "Chưa phân công", null, LocalDate.of(2024, 4, 2),
                qmr, null, qmr, List.of(action), List.of(new NonconformityDetail.Closure(true, LocalDate.of(2024, 4, 16), null, qmr)))));

        mvc.perform(get("/api/nonconformities/NC-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.raisedBy.actorId").value("qmr"))
                .andExpect(jsonPath("$.raisedBy.name").value("Trần Văn Quang"))
                .andExpect(jsonPath("$.correctedBy").doesNotExist())
                .andExpect(jsonPath("$.actions[0].plannedBy.actorId").value("qmr"))
                .andExpect(jsonPath("$.actions[0].implementedBy.actorId").value("nhanvienvp"))
                .andExpect(jsonPath("$.actions[0].implementedBy.name").value("Phạm Minh Hiếu"))
                .andExpect(jsonPath("$.actions[0].verifications[0].verifiedBy.actorId").value("qmr"))
                .andExpect(jsonPath("$.closures[0].by.name").value("Trần Văn Quang"));
    }

    @Test
    void answersForbiddenWithAProblemWhenTheReaderMayNotReadTheOrganisation() throws Exception {
        doThrow(new ResponseStatusException(HttpStatus.FORBIDDEN, "You read only your own organisation's data (SLDTBXH-HD)"))
                .when(access).requireOrganisation("other-org");
        doThrow(new ResponseStatusException(HttpStatus.FORBIDDEN, "You read only your own organisation's data (SLDTBXH-HD)"))
                .when(access).requireStream("NC-other");

        mvc.perform(get("/api/organisations/other-org/nonconformities/summary"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/api/nonconformities/NC-other")).andExpect(status().isForbidden());
        verifyNoInteractions(nonconformities);
    }

    static void expectBadParameter(ResultActions result, String parameter) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(containsString(parameter)))
                .andExpect(jsonPath("$['invalid-params'][0].name").value(parameter));
    }
}
