package vn.qualityledger.query.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.server.ResponseStatusException;
import vn.qualityledger.api.review.ManagementReviewId;
import vn.qualityledger.api.review.ReviewMinutesIssuedEvent;
import vn.qualityledger.query.directory.DirectoryNames;
import vn.qualityledger.query.document.DocumentHeader;
import vn.qualityledger.query.document.LedgerCheckpoints;
import vn.qualityledger.query.document.Letterhead;
import vn.qualityledger.query.document.LetterheadProperties;
import vn.qualityledger.query.document.PrintedCheckpoint;
import vn.qualityledger.query.document.Sha256;
import vn.qualityledger.query.web.NotFoundException;
import vn.qualityledger.query.web.ReadAccess;

/** The minutes' endpoints: access first, the results report's defaults, the issued copy and its verification. */
@WebMvcTest(ReviewMinutesController.class)
@AutoConfigureMockMvc(addFilters = false) // who may read what with the real security: ReviewMinutesEndToEndTest
@Import({ReviewMinutesControllerTest.Letterheads.class, vn.qualityledger.query.document.Letterheads.class})
class ReviewMinutesControllerTest {

    private static final byte[] DOCUMENT = {1, 2, 3};

    @TestConfiguration
    static class Letterheads {
        @Bean
        LetterheadProperties letterheadProperties() {
            return new LetterheadProperties(Map.of("SLDTBXH-HD", new Letterhead("Sở Lao động - Thương binh và Xã hội",
                    "UBND tỉnh Hải Dương", "Hải Dương", "SLĐTBXH", List.of("Lưu: VT, VP."))));
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ReviewMinutes minutes;
    @MockitoBean
    ReadAccess access;
    @MockitoBean
    DirectoryNames names;
    @MockitoBean(answers = Answers.CALLS_REAL_METHODS)
    LedgerCheckpoints checkpoints;

    private static final PrintedCheckpoint CHECKPOINT = new PrintedCheckpoint(77, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            "0123456789abcdef", "2023-07-09T17:00:00Z");

    @Test
    void theIssueBodyNamesTheNewestCheckpointTheDraftPrints() throws Exception {
        when(checkpoints.newestSize()).thenReturn(Optional.of(77L));
        when(checkpoints.firstOfSize(77L)).thenReturn(Optional.of(CHECKPOINT));
        when(minutes.review("R2")).thenReturn(review);
        when(minutes.docx(eq(review), any(), eq(CHECKPOINT))).thenReturn(DOCUMENT);
        mvc.perform(get("/api/reviews/R2/minutes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checkpointTreeSize").value(77))
                .andExpect(jsonPath("$.docxSha256").value(Sha256.hex(DOCUMENT)));
        mvc.perform(get("/api/reviews/R2/minutes.docx?checkpointTreeSize=77")).andExpect(content().bytes(DOCUMENT));
        mvc.perform(get("/api/reviews/R2/minutes?checkpointTreeSize=78"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$['invalid-params'][0].name").value("checkpointTreeSize"));
    }

    @Test
    void theIssuedCopyPrintsTheCheckpointItsIssueRecorded() throws Exception {
        when(checkpoints.newestSize()).thenReturn(Optional.of(99L)); // signed since: not the one issued at
        when(checkpoints.firstOfSize(77L)).thenReturn(Optional.of(CHECKPOINT));
        when(minutes.review("R2")).thenReturn(review);
        ReviewMinutesIssuedEvent issued = issued(Sha256.hex(DOCUMENT));
        when(minutes.issued("R2")).thenReturn(new ReviewMinutesIssuedEvent(issued.reviewId(), issued.number(), issued.organisationName(),
                issued.parentName(), issued.place(), issued.signerAuthority(), issued.signerTitle(), issued.signerName(),
                issued.recipients(), issued.docxSha256(), issued.generator(), 77L, issued.issuedOn()));
        when(minutes.docx(eq(review), any(), eq(CHECKPOINT))).thenReturn(DOCUMENT);
        mvc.perform(get("/api/reviews/R2/minutes/issued.docx")).andExpect(status().isOk()).andExpect(content().bytes(DOCUMENT));
    }

    private final ReviewInputsReader.Review review = new ReviewInputsReader.Review(
            ReviewMinutesDocxTest.review(LocalDate.of(2023, 7, 10), ReviewMinutesDocxTest.CUT_OFF), ReviewMinutesDocxTest.inputs());

    @Test
    void aReaderOfAnotherOrganisationIsRefusedBeforeAnythingIsRead() throws Exception {
        doThrow(new ResponseStatusException(HttpStatus.FORBIDDEN, "You read only your own organisation's data"))
                .when(access).requireStream("cua-so-khac");
        for (String path : List.of("/inputs", "/minutes", "/minutes.docx", "/minutes/issued.docx")) {
            mvc.perform(get("/api/reviews/cua-so-khac" + path)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/reviews/cua-so-khac/minutes/verification").contentType(MediaType.APPLICATION_OCTET_STREAM).content(DOCUMENT))
                .andExpect(status().isForbidden());
        verifyNoInteractions(minutes);
    }

    @Test
    void anUnknownReviewIsNotFound() throws Exception {
        when(minutes.review("khong-co")).thenThrow(new NotFoundException("No management review khong-co"));
        mvc.perform(get("/api/reviews/khong-co/inputs")).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void issuingTakesTheResultsReportsDefaultsWithTheMinutesSymbol() throws Exception {
        when(minutes.review("R2")).thenReturn(review);
        when(minutes.docx(eq(review), any(), any())).thenReturn(DOCUMENT);
        mvc.perform(get("/api/reviews/R2/minutes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value("/BB-SLĐTBXH"))
                .andExpect(jsonPath("$.organisationName").value("Sở Lao động - Thương binh và Xã hội"))
                .andExpect(jsonPath("$.parentName").value("UBND tỉnh Hải Dương"))
                .andExpect(jsonPath("$.place").value("Hải Dương"))
                .andExpect(jsonPath("$.signerAuthority").value(""))
                .andExpect(jsonPath("$.signerTitle").value("GIÁM ĐỐC"))
                .andExpect(jsonPath("$.signerName").value(""))
                .andExpect(jsonPath("$.recipients[0]").value("Lưu: VT, VP."))
                .andExpect(jsonPath("$.docxSha256").value(Sha256.hex(DOCUMENT)))
                .andExpect(jsonPath("$.generator").value(ReviewMinutes.GENERATOR))
                .andExpect(jsonPath("$.reviewId").doesNotExist()); // exactly the command's body, which refuses unknown members
        verify(access).requireStream("R2");
    }

    @Test
    void theDraftIsTheDocumentWithItsHashAndCutOff() throws Exception {
        when(minutes.review("R2")).thenReturn(review);
        when(minutes.docx(eq(review), any(), any())).thenReturn(DOCUMENT);
        mvc.perform(get("/api/reviews/R2/minutes.docx?number=05/BB-SLĐTBXH&signerAuthority=KT. GIÁM ĐỐC&signerTitle=PHÓ GIÁM ĐỐC"))
                .andExpect(status().isOk())
                .andExpect(content().bytes(DOCUMENT))
                .andExpect(header().string("Report-SHA-256", Sha256.hex(DOCUMENT)))
                .andExpect(header().string("Report-Cut-Off", ReviewMinutesDocxTest.CUT_OFF.toString()))
                .andExpect(header().string("Content-Disposition", containsString("bien-ban-xem-xet-cua-lanh-dao-R2.docx")));
        ArgumentCaptor<DocumentHeader> header = ArgumentCaptor.forClass(DocumentHeader.class);
        verify(minutes).docx(eq(review), header.capture(), eq(null));
        assertThat(header.getValue()).isEqualTo(new DocumentHeader("05/BB-SLĐTBXH", "Sở Lao động - Thương binh và Xã hội",
                "UBND tỉnh Hải Dương", "Hải Dương", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", List.of("Lưu: VT, VP.")));
    }

    @Test
    void badParametersAreProblemsNamingThem() throws Exception {
        mvc.perform(get("/api/reviews/R2/minutes?number=" + "1".repeat(101)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(jsonPath("$['invalid-params'][0].name").value("number"));
        verifyNoInteractions(minutes);
    }

    @Test
    void theIssuedCopyIsServedOnlyWhenItRegeneratesAsHashed() throws Exception {
        when(minutes.review("R2")).thenReturn(review);
        when(minutes.issued("R2")).thenReturn(issued(Sha256.hex(DOCUMENT)));
        when(minutes.docx(eq(review), any(), any())).thenReturn(DOCUMENT);
        mvc.perform(get("/api/reviews/R2/minutes/issued.docx")).andExpect(status().isOk()).andExpect(content().bytes(DOCUMENT));

        when(minutes.issued("R2")).thenReturn(issued(Sha256.hex(new byte[] {9})));
        mvc.perform(get("/api/reviews/R2/minutes/issued.docx"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("REGENERATES_DIFFERENTLY"));
    }

    @Test
    void aFileIsVerifiedByteForByteAgainstTheIssuedMinutes() throws Exception {
        when(minutes.review("R2")).thenReturn(review);
        when(minutes.issued("R2")).thenReturn(issued(Sha256.hex(DOCUMENT)));
        when(minutes.docx(eq(review), any(), any())).thenReturn(DOCUMENT);
        mvc.perform(multipart("/api/reviews/R2/minutes/verification").file(new MockMultipartFile("file", "bien-ban.docx", null, DOCUMENT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verified").value(true))
                .andExpect(jsonPath("$.regeneratesAsIssued").value(true))
                .andExpect(jsonPath("$.number").value("05/BB-SLĐTBXH"));
        mvc.perform(multipart("/api/reviews/R2/minutes/verification").file(new MockMultipartFile("file", "x.docx", null, new byte[] {1, 2, 4})))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verified").value(false))
                .andExpect(jsonPath("$.uploadedSha256").value(Sha256.hex(new byte[] {1, 2, 4})));
        mvc.perform(post("/api/reviews/R2/minutes/verification").contentType(MediaType.APPLICATION_OCTET_STREAM).content(DOCUMENT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verified").value(true));
        // the bytes regenerate, but not as recorded (another generator): nothing is verified
        when(minutes.issued("R2")).thenReturn(issued(Sha256.hex(new byte[] {9})));
        mvc.perform(post("/api/reviews/R2/minutes/verification").contentType(MediaType.APPLICATION_OCTET_STREAM).content(DOCUMENT))
                .andExpect(jsonPath("$.verified").value(false))
                .andExpect(jsonPath("$.regeneratesAsIssued").value(false));
    }

    private static ReviewMinutesIssuedEvent issued(String sha256) {
        return new ReviewMinutesIssuedEvent(ManagementReviewId.of("R2"), "05/BB-SLĐTBXH", "Sở Lao động - Thương binh và Xã hội",
                "UBND tỉnh Hải Dương", "Hải Dương", "", "GIÁM ĐỐC", "Nguyễn Văn An", List.of("Lưu: VT, VP."), sha256,
                ReviewMinutes.GENERATOR, null, LocalDate.of(2023, 7, 11));
    }
}
