package vn.qualityledger.query.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.FileReference;
import vn.qualityledger.api.objective.*;
import vn.qualityledger.query.IntegrationDatabase;
import vn.qualityledger.query.ObjectiveStreams;
import vn.qualityledger.query.web.ReadAccess;

/**
 * Evidence files served from what command-service stored (rows of {@code files}, written here as it writes them) and
 * the evidence register's events, through the real processor and PostgreSQL: the bytes, the headers, and who may
 * read them.
 */
@SpringBootTest(properties = "spring.config.name=query-service")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceFileIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = IntegrationDatabase.withEventStore("ql_test_query_files");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
    }

    private static final ObjectiveId OURS = ObjectiveId.of("SLDTBXH-HD.MTCL-2023-01");
    private static final ObjectiveId THEIRS = ObjectiveId.of("SYT-HD.MTCL-2023-01");
    private static final String NAME = "Báo cáo 6 tháng (bản ký).pdf";
    /** Larger than the 1 MB the controller reads at a time, so that the file comes in three pieces. */
    private static final byte[] PDF = pdf(2_500_000);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void evidenceWithAndWithoutAFile(@Autowired EventStore eventStore, @Autowired TransactionTemplate transaction) throws Exception {
        String sha256 = sha256(PDF);
        jdbc.update("INSERT INTO files.stored_file (sha256, size, content, stored_at) VALUES (?, ?, ?, now())", sha256, PDF.length, PDF);
        jdbc.update("""
                INSERT INTO files.upload (organisation, sha256, name, content_type, uploaded_by, uploaded_at)
                VALUES ('SLDTBXH-HD', ?, ?, 'application/pdf', 'nhanvienvp', now())""", sha256, NAME);
        FileReference file = new FileReference(sha256, NAME, (long) PDF.length, "application/pdf");
        ObjectiveStreams streams = new ObjectiveStreams(eventStore, transaction);
        for (ObjectiveId objective : List.of(OURS, THEIRS)) {
            String organisation = objective.value().substring(0, objective.value().indexOf('.'));
            MeasureId reports = MeasureId.of("I.6");
            OccurrenceId may = OccurrenceId.of("I.6@2023-05-14");
            DocumentReference document = new DocumentReference("512/BC-SLĐTBXH", LocalDate.of(2023, 5, 12), "Văn phòng Sở", "Báo cáo 6 tháng", null, null);
            streams.append(objective,
                    new ObjectiveDefinedEvent(objective, organisation, 2023, "MTCL-2023-01", "Báo cáo đúng hạn",
                            new Target("Tỷ lệ", Comparator.AT_LEAST, BigDecimal.valueOf(100), "%")),
                    new MeasurePlannedEvent(objective, reports, null, new MeasureDetails("I.6", "Báo cáo kết quả thực hiện MTCL",
                            List.of("VP"), List.of(), List.of("QMR"), List.of("Báo cáo"),
                            new Schedule("Trước 15/5", List.of(ScheduleRule.oneOff(LocalDate.of(2023, 5, 14))))),
                            List.of(new ScheduledOccurrence(may, LocalDate.of(2023, 5, 14)))),
                    new EvidenceSubmittedEvent(objective, EvidenceId.of("ev-file"), reports, may, document, LocalDate.of(2023, 5, 13), file),
                    new EvidenceSubmittedEvent(objective, EvidenceId.of("ev-plain"), reports, may, document, LocalDate.of(2023, 5, 13)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM query.evidence WHERE evidence_id = 'ev-plain'", Integer.class) == 2);
    }

    @Test
    @WithUserDetails("xem")
    void servesTheFileAsStoredWithItsNameAndSha256() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/objectives/" + OURS + "/evidence/ev-file/file"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().longValue("Content-Length", PDF.length))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"Bao cao 6 thang (ban ky).pdf\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%206%20th%C3%A1ng%20%28b%E1%BA%A3n%20k%C3%BD%29.pdf"))
                .andExpect(header().string("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(PDF)) + ":"))
                .andExpect(header().string("ETag", "\"" + sha256(PDF) + "\""))
                .andReturn().getResponse();

        assertThat(response.getContentAsByteArray()).isEqualTo(PDF);
    }

    @Test
    @WithUserDetails("xem")
    void theRegisterShowsTheFileOfEachPieceOfEvidence() throws Exception {
        String body = mvc.perform(get("/api/evidence?objectiveId=" + OURS + "&asOf=2023-06-30"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.evidenceId == 'ev-file')].file.sha256").value(sha256(PDF)))
                .andExpect(jsonPath("$.content[?(@.evidenceId == 'ev-file')].file.name").value(NAME))
                .andExpect(jsonPath("$.content[?(@.evidenceId == 'ev-file')].file.size").value(PDF.length))
                .andExpect(jsonPath("$.content[?(@.evidenceId == 'ev-file')].file.contentType").value("application/pdf"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode plain = null;
        for (JsonNode row : JsonMapper.builder().build().readTree(body).path("content")) {
            if (row.path("evidenceId").asString().equals("ev-plain")) {
                plain = row;
            }
        }
        assertThat(plain).isNotNull();
        assertThat(plain.path("file").isNull() || plain.path("file").isMissingNode()).as(plain.toString()).isTrue();
    }

    @Test
    @WithUserDetails("nhanvienvp")
    void aReaderOfAnotherOrganisationGetsNothing() throws Exception {
        mvc.perform(get("/api/objectives/" + THEIRS + "/evidence/ev-file/file"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"))
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andExpect(header().doesNotExist("Repr-Digest"));
    }

    @Test
    @WithUserDetails("tinh")
    void theProvinceReadsEveryOrganisationsFiles() throws Exception {
        byte[] body = mvc.perform(get("/api/objectives/" + THEIRS + "/evidence/ev-file/file"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(body).isEqualTo(PDF);
    }

    @Test
    @WithUserDetails("nhanvienvp")
    void evidenceWithoutAFileAndUnknownEvidenceAre404() throws Exception {
        mvc.perform(get("/api/objectives/" + OURS + "/evidence/ev-plain/file"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/objectives/" + OURS + "/evidence/ev-none/file")).andExpect(status().isNotFound());
        mvc.perform(get("/api/objectives/SLDTBXH-HD.KHONG-CO/evidence/ev-file/file")).andExpect(status().isNotFound());
    }

    @Test
    @WithUserDetails("baocao")
    void theFeedsMachineRoleReadsNoFiles() throws Exception {
        mvc.perform(get("/api/objectives/" + OURS + "/evidence/ev-file/file")).andExpect(status().isForbidden());
    }

    @Test
    @WithAnonymousUser
    void nobodyReadsAFileWithoutSigningIn() throws Exception {
        mvc.perform(get("/api/objectives/" + OURS + "/evidence/ev-file/file")).andExpect(status().isUnauthorized());
    }

    @Test
    void fromADirectoryTheFileNamedByItsHashIsServed(@TempDir Path directory) throws Exception {
        byte[] png = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3}, 11);
        String sha256 = sha256(png);
        Files.write(directory.resolve(sha256), png);
        jdbc.update("INSERT INTO files.stored_file (sha256, size, content, stored_at) VALUES (?, ?, NULL, ?)", sha256, png.length,
                java.sql.Timestamp.from(Instant.now()));
        jdbc.update("""
                INSERT INTO query.evidence (objective_id, evidence_id, occurrence_id, measure_id, document_number, document_date,
                                            document_issuer, document_title, submitted_on, status, file_sha256, file_name, file_size, file_content_type,
                                            recorded_at)
                VALUES (?, 'ev-dir', 'I.6@2023-05-14', 'I.6', '1/BB', DATE '2023-05-12', 'VP', 'Biên bản', DATE '2023-05-13', 'SUBMITTED',
                        ?, 'Biên bản.png', ?, 'image/png', now())""", OURS.value(), sha256, png.length);
        EvidenceFileController controller = new EvidenceFileController(jdbc, mock(ReadAccess.class), directory.toString());
        MockHttpServletResponse response = new MockHttpServletResponse();

        controller.file(OURS.value(), "ev-dir", response);

        assertThat(response.getContentAsByteArray()).isEqualTo(png);
        assertThat(response.getContentType()).isEqualTo("image/png");
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"Bien ban.png\"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n.png");
    }

    @Test
    @WithUserDetails("xem")
    void aFileAlteredInTheDatabaseIsRefusedNotServed() throws Exception {
        byte[] original = "%PDF-1.4\nBiên bản kiểm tra".getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(original);
        byte[] altered = original.clone();
        altered[altered.length - 1] ^= 1;
        jdbc.update("INSERT INTO files.stored_file (sha256, size, content, stored_at) VALUES (?, ?, ?, now())", sha256, original.length, altered);
        evidenceRow("ev-altered", sha256, original.length, "application/pdf");

        mvc.perform(get("/api/objectives/" + OURS + "/evidence/ev-altered/file"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("STORED_FILE_ALTERED"))
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andExpect(header().doesNotExist("Repr-Digest"));
    }

    @Test
    void aFileAlteredOrCutShortInTheDirectoryIsRefused(@TempDir Path directory) throws Exception {
        byte[] original = "%PDF-1.4\nQuyết định".getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(original);
        Files.write(directory.resolve(sha256), Arrays.copyOf(original, original.length - 3));
        jdbc.update("INSERT INTO files.stored_file (sha256, size, content, stored_at) VALUES (?, ?, NULL, now())", sha256, original.length);
        evidenceRow("ev-cut", sha256, original.length, "application/pdf");
        EvidenceFileController controller = new EvidenceFileController(jdbc, mock(ReadAccess.class), directory.toString());
        MockHttpServletResponse response = new MockHttpServletResponse();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> controller.file(OURS.value(), "ev-cut", response))
                .isInstanceOf(EvidenceFileController.StoredFileAltered.class);
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(response.getHeader("Repr-Digest")).isNull();
    }

    private void evidenceRow(String evidenceId, String sha256, int size, String contentType) {
        jdbc.update("""
                INSERT INTO query.evidence (objective_id, evidence_id, occurrence_id, measure_id, document_number, document_date,
                                            document_issuer, document_title, submitted_on, status, file_sha256, file_name, file_size, file_content_type,
                                            recorded_at)
                VALUES (?, ?, 'I.6@2023-05-14', 'I.6', '2/BB', DATE '2023-05-12', 'VP', 'Biên bản', DATE '2023-05-13', 'SUBMITTED',
                        ?, 'Biên bản.pdf', ?, ?, now())""", OURS.value(), evidenceId, sha256, size, contentType);
    }

    private static byte[] pdf(int size) {
        byte[] content = new byte[size];
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, content, 0, head.length);
        for (int i = head.length; i < size; i++) {
            content[i] = (byte) (i * 31 + i / 1024);
        }
        return content;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
