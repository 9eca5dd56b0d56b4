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
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.CommandErrorDetails.Kind;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.nonconformity.*;
import vn.qualityledger.command.reads.ReadLocationsTest;

/** How nonconformity commands are mapped from HTTP, and refusals back to RFC 9457 problems. */
@WebMvcTest(controllers = NonconformityController.class, properties = "quality-ledger.query-service.public-url=" + ReadLocationsTest.READS)
@AutoConfigureMockMvc(addFilters = false) // security is tested end to end
@Import({NonconformityControllerTest.FixedClock.class, AppliedDates.class, ReadLocations.class})
class NonconformityControllerTest {

    /** 2023-06-09T20:00Z is already 10 June in Hà Nội. */
    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2023-06-09T20:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }

    private static final NonconformityId NC = new NonconformityId("NC-2023-017");
    private static final LocalDate TODAY = LocalDate.of(2023, 6, 10);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;

    @Test
    void raisesAComplaintTodayInHoChiMinhCity() throws Exception {
        mvc.perform(post("/api/nonconformities").contentType(MediaType.APPLICATION_JSON).content("""
                        {"nonconformityId": "NC-2023-017", "organisationId": "SLDTBXH-HD", "source": "COMPLAINT",
                         "complaintReference": "PA-017", "severity": "MAJOR", "unit": "VP", "clause": "8.2.1",
                         "description": "Trả kết quả trễ hẹn cho công dân"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "https://reads.example/api/nonconformities/NC-2023-017"))
                .andExpect(jsonPath("$.id").value("NC-2023-017"));
        verify(commands).sendAndWait(new RaiseNonconformityCommand(NC, "SLDTBXH-HD",
                new NonconformityOrigin(NonconformitySource.COMPLAINT, null, null, null, null, "PA-017"), Severity.MAJOR, "VP", "8.2.1",
                "Trả kết quả trễ hẹn cho công dân", TODAY));
    }

    @Test
    void cannotRaiseAnAuditFindingsNonconformityByHand() throws Exception {
        mvc.perform(post("/api/nonconformities").contentType(MediaType.APPLICATION_JSON).content("""
                        {"organisationId": "SLDTBXH-HD", "source": "AUDIT_FINDING", "severity": "MAJOR", "description": "x"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.errors[0].field").value("source"));
        verifyNoInteractions(commands);
    }

    @Test
    void namesEveryMissingField() throws Exception {
        mvc.perform(post("/api/nonconformities").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.errors.length()").value(4));
        verifyNoInteractions(commands);
    }

    @Test
    void plansAnActionAndAnswersWithItsId() throws Exception {
        mvc.perform(post("/api/nonconformities/NC-2023-017/actions").contentType(MediaType.APPLICATION_JSON).content("""
                        {"actionId": "A1", "ownerUnit": "VP", "description": "Phân công lưu trữ", "dueDate": "2023-07-31"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "https://reads.example/api/nonconformities/NC-2023-017"))
                .andExpect(jsonPath("$.id").value("A1"));
        verify(commands).sendAndWait(new PlanCorrectiveActionCommand(NC, new CorrectiveActionId("A1"), "VP", "Phân công lưu trữ",
                LocalDate.of(2023, 7, 31), TODAY));
    }

    @Test
    void implementsAnActionWithItsEvidence() throws Exception {
        mvc.perform(post("/api/nonconformities/NC-2023-017/actions/A1/implementation").contentType(MediaType.APPLICATION_JSON).content("""
                        {"evidence": {"number": "45/BC-VP", "date": "2023-06-09", "issuer": "Văn phòng Sở", "title": "Báo cáo khắc phục"}}"""))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value("A1"));
        verify(commands).sendAndWait(new ImplementCorrectiveActionCommand(NC, new CorrectiveActionId("A1"),
                new DocumentReference("45/BC-VP", LocalDate.of(2023, 6, 9), "Văn phòng Sở", "Báo cáo khắc phục", null, null), null, TODAY));
    }

    @Test
    void verifiesAnActionNotEffective() throws Exception {
        mvc.perform(post("/api/nonconformities/NC-2023-017/actions/A1/verification").contentType(MediaType.APPLICATION_JSON).content("""
                        {"effective": false, "reason": "Vẫn còn hồ sơ lưu sai"}"""))
                .andExpect(status().isAccepted());
        verify(commands).sendAndWait(new VerifyActionEffectivenessCommand(NC, new CorrectiveActionId("A1"), false, "Vẫn còn hồ sơ lưu sai", TODAY));
    }

    @Test
    void closesWithoutABody() throws Exception {
        mvc.perform(post("/api/nonconformities/NC-2023-017/close")).andExpect(status().isAccepted());
        verify(commands).sendAndWait(new CloseNonconformityCommand(NC, null, TODAY));
    }

    @Test
    void mapsTheOtherCommands() throws Exception {
        mvc.perform(post("/api/nonconformities/NC-2023-017/correction").contentType(MediaType.APPLICATION_JSON).content("""
                {"correction": "Sắp xếp lại hồ sơ"}""")).andExpect(status().isAccepted());
        mvc.perform(post("/api/nonconformities/NC-2023-017/root-cause").contentType(MediaType.APPLICATION_JSON).content("""
                {"rootCause": "Chưa phân công", "method": "5 Whys"}""")).andExpect(status().isAccepted());
        mvc.perform(post("/api/nonconformities/NC-2023-017/reopen").contentType(MediaType.APPLICATION_JSON).content("""
                {"reason": "Lặp lại"}""")).andExpect(status().isAccepted());
        verify(commands).sendAndWait(new RecordCorrectionCommand(NC, "Sắp xếp lại hồ sơ", TODAY));
        verify(commands).sendAndWait(new AnalyseRootCauseCommand(NC, "Chưa phân công", "5 Whys", TODAY));
        verify(commands).sendAndWait(new ReopenNonconformityCommand(NC, "Lặp lại", TODAY));
    }

    @Test
    void aBrokenRuleIsA422NamingTheRuleAndField() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException("Say why", null,
                new CommandErrorDetails(Kind.RULE_BROKEN, "VERIFICATION_REASON_REQUIRED", "reason")));
        mvc.perform(post("/api/nonconformities/NC-2023-017/actions/A1/verification").contentType(MediaType.APPLICATION_JSON).content("""
                        {"effective": false}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("VERIFICATION_REASON_REQUIRED"))
                .andExpect(jsonPath("$.field").value("reason"));
    }

    @Test
    void verifyingOnesOwnActionIsA403() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException("Own", null,
                new CommandErrorDetails(Kind.FORBIDDEN, "OWN_ACTION", null)));
        mvc.perform(post("/api/nonconformities/NC-2023-017/actions/A1/verification").contentType(MediaType.APPLICATION_JSON).content("""
                        {"effective": true}"""))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("OWN_ACTION"));
    }

    @Test
    void raisesANonconformityOnTheDayTheRequestStates() throws Exception {
        mvc.perform(post("/api/nonconformities").contentType(MediaType.APPLICATION_JSON).content("""
                        {"nonconformityId": "NC-2023-009", "organisationId": "SLDTBXH-HD", "source": "MANUAL", "severity": "MINOR",
                         "unit": "VP", "description": "Sổ theo dõi văn bản đến ghi thiếu", "raisedOn": "2023-03-14"}"""))
                .andExpect(status().isCreated());
        verify(commands).sendAndWait(new RaiseNonconformityCommand(NonconformityId.of("NC-2023-009"), "SLDTBXH-HD",
                new NonconformityOrigin(NonconformitySource.MANUAL, null, null, null, null, null), Severity.MINOR, "VP", null,
                "Sổ theo dõi văn bản đến ghi thiếu", LocalDate.of(2023, 3, 14)));
    }

    @Test
    void refusesAStepDatedAfterTodayWithoutSendingIt() throws Exception {
        mvc.perform(post("/api/nonconformities/NC-2023-009/actions/A1/implementation").contentType(MediaType.APPLICATION_JSON).content("""
                        {"evidence": {"number": "45/BC-VP", "date": "2023-06-09", "issuer": "Văn phòng Sở", "title": "Báo cáo khắc phục"},
                         "implementedOn": "2023-06-11"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("DATED_IN_THE_FUTURE"))
                .andExpect(jsonPath("$.field").value("implementedOn"));
        verifyNoInteractions(commands);
    }
}
