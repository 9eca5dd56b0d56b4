package vn.qualityledger.query.auditprogramme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
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
import vn.qualityledger.query.auditprogramme.AuditProgramme.AuditedUnit;
import vn.qualityledger.query.auditprogramme.AuditProgramme.DueUnit;
import vn.qualityledger.query.auditprogramme.AuditProgramme.KindCounts;
import vn.qualityledger.query.auditprogramme.AuditProgramme.UnitFindings;
import vn.qualityledger.query.export.ExportFiles;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.web.ReadAccess;

/** The audit programme's units as XLSX and CSV: audited, then due, with their findings, as the JSON lists them. */
@WebMvcTest(AuditProgrammeController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(AuditProgrammeExportTest.FixedClock.class)
class AuditProgrammeExportTest {

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2023-12-01T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }

    static final AuditProgramme PROGRAMME = new AuditProgramme("so-ld", 2023, LocalDate.of(2023, 12, 1), 3,
            List.of(new AuditedUnit("Phòng Người có công", LocalDate.of(2023, 10, 2), List.of("audit-1", "audit-2")),
                    new AuditedUnit("Văn phòng", LocalDate.of(2023, 10, 3), List.of("audit-1"))),
            List.of(new DueUnit("Phòng Kế hoạch – Tài chính", LocalDate.of(2023, 12, 15))), new BigDecimal("66.67"),
            List.of(new UnitFindings("Phòng Người có công", new KindCounts(0, 2, 1, 1, 4))), List.of(), List.of());

    @Autowired
    MockMvc mvc;
    @MockitoBean(answers = Answers.CALLS_REAL_METHODS)
    AsRecorded asRecorded;
    @MockitoBean
    DirectoryNames names;
    @MockitoBean
    ReadAccess access;
    @MockitoBean
    AuditProgrammeRepository programmes;

    @Test
    void theUnitsOfTheProgrammeAreExportedAsTheJsonListsThem() throws Exception {
        when(programmes.programme("so-ld", 2023, LocalDate.of(2023, 12, 1))).thenReturn(PROGRAMME);
        when(names.unitNames("so-ld")).thenReturn(java.util.Map.of("Văn phòng", "Văn phòng Sở"));
        List<List<String>> expected = List.of(
                List.of("Đơn vị", "Tên đơn vị", "Đã được đánh giá", "Ngày đánh giá đầu tiên", "Ngày dự kiến đánh giá", "Cuộc đánh giá",
                        "Không phù hợp nặng", "Không phù hợp nhẹ", "Điểm lưu ý", "Cơ hội cải tiến", "Tổng số phát hiện"),
                List.of("Phòng Người có công", "", "Có", "2023-10-02", "", "audit-1, audit-2", "0", "2", "1", "1", "4"),
                List.of("Văn phòng", "Văn phòng Sở", "Có", "2023-10-03", "", "audit-1", "0", "0", "0", "0", "0"),
                List.of("Phòng Kế hoạch – Tài chính", "", "Không", "", "2023-12-15", "", "0", "0", "0", "0", "0"));
        String json = mvc.perform(get("/api/organisations/so-ld/audit-programme?year=2023")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(ExportFiles.json(json, "$.audited", "unit", "firstHeldOn", "auditIds"))
                .containsExactly(List.of("Phòng Người có công", "2023-10-02", "audit-1, audit-2"), List.of("Văn phòng", "2023-10-03", "audit-1"));
        assertThat(ExportFiles.json(json, "$.due", "unit", "scheduledOn")).containsExactly(List.of("Phòng Kế hoạch – Tài chính", "2023-12-15"));

        assertThat(ExportFiles.xlsx(bytes("/api/organisations/so-ld/audit-programme.xlsx?year=2023"))).isEqualTo(expected);
        assertThat(ExportFiles.csv(bytes("/api/organisations/so-ld/audit-programme.csv?year=2023"))).isEqualTo(expected);
    }

    @Test
    void theYearIsRequiredAndAnotherOrganisationRefusedAsForTheJson() throws Exception {
        mvc.perform(get("/api/organisations/so-ld/audit-programme.csv")).andExpect(status().isBadRequest());
        doThrow(new ResponseStatusException(HttpStatus.FORBIDDEN, "own organisation only")).when(access).requireOrganisation("so-yt");
        mvc.perform(get("/api/organisations/so-yt/audit-programme.xlsx?year=2023")).andExpect(status().isForbidden());
        verify(programmes, never()).programme(anyString(), anyInt(), any());
    }

    private byte[] bytes(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }
}
