package vn.qualityledger.query.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.web.ReadAccess;

/** The register's parameters; its rows and statuses are checked against the scripted year in QualityYearEndToEndTest. */
@WebMvcTest(EvidenceController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(EvidenceControllerTest.FixedClock.class)
class EvidenceControllerTest {

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2023-06-29T18:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh")); // 30/06 01:00 local
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean(answers = Answers.CALLS_REAL_METHODS)
    AsRecorded asRecorded;
    @MockitoBean
    ReadAccess access;
    @MockitoBean
    EvidenceRepository register;

    @Test
    void passesEveryFilterAndTodayInHoChiMinhCity() throws Exception {
        when(register.find(any(), anyInt(), anyLong())).thenReturn(List.of());
        mvc.perform(get("/api/evidence?organisationId=SLDTBXH-HD&year=2023&objectiveId=o-1&occurrenceId=I.7@2023-03-31&monitor={m}&status=SUBMITTED&page=1&size=20",
                        "TK-ISO"))
                .andExpect(status().isOk());
        ArgumentCaptor<EvidenceFilter> filter = ArgumentCaptor.forClass(EvidenceFilter.class);
        verify(register).find(filter.capture(), eq(20), eq(20L));
        assertThat(filter.getValue()).isEqualTo(new EvidenceFilter("SLDTBXH-HD", 2023, "o-1", "I.7@2023-03-31", "TK-ISO",
                EvidenceStatus.SUBMITTED, LocalDate.of(2023, 6, 30)));
    }

    @Test
    void refusesAnUnknownStatusAndAnOccurrenceWithoutItsObjective() throws Exception {
        mvc.perform(get("/api/evidence?status=PENDING")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$['invalid-params'][0].name").value("status"))
                .andExpect(jsonPath("$.detail").value(containsString("SUBMITTED")));
        mvc.perform(get("/api/evidence?occurrenceId=I.7@2023-03-31")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$['invalid-params'][0].name").value("occurrenceId"));
        verifyNoInteractions(register);
    }
}
