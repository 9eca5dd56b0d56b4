package vn.qualityledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
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
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.objective.Assessment;
import vn.qualityledger.api.objective.Period;
import vn.qualityledger.query.export.ExportFiles;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.web.ReadAccess;

/** The objective dashboards' and the unit figures' XLSX and CSV: the JSON reads' rows, date, refusal, cap. */
@WebMvcTest(DashboardController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(DashboardExportTest.FixedClock.class)
class DashboardExportTest {

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2023-07-01T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }

    static final LocalDate AS_OF = LocalDate.of(2023, 6, 30);

    static final List<ObjectiveDashboard> OBJECTIVES = List.of(
            new ObjectiveDashboard("obj-1", "so-ld", 2023, "MT-01", "Giải quyết đúng hạn hồ sơ thủ tục hành chính",
                    new TargetView("Tỷ lệ hồ sơ đúng hạn", ">=", new BigDecimal("95"), "%"), new Decision("12/QĐ-SLĐTBXH", LocalDate.of(2023, 1, 5)),
                    null, null, new LatestMeasurement("mm-1", new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 3, 31)),
                    new BigDecimal("96.97"), new BigDecimal("96"), new BigDecimal("99"), "Một cửa", LocalDate.of(2023, 4, 5)),
                    KpiStatus.ON_TRACK, OccurrenceCounts.of(8, 3, 1, 1, 5), new BigDecimal("66.67"), new BigDecimal("33.33"), AS_OF),
            new ObjectiveDashboard("obj-2", "so-ld", 2023, "MT-02", "Không có khiếu nại", null, null, LocalDate.of(2023, 6, 1),
                    new Assessment(false, "Có 1 khiếu nại"), null, KpiStatus.NO_TARGET, OccurrenceCounts.NONE, null, null, AS_OF));

    static final List<UnitFigures> UNITS = List.of(
            new UnitFigures("Phòng Kế hoạch – Tài chính", 6, 3, 1, 1, 1, new BigDecimal("66.67"), new BigDecimal("33.33"), 2),
            new UnitFigures("Văn phòng", 2, 0, 0, 0, 0, null, null, 0));

    @Autowired
    MockMvc mvc;
    @MockitoBean(answers = Answers.CALLS_REAL_METHODS)
    AsRecorded asRecorded;
    @MockitoBean
    DirectoryNames names;
    @MockitoBean
    ReadAccess access;
    @MockitoBean
    DashboardRepository dashboards;

    @Test
    void theObjectivesExportHoldsTheJsonReadsDashboards() throws Exception {
        when(dashboards.countObjectives("so-ld", 2023)).thenReturn(2L);
        when(dashboards.findObjectives(eq("so-ld"), eq(2023), eq(AS_OF), any(), anyLong())).thenReturn(OBJECTIVES);
        String json = mvc.perform(get("/api/organisations/so-ld/years/2023/objectives?asOf=2023-06-30")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("Mã mục tiêu", "Mục tiêu", "Chỉ tiêu", "So sánh", "Giá trị chỉ tiêu", "Đơn vị tính", "Kết quả đo gần nhất",
                "Kỳ đo từ", "Kỳ đo đến", "Tình trạng chỉ tiêu", "Tổng số công việc", "Đến hạn", "Đúng hạn", "Trễ hạn", "Quá hạn",
                "Chưa đến hạn", "Tỷ lệ hoàn thành (%)", "Tỷ lệ đúng hạn (%)", "Quyết định ban hành", "Ngày quyết định",
                "Đạt (đánh giá cuối năm)", "Ngày đóng năm", "Mã định danh mục tiêu"));
        expected.addAll(ExportFiles.json(json, "$.content", "code", "statement", "target.indicator", "target.comparator", "target.value",
                "target.unit", "latestMeasurement.value", "latestMeasurement.period.from", "latestMeasurement.period.to", "kpiStatus",
                "occurrences.total", "occurrences.due", "occurrences.onTime", "occurrences.late", "occurrences.overdue",
                "occurrences.upcoming", "completionRate", "onTimeRate", "decision.number", "decision.date", "assessment.achieved",
                "closedOn", "objectiveId"));

        List<List<String>> xlsx = ExportFiles.xlsx(bytes("/api/organisations/so-ld/years/2023/objectives.xlsx?asOf=2023-06-30"));
        assertThat(xlsx).isEqualTo(expected);
        assertThat(ExportFiles.csv(bytes("/api/organisations/so-ld/years/2023/objectives.csv?asOf=2023-06-30"))).isEqualTo(expected);
        assertThat(xlsx.get(1)).startsWith("MT-01", "Giải quyết đúng hạn hồ sơ thủ tục hành chính", "Tỷ lệ hồ sơ đúng hạn", ">=", "95", "%",
                "96.97", "2023-01-01", "2023-03-31", "ON_TRACK", "8", "3", "1", "1", "1", "5", "66.67", "33.33");
        assertThat(xlsx.get(2).get(20)).isEqualTo("Không");
        verify(dashboards, org.mockito.Mockito.times(2)).findObjectives("so-ld", 2023, AS_OF, 50_000, 0L); // xlsx, csv
    }

    @Test
    void theUnitsExportHoldsTheJsonReadsFigures() throws Exception {
        when(dashboards.findUnits("so-ld", 2023, AS_OF, null)).thenReturn(UNITS);
        when(names.unitNames("so-ld")).thenReturn(java.util.Map.of("Văn phòng", "Văn phòng Sở"));
        String json = mvc.perform(get("/api/organisations/so-ld/years/2023/units?asOf=2023-06-30")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("Đơn vị", "Được giao", "Đến hạn", "Đúng hạn", "Trễ hạn", "Quá hạn", "Tỷ lệ hoàn thành (%)",
                "Tỷ lệ đúng hạn (%)", "Minh chứng chờ xem xét"));
        expected.addAll(ExportFiles.json(json, "$.units", "unit", "assigned", "due", "onTime", "late", "overdue", "completionRate",
                "onTimeRate", "evidenceAwaitingReview"));
        expected = ExportFiles.namedAfter(expected, 0, "Tên đơn vị", java.util.Map.of("Văn phòng", "Văn phòng Sở"));

        assertThat(ExportFiles.xlsx(bytes("/api/organisations/so-ld/years/2023/units.xlsx?asOf=2023-06-30"))).isEqualTo(expected);
        assertThat(ExportFiles.csv(bytes("/api/organisations/so-ld/years/2023/units.csv?asOf=2023-06-30"))).isEqualTo(expected)
                .element(1).isEqualTo(List.of("Phòng Kế hoạch – Tài chính", "", "6", "3", "1", "1", "1", "66.67", "33.33", "2"));
    }

    @Test
    void aReaderOfAnotherOrganisationIsRefusedBothExports() throws Exception {
        doThrow(new ResponseStatusException(HttpStatus.FORBIDDEN, "own organisation only")).when(access).requireOrganisation("so-yt");

        mvc.perform(get("/api/organisations/so-yt/years/2023/objectives")).andExpect(status().isForbidden());
        mvc.perform(get("/api/organisations/so-yt/years/2023/objectives.xlsx")).andExpect(status().isForbidden());
        mvc.perform(get("/api/organisations/so-yt/years/2023/units.csv")).andExpect(status().isForbidden());
        verify(dashboards, never()).findObjectives(anyString(), anyInt(), any(), any(), anyLong());
        verify(dashboards, never()).findUnits(anyString(), anyInt(), any(), isNull());
    }

    @Test
    void moreObjectivesThanTheCapAreAProblem() throws Exception {
        when(dashboards.countObjectives("so-ld", 2023)).thenReturn(50_001L);
        mvc.perform(get("/api/organisations/so-ld/years/2023/objectives.csv")).andExpect(status().isUnprocessableContent());
        verify(dashboards, never()).findObjectives(anyString(), anyInt(), any(), any(), anyLong());
    }

    private byte[] bytes(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }
}
