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
import vn.qualityledger.api.audit.AuditId;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.CommandErrorDetails.Kind;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.review.*;
import vn.qualityledger.command.reads.ReadLocationsTest;

/** How management review commands are mapped from HTTP, and refusals back to RFC 9457 problems. */
@WebMvcTest(controllers = ReviewController.class, properties = "quality-ledger.query-service.public-url=" + ReadLocationsTest.READS)
@AutoConfigureMockMvc(addFilters = false) // who may do what is the aggregate's (ManagementReviewPermissionsTest)
@Import({ReviewControllerTest.FixedClock.class, AppliedDates.class, ReadLocations.class})
class ReviewControllerTest {

    /** 21:00 UTC on 9 July is already 10 July in Hồ Chí Minh City. */
    static final Instant NOW = Instant.parse("2023-07-09T21:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }

    private static final LocalDate TODAY = LocalDate.of(2023, 7, 10);
    private static final ManagementReviewId REVIEW = new ManagementReviewId("SLDTBXH-HD.XXLD-2023-1");
    private static final String BASE = "/api/reviews/SLDTBXH-HD.XXLD-2023-1";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String HELD = """
            {"attendees": [{"name": "Nguyễn Văn An", "title": "Giám đốc Sở"}], "minutesSummary": "Xem xét MTCL 6 tháng",
             "conclusion": {"suitable": true, "adequate": true, "effective": false, "statement": "Cần cải tiến"}%s}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;

    @Test
    void plansAReviewUnderTheClientsIdOnTodayInHoChiMinhCity() throws Exception {
        mvc.perform(post("/api/reviews").contentType(MediaType.APPLICATION_JSON).content("""
                        {"reviewId": "SLDTBXH-HD.XXLD-2023-1", "organisationId": "SLDTBXH-HD", "title": "Xem xét của lãnh đạo sau ĐGNB",
                         "trigger": "AFTER_INTERNAL_AUDIT", "auditId": "SLDTBXH-HD.DGNB-2023", "periodFrom": "2023-01-01",
                         "periodTo": "2023-06-30", "scheduledOn": "2023-07-20", "chair": {"name": "Nguyễn Văn An", "title": "Giám đốc Sở"},
                         "participants": [{"name": "Trần Văn Quang"}]}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "https://reads.example" + BASE))
                .andExpect(jsonPath("$.id").value(REVIEW.value()));
        verify(commands).sendAndWait(new PlanManagementReviewCommand(REVIEW, "SLDTBXH-HD", "Xem xét của lãnh đạo sau ĐGNB",
                ReviewTrigger.AFTER_INTERNAL_AUDIT, new AuditId("SLDTBXH-HD.DGNB-2023"), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30),
                LocalDate.of(2023, 7, 20), new ReviewPerson("Nguyễn Văn An", "Giám đốc Sở"), List.of(new ReviewPerson("Trần Văn Quang", null)), TODAY));
    }

    @Test
    void refusesAPlanWithoutItsFieldsNamingEachOne() throws Exception {
        mvc.perform(post("/api/reviews").contentType(MediaType.APPLICATION_JSON).content("""
                        {"organisationId": "SLDTBXH-HD", "title": " ", "trigger": "PERIODIC", "periodFrom": "2023-01-01",
                         "scheduledOn": "2023-07-20", "chair": {"name": ""}, "participants": []}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].rule").value("NotBlank"))
                .andExpect(jsonPath("$.errors[?(@.field == 'periodTo')].rule").value("NotNull"))
                .andExpect(jsonPath("$.errors[?(@.field == 'chair.name')].rule").value("NotBlank"))
                .andExpect(jsonPath("$.errors[?(@.field == 'participants')].rule").value("NotEmpty"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesAnUnknownTriggerNamingTheField() throws Exception {
        mvc.perform(post("/api/reviews").contentType(MediaType.APPLICATION_JSON).content("""
                        {"organisationId": "SLDTBXH-HD", "title": "t", "trigger": "WEEKLY"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.errors[0].field").value("trigger"));
        verifyNoInteractions(commands);
    }

    @Test
    void recordsTheNotesAsOneSetDatedToday() throws Exception {
        mvc.perform(post(BASE + "/notes").contentType(MediaType.APPLICATION_JSON).content("""
                        {"resourceAdequacy": "Thiếu 01 công chức", "other": "Không"}"""))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value(REVIEW.value()));
        verify(commands).sendAndWait(new RecordReviewNotesCommand(REVIEW,
                new ReviewNotes(null, null, null, "Thiếu 01 công chức", null, null, "Không"), TODAY));
    }

    @Test
    void holdsTodayWithTheInputsReadNowWhenNeitherIsStated() throws Exception {
        mvc.perform(post(BASE + "/holding").contentType(MediaType.APPLICATION_JSON).content(HELD.formatted("")))
                .andExpect(status().isAccepted());
        verify(commands).sendAndWait(new HoldManagementReviewCommand(REVIEW, TODAY, NOW, List.of(new ReviewPerson("Nguyễn Văn An", "Giám đốc Sở")),
                "Xem xét MTCL 6 tháng", new QmsConclusion(true, true, false, "Cần cải tiến")));
    }

    @Test
    void aMeetingEnteredAfterTheFactHasItsInputsReadAtTheEndOfItsDay() throws Exception {
        mvc.perform(post(BASE + "/holding").contentType(MediaType.APPLICATION_JSON).content(HELD.formatted(", \"heldOn\": \"2023-07-03\"")))
                .andExpect(status().isAccepted());
        verify(commands).sendAndWait(new HoldManagementReviewCommand(REVIEW, LocalDate.of(2023, 7, 3), Instant.parse("2023-07-03T17:00:00Z"),
                List.of(new ReviewPerson("Nguyễn Văn An", "Giám đốc Sở")), "Xem xét MTCL 6 tháng", new QmsConclusion(true, true, false, "Cần cải tiến")));
    }

    @Test
    void refusesACutOffInTheFutureWithoutSendingIt() throws Exception {
        mvc.perform(post(BASE + "/holding").contentType(MediaType.APPLICATION_JSON).content(HELD.formatted(", \"cutOff\": \"2023-07-09T21:00:01Z\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CUT_OFF_IN_THE_FUTURE"))
                .andExpect(jsonPath("$.field").value("cutOff"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesAMeetingHeldAfterTodayWithoutSendingIt() throws Exception {
        mvc.perform(post(BASE + "/holding").contentType(MediaType.APPLICATION_JSON).content(HELD.formatted(", \"heldOn\": \"2023-07-11\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("HELD_IN_THE_FUTURE"))
                .andExpect(jsonPath("$.field").value("heldOn"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesAHoldingWithoutAConclusionStatementNamingTheNestedField() throws Exception {
        mvc.perform(post(BASE + "/holding").contentType(MediaType.APPLICATION_JSON).content("""
                        {"attendees": [{"name": "Nguyễn Văn An"}], "minutesSummary": "s",
                         "conclusion": {"suitable": true, "adequate": true, "effective": true}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("conclusion.statement"));
        verifyNoInteractions(commands);
    }

    @Test
    void recordsADecisionAnsweringWithItsIdAndLocation() throws Exception {
        mvc.perform(post(BASE + "/decisions").contentType(MediaType.APPLICATION_JSON).content("""
                        {"decisionId": "D1", "kind": "RESOURCE_NEED", "description": "Tuyển dụng 01 công chức", "ownerUnit": "P-TCCB",
                         "dueDate": "2023-12-31"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "https://reads.example" + BASE))
                .andExpect(jsonPath("$.id").value("D1"));
        verify(commands).sendAndWait(new RecordReviewDecisionCommand(REVIEW, new ReviewDecisionId("D1"), ReviewDecisionKind.RESOURCE_NEED,
                "Tuyển dụng 01 công chức", "P-TCCB", LocalDate.of(2023, 12, 31), TODAY));
    }

    @Test
    void refusesADecisionWithoutKindOrDueDateNamingBoth() throws Exception {
        mvc.perform(post(BASE + "/decisions").contentType(MediaType.APPLICATION_JSON).content("""
                        {"description": "Tuyển dụng", "ownerUnit": "P-TCCB"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'kind')].rule").value("NotNull"))
                .andExpect(jsonPath("$.errors[?(@.field == 'dueDate')].rule").value("NotNull"));
        verifyNoInteractions(commands);
    }

    @Test
    void completesADecisionWithItsEvidence() throws Exception {
        mvc.perform(post(BASE + "/decisions/D1/completion").contentType(MediaType.APPLICATION_JSON).content("""
                        {"evidence": {"number": "120/BC-VP", "date": "2023-07-08", "issuer": "Văn phòng Sở", "title": "Báo cáo số hóa"},
                         "completedOn": "2023-07-09"}"""))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value("D1"));
        verify(commands).sendAndWait(new CompleteReviewDecisionCommand(REVIEW, new ReviewDecisionId("D1"), LocalDate.of(2023, 7, 9),
                new DocumentReference("120/BC-VP", LocalDate.of(2023, 7, 8), "Văn phòng Sở", "Báo cáo số hóa", null, null), null));
    }

    @Test
    void refusesEvidenceWithoutItsNumberNamingTheNestedField() throws Exception {
        mvc.perform(post(BASE + "/decisions/D1/completion").contentType(MediaType.APPLICATION_JSON).content("""
                        {"evidence": {"date": "2023-07-08", "issuer": "Văn phòng Sở", "title": "Báo cáo"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("evidence.number"));
        verifyNoInteractions(commands);
    }

    @Test
    void issuesTheMinutesToday() throws Exception {
        mvc.perform(post(BASE + "/minutes").contentType(MediaType.APPLICATION_JSON).content("""
                        {"number": "05/BB-SLĐTBXH", "organisationName": "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "parentName": "UBND TỈNH HẢI DƯƠNG",
                         "place": "Hải Dương", "signerAuthority": "", "signerTitle": "GIÁM ĐỐC", "signerName": "Nguyễn Văn An",
                         "recipients": ["- Lưu: VT."], "docxSha256": "%s", "generator": "quality-ledger-minutes 1",
                         "checkpointTreeSize": 42}""".formatted(SHA)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "https://reads.example" + BASE + "/minutes/issued.docx"))
                .andExpect(jsonPath("$.id").value(REVIEW.value()));
        verify(commands).sendAndWait(new IssueReviewMinutesCommand(REVIEW, "05/BB-SLĐTBXH", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
                "UBND TỈNH HẢI DƯƠNG", "Hải Dương", "", "GIÁM ĐỐC", "Nguyễn Văn An", List.of("- Lưu: VT."), SHA, "quality-ledger-minutes 1", 42L, TODAY));
    }

    @Test
    void refusesMinutesWithANegativeCheckpointSizeNamingTheField() throws Exception {
        mvc.perform(post(BASE + "/minutes").contentType(MediaType.APPLICATION_JSON).content("""
                        {"number": "05/BB", "organisationName": "Sở", "parentName": "", "place": "Hải Dương", "signerAuthority": "",
                         "signerTitle": "GIÁM ĐỐC", "signerName": "", "recipients": [], "docxSha256": "%s", "generator": "g",
                         "checkpointTreeSize": -1}""".formatted(SHA)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("checkpointTreeSize"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesMinutesWithAnUpperCaseHashNamingTheField() throws Exception {
        mvc.perform(post(BASE + "/minutes").contentType(MediaType.APPLICATION_JSON).content("""
                        {"number": "05/BB", "organisationName": "Sở", "parentName": "", "place": "Hải Dương", "signerAuthority": "",
                         "signerTitle": "GIÁM ĐỐC", "signerName": "", "recipients": [], "docxSha256": "%s", "generator": "g"}""".formatted(SHA.toUpperCase())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("docxSha256"))
                .andExpect(jsonPath("$.errors[0].rule").value("Pattern"));
        verifyNoInteractions(commands);
    }

    @Test
    void cancelsTodayUnlessStated() throws Exception {
        mvc.perform(post(BASE + "/cancellation").contentType(MediaType.APPLICATION_JSON).content("""
                        {"reason": "Lùi lịch"}"""))
                .andExpect(status().isAccepted());
        verify(commands).sendAndWait(new CancelManagementReviewCommand(REVIEW, "Lùi lịch", TODAY));
    }

    @Test
    void refusesACancellationWithoutAReason() throws Exception {
        mvc.perform(post(BASE + "/cancellation").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesAReviewIdOutsideTheIdPattern() throws Exception {
        mvc.perform(post("/api/reviews/has space/cancellation").contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersABrokenRuleWith422NamingTheField() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException("due before the meeting", null,
                new CommandErrorDetails(Kind.RULE_BROKEN, "DUE_BEFORE_MEETING", "dueDate")));
        mvc.perform(post(BASE + "/decisions").contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "IMPROVEMENT", "description": "d", "ownerUnit": "VP", "dueDate": "2023-07-01"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("DUE_BEFORE_MEETING"))
                .andExpect(jsonPath("$.field").value("dueDate"));
    }

    @Test
    void answersAForbiddenCommandWith403() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException("not your unit", null,
                new CommandErrorDetails(Kind.FORBIDDEN, "NOT_YOUR_UNITS_DECISION", null)));
        mvc.perform(post(BASE + "/decisions/D1/completion").contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"Đã làm\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NOT_YOUR_UNITS_DECISION"));
    }

    @Test
    void answersOtherMinutesWith409() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException("other minutes", null,
                new CommandErrorDetails(Kind.CONFLICT, "MINUTES_EXIST", "reviewId")));
        mvc.perform(post(BASE + "/minutes").contentType(MediaType.APPLICATION_JSON).content("""
                        {"number": "05/BB", "organisationName": "Sở", "parentName": "", "place": "Hải Dương", "signerAuthority": "",
                         "signerTitle": "GIÁM ĐỐC", "signerName": "", "recipients": [], "docxSha256": "%s", "generator": "g"}""".formatted(SHA)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("MINUTES_EXIST"));
    }

    @Test
    void answersAMissingReviewWith404NamingTheReview() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new AggregateNotFoundException(REVIEW.value(), "no stream"));
        mvc.perform(post(BASE + "/cancellation").contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"x\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("REVIEW_NOT_FOUND"))
                .andExpect(jsonPath("$.field").value("reviewId"));
    }
}
