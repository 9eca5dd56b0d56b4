package vn.qualityledger.query.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.mockito.ArgumentCaptor;
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
import vn.qualityledger.query.export.ExportFiles;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.web.ReadAccess;

/** The board's XLSX and CSV: the JSON read's rows, filters and refusals (the writers themselves: ExportWritersTest). */
@WebMvcTest(BoardController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(BoardExportTest.FixedClock.class)
class BoardExportTest {

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2023-07-01T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }

    static final List<String> HEADINGS = List.of("Mã mục tiêu", "Mã biện pháp", "Biện pháp", "Mã công việc", "Hạn hoàn thành",
            "Đơn vị thực hiện", "Người thực hiện", "Tình trạng", "Ngày hoàn thành", "Minh chứng chờ xem xét",
            "Mã định danh mục tiêu", "Mã định danh biện pháp");
    /** The JSON members in the order of the headings. */
    static final String[] FIELDS = {"objectiveCode", "measureCode", "measureTitle", "occurrenceId", "dueDate", "unit", "person",
            "status", "completedOn", "evidenceAwaitingReview", "objectiveId", "measureId"};

    static final List<BoardRow> ROWS = List.of(
            new BoardRow("obj-1", "MT-01", "m-1", "1.1", "Rà soát, cập nhật văn bản \"ISO\"", "occ-1", LocalDate.of(2023, 1, 31),
                    "Phòng Kế hoạch – Tài chính", "Nguyễn Thị Hằng", OccurrenceStatus.DONE_LATE, LocalDate.of(2023, 2, 3), 1),
            new BoardRow("obj-1", "MT-01", "m-2", "1.2", "Đánh giá nội bộ", "occ-2", LocalDate.of(2023, 6, 30), null, null,
                    OccurrenceStatus.OVERDUE, null, 0));

    @Autowired
    MockMvc mvc;
    @MockitoBean(answers = Answers.CALLS_REAL_METHODS)
    AsRecorded asRecorded;
    @MockitoBean
    DirectoryNames names;
    @MockitoBean
    ReadAccess access;
    @MockitoBean
    BoardRepository board;

    @BeforeEach
    void twoOccurrences() {
        when(access.organisationScope()).thenReturn("so-ld");
        when(board.count(any())).thenReturn((long) ROWS.size());
        when(board.find(any(), anyInt(), anyLong())).thenReturn(ROWS);
        when(names.unitNamesByObjective(List.of("obj-1"))).thenReturn(Map.of("obj-1", UNIT_NAMES));
    }

    /** The directory of obj-1's organisation names its unit. */
    static final Map<String, String> UNIT_NAMES = Map.of("Phòng Kế hoạch – Tài chính", "Phòng Kế hoạch – Tài chính Sở LĐTBXH");

    @Test
    void theXlsxAndTheCsvHoldTheJsonReadsRowsUnderVietnameseHeadings() throws Exception {
        String json = mvc.perform(get("/api/occurrences")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<List<String>> expected = new ArrayList<>();
        expected.add(HEADINGS);
        expected.addAll(ExportFiles.json(json, "$.content", FIELDS));
        expected = ExportFiles.namedAfter(expected, 5, "Tên đơn vị thực hiện", UNIT_NAMES);

        byte[] xlsx = mvc.perform(get("/api/occurrences.xlsx")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("filename*=UTF-8''B%E1%BA%A3ng%20c%C3%B4ng%20vi%E1%BB%87c%20so-ld")))
                .andReturn().getResponse().getContentAsByteArray();
        byte[] csv = mvc.perform(get("/api/occurrences.csv")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(ExportFiles.xlsx(xlsx)).isEqualTo(expected);
        assertThat(ExportFiles.csv(csv)).isEqualTo(expected);
        // and by hand, the first row as the board shows it
        assertThat(ExportFiles.csv(csv).get(1)).containsExactly("MT-01", "1.1", "Rà soát, cập nhật văn bản \"ISO\"", "occ-1",
                "2023-01-31", "Phòng Kế hoạch – Tài chính", "Phòng Kế hoạch – Tài chính Sở LĐTBXH", "Nguyễn Thị Hằng", "DONE_LATE", "2023-02-03", "1", "obj-1", "m-1");
    }

    @Test
    void theExportTakesTheJsonReadsFiltersAndHoldsEveryMatchingRow() throws Exception {
        mvc.perform(get("/api/occurrences.csv?organisationId=so-ld&year=2023&unit={unit}&status=OVERDUE&dueFrom=2023-01-01"
                + "&dueTo=2023-06-30&asOf=2023-06-30", "Văn phòng Sở")).andExpect(status().isOk());

        ArgumentCaptor<BoardFilter> filter = ArgumentCaptor.forClass(BoardFilter.class);
        verify(board).find(filter.capture(), eq(50_000), eq(0L));
        assertThat(filter.getValue()).isEqualTo(new BoardFilter("so-ld", 2023, null, "Văn phòng Sở", OccurrenceStatus.OVERDUE,
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), LocalDate.of(2023, 6, 30)));
        verify(access).requireOrganisation("so-ld");
    }

    @Test
    void aReaderOfAnotherOrganisationIsRefusedTheExportAsTheJson() throws Exception {
        doThrow(new ResponseStatusException(HttpStatus.FORBIDDEN, "You read only your own organisation's data (so-ld)"))
                .when(access).requireOrganisation("so-yt");

        mvc.perform(get("/api/occurrences?organisationId=so-yt")).andExpect(status().isForbidden());
        mvc.perform(get("/api/occurrences.xlsx?organisationId=so-yt")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(get("/api/occurrences.csv?organisationId=so-yt")).andExpect(status().isForbidden());
        verify(board, never()).find(any(), anyInt(), anyLong());
    }

    @Test
    void moreRowsThanTheCapIsAProblemNamingTheNumbersAndNothingIsRead() throws Exception {
        when(board.count(any())).thenReturn(50_001L);

        mvc.perform(get("/api/occurrences.xlsx")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("EXPORT_TOO_LARGE"))
                .andExpect(jsonPath("$.matching").value(50_001))
                .andExpect(jsonPath("$.limit").value(50_000));
        verify(board, never()).find(any(), anyInt(), anyLong());
    }

    @Test
    void otherSuffixesAreNoExport() throws Exception {
        mvc.perform(get("/api/occurrences.pdf")).andExpect(status().isNotFound());
        verifyNoInteractions(board);
    }
}
