package vn.qualityledger.query.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
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
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.qualityledger.query.directory.DirectoryNames;
import org.mockito.Answers;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.web.ReadAccess;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(BoardController.class)
@AutoConfigureMockMvc(addFilters = false) // who may read what: QueryServiceWiringIntegrationTest
@Import(BoardControllerTest.FixedClock.class)
class BoardControllerTest {

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            // 17:00 UTC on 31 December is already 1 January in Ho Chi Minh City.
            return Clock.fixed(Instant.parse("2024-12-31T17:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
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
    BoardRepository board;

    @Test
    void rejectsAnUnknownStatusNamingTheParameterAndTheStatusesThereAre() throws Exception {
        expectBadParameter(mvc.perform(get("/api/occurrences?status=LATE")), "status")
                .andExpect(jsonPath("$.detail").value(containsString("OVERDUE")));
        verifyNoInteractions(board);
    }

    @Test
    void rejectsMalformedDatesNamingTheParameter() throws Exception {
        expectBadParameter(mvc.perform(get("/api/occurrences?dueFrom=2024-1-5")), "dueFrom");
        expectBadParameter(mvc.perform(get("/api/occurrences?dueTo=31/12/2024")), "dueTo");
        expectBadParameter(mvc.perform(get("/api/occurrences?asOf=today")), "asOf");
        expectBadParameter(mvc.perform(get("/api/occurrences?year=2024a")), "year");
        verifyNoInteractions(board);
    }

    @Test
    void rejectsSizesAbove500AndNegativePagesNamingTheParameter() throws Exception {
        expectBadParameter(mvc.perform(get("/api/occurrences?size=501")), "size");
        expectBadParameter(mvc.perform(get("/api/occurrences?size=0")), "size");
        expectBadParameter(mvc.perform(get("/api/occurrences?page=-1")), "page");
        verifyNoInteractions(board);
    }

    @Test
    void acceptsTheLargestPageSize() throws Exception {
        when(board.find(any(), anyInt(), anyLong())).thenReturn(List.of());
        mvc.perform(get("/api/occurrences?size=500")).andExpect(status().isOk());
        verify(board).find(any(), org.mockito.ArgumentMatchers.eq(500), org.mockito.ArgumentMatchers.eq(0L));
    }

    @Test
    void passesEveryFilterAndTodayInHoChiMinhCityToTheRepository() throws Exception {
        when(board.find(any(), anyInt(), anyLong())).thenReturn(List.of());
        when(board.count(any())).thenReturn(120L);

        mvc.perform(get("/api/occurrences?organisationId=so-bt&year=2024&objectiveId=obj-1&unit={unit}&status=OVERDUE"
                        + "&dueFrom=2024-01-01&dueTo=2024-06-30&page=2&size=50", "Văn phòng Sở"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content").isEmpty())
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.totalElements").value(120))
                .andExpect(jsonPath("$.totalPages").value(3));

        ArgumentCaptor<BoardFilter> filter = ArgumentCaptor.forClass(BoardFilter.class);
        verify(board).find(filter.capture(), org.mockito.ArgumentMatchers.eq(50), org.mockito.ArgumentMatchers.eq(100L));
        assertThat(filter.getValue()).isEqualTo(new BoardFilter("so-bt", 2024, "obj-1", "Văn phòng Sở", OccurrenceStatus.OVERDUE,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), LocalDate.of(2025, 1, 1)));
    }

    private static ResultActions expectBadParameter(ResultActions result, String parameter) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString(parameter)))
                .andExpect(jsonPath("$['invalid-params'][0].name").value(parameter))
                .andExpect(jsonPath("$.errors[0].field").value(parameter))
                .andExpect(jsonPath("$.errors[0].rule").isNotEmpty())
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    /** The same errors member as command-service's: field, the rule broken, and a message. */
    @Test
    void namesTheRuleOfEachBadParameterAsCommandServiceDoes() throws Exception {
        mvc.perform(get("/api/occurrences?size=501")).andExpect(jsonPath("$.errors[0].rule").value("Max"));
        mvc.perform(get("/api/occurrences?page=-1")).andExpect(jsonPath("$.errors[0].rule").value("Min"));
        mvc.perform(get("/api/occurrences?asOf=today")).andExpect(jsonPath("$.errors[0].rule").value("Type"));
        mvc.perform(get("/api/occurrences?asOf=1800-01-01")).andExpect(jsonPath("$.errors[0].rule").value("Range"));
        mvc.perform(get("/api/occurrences?knownAt=2023-07-01T00:00:00Z")).andExpect(jsonPath("$.errors[0].rule").value("Invalid"));
        verifyNoInteractions(board);
    }

    @Test
    void refusesKnownAtWithoutSayingWhichObjectives() throws Exception {
        mvc.perform(get("/api/occurrences?knownAt=2023-07-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$['invalid-params'][0].name").value("knownAt"));
    }
}
