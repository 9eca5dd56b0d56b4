package vn.qualityledger.query.review;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.server.ResponseStatusException;
import vn.qualityledger.query.web.ReadAccess;

/** Organisation scoping of the review reads: a reader of another organisation sees nothing (the repository is never asked). */
@WebMvcTest(ManagementReviewController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(ManagementReviewControllerTest.FixedClock.class)
class ManagementReviewControllerTest {

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
    @MockitoBean
    ReadAccess access;
    @MockitoBean
    ManagementReviewRepository reviews;

    @Test
    void aReaderOfAnotherOrganisationSeesNothing() throws Exception {
        ResponseStatusException forbidden = new ResponseStatusException(HttpStatus.FORBIDDEN, "You read only your own organisation's data");
        doThrow(forbidden).when(access).requireOrganisation("so-khac");
        doThrow(forbidden).when(access).requireStream("xem-xet-cua-so-khac");

        mvc.perform(get("/api/organisations/so-khac/reviews?year=2024")).andExpect(status().isForbidden());
        mvc.perform(get("/api/organisations/so-khac/review-decisions")).andExpect(status().isForbidden());
        mvc.perform(get("/api/reviews/xem-xet-cua-so-khac")).andExpect(status().isForbidden());
        verifyNoInteractions(reviews);
    }

    @Test
    void answersTheYearsReviewsWithTheDueRuleOnTodayThere() throws Exception {
        LocalDate today = LocalDate.of(2025, 1, 1);
        when(reviews.due("so", today)).thenReturn(ReviewDue.of(today, LocalDate.of(2024, 6, 30), null, null));
        when(reviews.reviews("so", 2024, today)).thenReturn(List.of());
        mvc.perform(get("/api/organisations/so/reviews?year=2024")).andExpect(status().isOk())
                .andExpect(jsonPath("$.due.status").value("OVERDUE"))
                .andExpect(jsonPath("$.due.nextDueOn").value("2024-12-30"));
    }

    @Test
    void anUnknownReviewIsNotFoundAndAStatusOutsideTheThreeIsRefused() throws Exception {
        when(reviews.review(anyString(), org.mockito.ArgumentMatchers.any())).thenReturn(Optional.empty());
        mvc.perform(get("/api/reviews/khong-co")).andExpect(status().isNotFound());
        mvc.perform(get("/api/organisations/so/review-decisions?status=LATE")).andExpect(status().isBadRequest());
    }
}
