package vn.qualityledger.command.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.qualityledger.command.reads.ReadLocations;
import vn.qualityledger.command.files.StoredFiles;
import vn.qualityledger.support.security.CurrentActor;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.CommandErrorDetails.Kind;
import vn.qualityledger.api.objective.AcceptEvidenceCommand;
import vn.qualityledger.api.objective.EvidenceId;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.command.reads.ReadLocationsTest;

/** How commands are mapped from HTTP, and refusals back to RFC 9457 problems. */
@WebMvcTest(controllers = ObjectiveController.class, properties = "quality-ledger.query-service.public-url=" + ReadLocationsTest.READS)
@AutoConfigureMockMvc(addFilters = false) // security is tested end to end in CommandServiceIntegrationTest
@Import({ObjectiveControllerTest.FixedClock.class, AppliedDates.class, ReadLocations.class})
class ObjectiveControllerTest {

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2023-05-16T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }

    private static final String ACCEPTANCE = "/api/objectives/SLDTBXH-HD.MTCL-2023-01/evidence/ev-1/acceptance";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    StoredFiles storedFiles;

    @MockitoBean
    CurrentActor currentActor;

    @MockitoBean
    CommandGateway commands;

    @Test
    void acceptsEvidenceEffectiveTodayInHoChiMinhCityWhenNoDateIsGiven() throws Exception {
        mvc.perform(post(ACCEPTANCE).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value("ev-1"));
        LocalDate today = LocalDate.of(2023, 5, 16);
        verify(commands).sendAndWait(new AcceptEvidenceCommand(new ObjectiveId("SLDTBXH-HD.MTCL-2023-01"), new EvidenceId("ev-1"), today, today));
    }

    @Test
    void answersAConcurrentChangeWith409() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new ConcurrencyException("sequence 7 taken"));
        mvc.perform(post(ACCEPTANCE).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("CONCURRENT_MODIFICATION"));
    }

    @Test
    void answersARefusalCarriedInDetailsWithItsStatusCodeAndField() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException("already accepted", null,
                new CommandErrorDetails(Kind.RULE_BROKEN, "EVIDENCE_ALREADY_DECIDED", "evidenceId")));
        mvc.perform(post(ACCEPTANCE).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("EVIDENCE_ALREADY_DECIDED"))
                .andExpect(jsonPath("$.field").value("evidenceId"))
                .andExpect(jsonPath("$.detail").value("already accepted"));
    }

    @Test
    void answersAMissingObjectiveReportedThroughTheBusWith404() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException("not found",
                new AggregateNotFoundException("SLDTBXH-HD.MTCL-2023-01", "no stream")));
        mvc.perform(post(ACCEPTANCE).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("OBJECTIVE_NOT_FOUND"));
    }

    @Test
    void refusesAnIdThatIsNotUrlSafeBeforeSendingAnything() throws Exception {
        mvc.perform(post("/api/objectives").contentType(MediaType.APPLICATION_JSON).content("""
                        {"objectiveId": "mục tiêu/1", "organisationId": "SLDTBXH-HD", "year": 2023, "code": "X", "statement": "s"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("objectiveId"))
                .andExpect(jsonPath("$.errors[0].rule").value("Pattern"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesMalformedJsonNamingTheField() throws Exception {
        mvc.perform(post("/api/objectives/SLDTBXH-HD.MTCL-2023-01/measurements").contentType(MediaType.APPLICATION_JSON).content("""
                        {"period": {"from": "31/03/2023", "to": "2023-06-30"}, "value": 1, "source": "x"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.errors[0].field").value("period.from"));
        verifyNoInteractions(commands);
    }

    @Test
    void anAcceptanceOnAStatedDayTakesEffectThatDay() throws Exception {
        mvc.perform(post(ACCEPTANCE).contentType(MediaType.APPLICATION_JSON).content("""
                        {"acceptedOn": "2023-02-09"}"""))
                .andExpect(status().isAccepted());
        verify(commands).sendAndWait(new AcceptEvidenceCommand(new ObjectiveId("SLDTBXH-HD.MTCL-2023-01"), new EvidenceId("ev-1"),
                LocalDate.of(2023, 2, 9), LocalDate.of(2023, 2, 9)));
    }

    @Test
    void refusesADecisionDatedAfterTodayWithoutSendingIt() throws Exception {
        mvc.perform(post("/api/objectives/SLDTBXH-HD.MTCL-2023-01/publication").contentType(MediaType.APPLICATION_JSON).content("""
                        {"decision": {"number": "147/QĐ-SLĐTBXH", "date": "2023-05-17"}}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("DATED_IN_THE_FUTURE"))
                .andExpect(jsonPath("$.field").value("decision.date"));
        verifyNoInteractions(commands);
    }
}
