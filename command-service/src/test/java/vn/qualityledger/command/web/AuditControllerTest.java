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
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.qualityledger.command.reads.ReadLocations;
import vn.qualityledger.api.audit.*;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.CommandErrorDetails.Kind;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.command.reads.ReadLocationsTest;

/** How audit commands are mapped from HTTP, and refusals back to RFC 9457 problems. */
@WebMvcTest(controllers = AuditController.class, properties = "quality-ledger.query-service.public-url=" + ReadLocationsTest.READS)
@AutoConfigureMockMvc(addFilters = false) // security is tested end to end in AuditIntegrationTest
@Import({AuditControllerTest.FixedClock.class, AppliedDates.class, ReadLocations.class})
class AuditControllerTest {

    /** 21:00 UTC on 2 October is already 3 October in Hồ Chí Minh City. */
    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2023-10-02T21:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }

    private static final LocalDate TODAY = LocalDate.of(2023, 10, 3);
    private static final AuditId AUDIT = new AuditId("SLDTBXH-HD.DGNB-2023");
    private static final String BASE = "/api/audits/SLDTBXH-HD.DGNB-2023";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;

    @Test
    void plansAnAuditUnderTheClientsIdOnTodayInHoChiMinhCity() throws Exception {
        mvc.perform(post("/api/audits").contentType(MediaType.APPLICATION_JSON).content("""
                        {"auditId": "SLDTBXH-HD.DGNB-2023", "organisationId": "SLDTBXH-HD", "year": 2023,
                         "title": "Đánh giá nội bộ năm 2023", "scopeUnits": ["VP", "P-KHTC"], "criteria": "TCVN ISO 9001:2015",
                         "clauses": ["7.5.3", "9.2"], "plannedFrom": "2023-10-02", "plannedTo": "2023-10-13"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "https://reads.example/api/audits/SLDTBXH-HD.DGNB-2023"))
                .andExpect(jsonPath("$.id").value("SLDTBXH-HD.DGNB-2023"));
        verify(commands).sendAndWait(new PlanInternalAuditCommand(AUDIT, "SLDTBXH-HD", 2023, "Đánh giá nội bộ năm 2023",
                List.of("VP", "P-KHTC"), "TCVN ISO 9001:2015", List.of("7.5.3", "9.2"), LocalDate.of(2023, 10, 2),
                LocalDate.of(2023, 10, 13), TODAY));
    }

    @Test
    void appointsATeamWithoutOtherMembersAsAnEmptyList() throws Exception {
        mvc.perform(post(BASE + "/team").contentType(MediaType.APPLICATION_JSON).content("""
                        {"leadAuditor": {"userId": "danhgia", "name": "Đỗ Thị Đào", "unit": "TO-ISO"},
                         "decision": {"number": "215/QĐ-SLĐTBXH", "date": "2023-09-20"}}"""))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value("SLDTBXH-HD.DGNB-2023"));
        verify(commands).sendAndWait(new AppointAuditTeamCommand(AUDIT, new TeamMember("danhgia", "Đỗ Thị Đào", "TO-ISO"), List.of(),
                new vn.qualityledger.api.common.Decision("215/QĐ-SLĐTBXH", LocalDate.of(2023, 9, 20)), TODAY));
    }

    @Test
    void recordsAUnitAuditHeldTodayWhenNoDayIsGiven() throws Exception {
        mvc.perform(post(BASE + "/unit-audits/held").contentType(MediaType.APPLICATION_JSON).content("""
                        {"unit": "VP", "notes": [{"clause": "7.5.3", "question": "Sổ công văn?", "observed": "Thiếu 12 văn bản", "conformity": "NONCONFORMING"}]}"""))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value("VP"));
        verify(commands).sendAndWait(new RecordUnitAuditCommand(AUDIT, "VP", TODAY,
                List.of(new ChecklistNote("7.5.3", "Sổ công văn?", "Thiếu 12 văn bản", Conformity.NONCONFORMING))));
    }

    @Test
    void refusesAUnitAuditHeldAfterTodayWithoutSendingIt() throws Exception {
        mvc.perform(post(BASE + "/unit-audits/held").contentType(MediaType.APPLICATION_JSON).content("""
                        {"unit": "VP", "heldOn": "2023-10-04",
                         "notes": [{"clause": "7.5.3", "question": "q", "observed": "o", "conformity": "CONFORMING"}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("HELD_IN_THE_FUTURE"))
                .andExpect(jsonPath("$.field").value("heldOn"));
        verifyNoInteractions(commands);
    }

    @Test
    void recordsAFindingAnsweringWithItsId() throws Exception {
        mvc.perform(post(BASE + "/findings").contentType(MediaType.APPLICATION_JSON).content("""
                        {"findingId": "F-VP-01", "unit": "VP", "clause": "7.5.3", "kind": "MINOR_NONCONFORMITY",
                         "description": "Văn bản đến không được vào sổ đầy đủ", "evidenceSeen": "Sổ công văn đến tháng 8",
                         "relatedObjectiveId": "SLDTBXH-HD.MTCL-2023-01", "relatedMeasureId": "I.6"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "https://reads.example" + BASE))
                .andExpect(jsonPath("$.id").value("F-VP-01"));
        verify(commands).sendAndWait(new RecordAuditFindingCommand(AUDIT, new FindingId("F-VP-01"), "VP", "7.5.3",
                FindingKind.MINOR_NONCONFORMITY, "Văn bản đến không được vào sổ đầy đủ", "Sổ công văn đến tháng 8",
                new ObjectiveId("SLDTBXH-HD.MTCL-2023-01"), new MeasureId("I.6"), TODAY));
    }

    @Test
    void closesOnTodayWithoutABody() throws Exception {
        mvc.perform(post(BASE + "/close"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value("SLDTBXH-HD.DGNB-2023"));
        verify(commands).sendAndWait(new CloseInternalAuditCommand(AUDIT, TODAY));
    }

    @Test
    void refusesAPlanWithoutScopeNamingEachFailingField() throws Exception {
        mvc.perform(post("/api/audits").contentType(MediaType.APPLICATION_JSON).content("""
                        {"organisationId": "SLDTBXH-HD", "year": 2023, "title": "t", "scopeUnits": [], "criteria": "c",
                         "clauses": ["9.2", " "], "plannedFrom": "2023-10-02", "plannedTo": "2023-10-13"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.errors[?(@.field == 'scopeUnits')].rule").value("NotEmpty"))
                .andExpect(jsonPath("$.errors[?(@.field == 'clauses[1]')].rule").value("NotBlank"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesATeamMemberWithoutAUserIdNamingTheNestedField() throws Exception {
        mvc.perform(post(BASE + "/team").contentType(MediaType.APPLICATION_JSON).content("""
                        {"leadAuditor": {"name": "Đỗ Thị Đào"}, "decision": {"number": "215/QĐ", "date": "2023-09-20"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("leadAuditor.userId"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesAnUnknownKindOfFindingNamingTheField() throws Exception {
        mvc.perform(post(BASE + "/findings").contentType(MediaType.APPLICATION_JSON).content("""
                        {"unit": "VP", "clause": "7.5.3", "kind": "CRITICAL", "description": "d", "evidenceSeen": "e"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersABrokenRuleWith422NamingTheField() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException("not a clause", null,
                new CommandErrorDetails(Kind.RULE_BROKEN, "CLAUSE_UNKNOWN", "clause")));
        mvc.perform(post(BASE + "/findings").contentType(MediaType.APPLICATION_JSON).content("""
                        {"unit": "VP", "clause": "11", "kind": "OBSERVATION", "description": "d", "evidenceSeen": "e"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CLAUSE_UNKNOWN"))
                .andExpect(jsonPath("$.field").value("clause"));
    }

    @Test
    void answersARefusalOfTheTeamRuleWith403() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException("not on the team", null,
                new CommandErrorDetails(Kind.FORBIDDEN, "TEAM_ONLY", null)));
        mvc.perform(post(BASE + "/findings").contentType(MediaType.APPLICATION_JSON).content("""
                        {"unit": "VP", "clause": "7.5.3", "kind": "OBSERVATION", "description": "d", "evidenceSeen": "e"}"""))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("TEAM_ONLY"));
    }

    @Test
    void answersAMissingAuditWith404NamingTheAudit() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new AggregateNotFoundException("SLDTBXH-HD.DGNB-2023", "no stream"));
        mvc.perform(post(BASE + "/close"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("AUDIT_NOT_FOUND"))
                .andExpect(jsonPath("$.field").value("auditId"));
    }

    @Test
    void answersAMissingAuditReportedThroughTheBusWith404() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException("not found",
                new AggregateNotFoundException("SLDTBXH-HD.DGNB-2023", "no stream")));
        mvc.perform(post(BASE + "/close"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("AUDIT_NOT_FOUND"));
    }

    @Test
    void answersAConcurrentChangeOfTheAuditWith409() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new ConcurrencyException("sequence 7 taken"));
        mvc.perform(post(BASE + "/close"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONCURRENT_MODIFICATION"))
                .andExpect(jsonPath("$.detail").value("The audit changed while this command was handled; read it again and retry"));
    }
}
