package vn.qualityledger.query.nonconformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.qualityledger.query.directory.DirectoryNames;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.server.ResponseStatusException;
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.query.export.ExportFiles;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.tracking.NonconformityStatus;
import vn.qualityledger.query.web.ReadAccess;

/** The nonconformity list's XLSX and CSV: the JSON read's rows, its filters, refusal, cap. */
@WebMvcTest(NonconformityController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(NonconformityExportTest.FixedClock.class)
class NonconformityExportTest {

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2023-12-31T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }

    static final LocalDate TODAY = LocalDate.of(2023, 12, 31);
    static final List<NonconformityRow> ROWS = List.of(
            new NonconformityRow("nc-1", NonconformitySource.AUDIT_FINDING, Severity.MINOR, "Phòng Người có công", "7.5.3",
                    "Hồ sơ lưu trữ chưa đúng quy định, thiếu mục lục", LocalDate.of(2023, 10, 2), NonconformityStatus.ACTIONS_PLANNED, null,
                    90, true, 1, 2, "audit-1", "f-1", null),
            new NonconformityRow("nc-2", NonconformitySource.OBJECTIVE_NOT_ACHIEVED, Severity.MAJOR, null, null, "Mục tiêu MT-02 không đạt",
                    LocalDate.of(2023, 3, 1), NonconformityStatus.CLOSED, LocalDate.of(2023, 5, 2), 62, false, 0, 1, null, null, "obj-2"));

    @Autowired
    MockMvc mvc;
    @MockitoBean(answers = Answers.CALLS_REAL_METHODS)
    AsRecorded asRecorded;
    @MockitoBean
    DirectoryNames names;
    @MockitoBean
    ReadAccess access;
    @MockitoBean
    NonconformityRepository nonconformities;

    @Test
    void theExportsHoldTheJsonListsRowsWithItsFilters() throws Exception {
        NonconformityFilter filter = new NonconformityFilter(2023, null, null, "Phòng Người có công", null, null, null);
        when(nonconformities.count("so-ld", filter, TODAY)).thenReturn(2L);
        when(nonconformities.list(eq("so-ld"), eq(filter), eq(TODAY), anyInt(), anyLong())).thenReturn(ROWS);
        when(names.unitNames("so-ld")).thenReturn(java.util.Map.of("Phòng Người có công", "Phòng Người có công Sở LĐTBXH"));
        String query = "?year=2023&unit=Phòng Người có công";
        String json = mvc.perform(get("/api/organisations/so-ld/nonconformities" + query)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("Mã sự không phù hợp", "Nguồn", "Mức độ", "Đơn vị", "Điều khoản", "Mô tả", "Ngày phát hiện", "Tình trạng",
                "Ngày đóng", "Số ngày", "Quá hạn", "Hành động quá hạn", "Hành động đã lập", "Cuộc đánh giá", "Phát hiện", "Mục tiêu"));
        expected.addAll(ExportFiles.json(json, "$.content", "nonconformityId", "source", "severity", "unit", "clause", "description",
                "raisedOn", "status", "closedOn", "ageDays", "overdue", "overdueActions", "actionsPlanned", "originAuditId",
                "originFindingId", "originObjectiveId"));
        expected = ExportFiles.namedAfter(expected, 3, "Tên đơn vị", java.util.Map.of("Phòng Người có công", "Phòng Người có công Sở LĐTBXH"));

        assertThat(ExportFiles.xlsx(bytes("/api/organisations/so-ld/nonconformities.xlsx" + query))).isEqualTo(expected);
        assertThat(ExportFiles.csv(bytes("/api/organisations/so-ld/nonconformities.csv" + query))).isEqualTo(expected)
                .element(1).isEqualTo(List.of("nc-1", "AUDIT_FINDING", "MINOR", "Phòng Người có công", "Phòng Người có công Sở LĐTBXH", "7.5.3",
                        "Hồ sơ lưu trữ chưa đúng quy định, thiếu mục lục", "2023-10-02", "ACTIONS_PLANNED", "", "90", "Có", "1", "2",
                        "audit-1", "f-1", ""));
        verify(nonconformities, org.mockito.Mockito.times(2)).list("so-ld", filter, TODAY, 50_000, 0L);
    }

    @Test
    void aReaderOfAnotherOrganisationIsRefusedTheExportAsTheJson() throws Exception {
        doThrow(new ResponseStatusException(HttpStatus.FORBIDDEN, "own organisation only")).when(access).requireOrganisation("so-yt");

        mvc.perform(get("/api/organisations/so-yt/nonconformities")).andExpect(status().isForbidden());
        mvc.perform(get("/api/organisations/so-yt/nonconformities.csv")).andExpect(status().isForbidden());
        verify(nonconformities, never()).list(any(), any(), any(), anyInt(), anyLong());
    }

    @Test
    void badFiltersAreRefusedAsForTheJson() throws Exception {
        mvc.perform(get("/api/organisations/so-ld/nonconformities.xlsx?status=OPEN")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/organisations/so-ld/nonconformities.xlsx?year=1999")).andExpect(status().isBadRequest());
        verify(nonconformities, never()).list(any(), any(), any(), anyInt(), anyLong());
    }

    private byte[] bytes(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }
}
