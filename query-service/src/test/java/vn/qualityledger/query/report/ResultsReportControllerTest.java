package vn.qualityledger.query.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.qualityledger.api.report.ResultsReportKind;
import vn.qualityledger.query.directory.DirectoryNames;
import vn.qualityledger.query.document.LedgerCheckpoints;
import vn.qualityledger.query.document.Letterhead;
import vn.qualityledger.query.document.LetterheadProperties;
import vn.qualityledger.query.web.ReadAccess;

@WebMvcTest(ResultsReportController.class)
@AutoConfigureMockMvc(addFilters = false) // who may read what: ResultsReportEndToEndTest
@Import({ResultsReportControllerTest.Letterheads.class, vn.qualityledger.query.document.Letterheads.class})
class ResultsReportControllerTest {

    private static final String DOCX = "/api/organisations/SLDTBXH-HD/years/2023/reports/results.docx";

    @TestConfiguration
    static class Letterheads {
        @Bean
        LetterheadProperties reportProperties() {
            return new LetterheadProperties(Map.of("SLDTBXH-HD", new Letterhead("Sở Lao động - Thương binh và Xã hội",
                    "UBND tỉnh Hải Dương", "Hải Dương", "SLĐTBXH", List.of("Lưu: VT, VP."))));
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ResultsReports reports;
    @MockitoBean
    ReadAccess access;
    @MockitoBean
    DirectoryNames names;
    @MockitoBean(answers = Answers.CALLS_REAL_METHODS)
    LedgerCheckpoints checkpoints;

    @Test
    void theIssueBodyNamesTheNewestCheckpointWhichBothFilesPrint() throws Exception {
        when(checkpoints.newestSize()).thenReturn(Optional.of(1234L));
        when(checkpoints.firstOfSize(1234L)).thenReturn(Optional.of(ResultsReportFilesTest.CHECKPOINT));
        when(reports.files(any())).thenReturn(new ResultsReports.Files(ResultsReportFilesTest.report(), new byte[] {1}, new byte[] {2}));

        mvc.perform(get("/api/organisations/SLDTBXH-HD/years/2023/reports/results?cutOff=2023-07-14T17:30:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checkpointTreeSize").value(1234))
                .andExpect(jsonPath("$.docxSha256").value("4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a"));
        ArgumentCaptor<ReportParameters> parameters = ArgumentCaptor.forClass(ReportParameters.class);
        verify(reports).files(parameters.capture());
        assertThat(parameters.getValue().checkpoint()).isEqualTo(ResultsReportFilesTest.CHECKPOINT);
    }

    @Test
    void aNamedCheckpointIsPrintedAndAnUnknownOneIsABadParameter() throws Exception {
        when(checkpoints.firstOfSize(77L)).thenReturn(Optional.of(ResultsReportFilesTest.CHECKPOINT));
        when(reports.read(any())).thenReturn(ResultsReportFilesTest.report());
        when(reports.docx(any())).thenReturn(new byte[0]);
        mvc.perform(get(DOCX + "?cutOff=2023-07-14T17:30:00Z&checkpointTreeSize=77")).andExpect(status().isOk());
        ArgumentCaptor<ReportParameters> parameters = ArgumentCaptor.forClass(ReportParameters.class);
        verify(reports).read(parameters.capture());
        assertThat(parameters.getValue().checkpoint()).isEqualTo(ResultsReportFilesTest.CHECKPOINT);

        expectBadParameter(mvc.perform(get(DOCX + "?cutOff=2023-07-14T17:30:00Z&checkpointTreeSize=78")), "checkpointTreeSize");
    }

    @Test
    void takesTheConfiguredLetterheadAndBlankNumberWhenNoneIsGiven() throws Exception {
        when(reports.read(any())).thenReturn(ResultsReportFilesTest.report());
        when(reports.docx(any())).thenReturn(new byte[] {1, 2, 3});

        mvc.perform(get(DOCX + "?cutOff=2023-07-14T17:30:00Z"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(ResultsReportController.DOCX))
                .andExpect(header().string("Report-Cut-Off", "2023-07-14T17:30:00Z"))
                .andExpect(header().string("Report-SHA-256", "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"bao-cao-ket-qua-mtcl-SLDTBXH-HD-2023-cut-off.docx\""));
        ArgumentCaptor<ReportParameters> parameters = ArgumentCaptor.forClass(ReportParameters.class);
        verify(reports).read(parameters.capture());
        assertThat(parameters.getValue()).isEqualTo(new ReportParameters("SLDTBXH-HD", 2023, ResultsReportKind.CUT_OFF,
                java.time.Instant.parse("2023-07-14T17:30:00Z"), "/BC-SLĐTBXH", "Sở Lao động - Thương binh và Xã hội",
                "UBND tỉnh Hải Dương", "Hải Dương", "", "GIÁM ĐỐC", "", List.of("Lưu: VT, VP."), null));
        verify(access).requireOrganisation("SLDTBXH-HD");
    }

    @Test
    void anOrganisationWithoutALetterheadIsNamedByItsCodeInHaiDuong() throws Exception {
        when(reports.read(any())).thenReturn(ResultsReportFilesTest.report());
        when(reports.docx(any())).thenReturn(new byte[0]);
        mvc.perform(get("/api/organisations/UBND-XA-01/years/2023/reports/results.docx?cutOff=2023-07-14T17:30:00Z"))
                .andExpect(status().isOk());
        ArgumentCaptor<ReportParameters> parameters = ArgumentCaptor.forClass(ReportParameters.class);
        verify(reports).read(parameters.capture());
        assertThat(parameters.getValue().organisationName()).isEqualTo("UBND-XA-01");
        assertThat(parameters.getValue().place()).isEqualTo("Hải Dương");
        assertThat(parameters.getValue().number()).isEqualTo("/BC-UBND-XA-01");
    }

    @Test
    void anOrganisationWithoutALetterheadIsNamedAsItsDirectoryRecordsIt() throws Exception {
        when(names.organisation("UBND-XA-01")).thenReturn(java.util.Optional.of(
                new DirectoryNames.OrganisationName("UBND-XA-01", "Ủy ban nhân dân xã Cẩm Hưng", "UBND huyện Cẩm Giàng")));
        when(reports.read(any())).thenReturn(ResultsReportFilesTest.report());
        when(reports.docx(any())).thenReturn(new byte[0]);
        mvc.perform(get("/api/organisations/UBND-XA-01/years/2023/reports/results.docx?cutOff=2023-07-14T17:30:00Z"))
                .andExpect(status().isOk());
        ArgumentCaptor<ReportParameters> parameters = ArgumentCaptor.forClass(ReportParameters.class);
        verify(reports).read(parameters.capture());
        assertThat(parameters.getValue().organisationName()).isEqualTo("Ủy ban nhân dân xã Cẩm Hưng");
        assertThat(parameters.getValue().parentName()).isEqualTo("UBND huyện Cẩm Giàng");
        assertThat(parameters.getValue().number()).isEqualTo("/BC-UBND-XA-01");
    }

    @Test
    void theConfiguredLetterheadWinsOverTheDirectorysNames() throws Exception {
        when(names.organisation("SLDTBXH-HD")).thenReturn(java.util.Optional.of(
                new DirectoryNames.OrganisationName("SLDTBXH-HD", "Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương", "Tỉnh Hải Dương")));
        when(reports.read(any())).thenReturn(ResultsReportFilesTest.report());
        when(reports.docx(any())).thenReturn(new byte[0]);
        mvc.perform(get(DOCX + "?cutOff=2023-07-14T17:30:00Z")).andExpect(status().isOk());
        ArgumentCaptor<ReportParameters> parameters = ArgumentCaptor.forClass(ReportParameters.class);
        verify(reports).read(parameters.capture());
        assertThat(parameters.getValue().organisationName()).isEqualTo("Sở Lao động - Thương binh và Xã hội");
        assertThat(parameters.getValue().parentName()).isEqualTo("UBND tỉnh Hải Dương");
    }

    @Test
    void rejectsBadParametersNamingThem() throws Exception {
        expectBadParameter(mvc.perform(get(DOCX + "?kind=WEEKLY")), "kind");
        expectBadParameter(mvc.perform(get(DOCX + "?cutOff=2023-07-14")), "cutOff");
        expectBadParameter(mvc.perform(get(DOCX + "?cutOff=9999-12-31T00:00:00Z")), "cutOff");
        expectBadParameter(mvc.perform(get(DOCX + "?number=" + "1".repeat(101))), "number");
        expectBadParameter(mvc.perform(get("/api/organisations/SLDTBXH-HD/years/1800/reports/results.xlsx")), "year");
        verifyNoInteractions(reports);
    }

    @Test
    void answersNotFoundWhenNothingOfTheYearWasRecordedByTheCutOff() throws Exception {
        ResultsReport report = ResultsReportFilesTest.report();
        when(reports.read(any())).thenReturn(new ResultsReport(report.parameters(), report.asOf(), List.of(), report.summary(),
                List.of(), report.nonconformitySummary(), List.of()));
        mvc.perform(get(DOCX + "?cutOff=2023-07-14T17:30:00Z"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType("application/problem+json"));
    }

    private static void expectBadParameter(ResultActions result, String parameter) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(jsonPath("$.detail").value(containsString(parameter)))
                .andExpect(jsonPath("$['invalid-params'][0].name").value(parameter));
    }
}
