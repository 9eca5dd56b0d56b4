package vn.qualityledger.command.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.common.FileReference;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.command.JsonHttp;
import vn.qualityledger.command.JsonHttp.Reply;
import vn.qualityledger.support.TestDatabase;
import vn.qualityledger.support.security.LedgerSecurityProperties;
import vn.qualityledger.support.security.LedgerSecurityProperties.User;

/**
 * Evidence files over HTTP against the real PostgreSQL: what an upload stores and answers, what it refuses (storing
 * nothing), and how a submission of evidence cites a file. The size limit is lowered to 64 KB here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=command-service", "quality-ledger.files.max-size=64KB",
                "quality-ledger.http.max-multipart-size=1MB", "spring.datasource.hikari.maximum-pool-size=4"})
class FileUploadIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OBJECTIVE = "files-1";
    /** A small, well-formed PDF: what an agency's scanner or word processor writes begins the same way. */
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.recreate("ql_test_files");
        registry.add("spring.datasource.url", () -> url);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    LedgerSecurityProperties security;
    @Autowired
    PasswordEncoder passwordEncoder;

    private final HttpClient client = HttpClient.newHttpClient();
    private JsonHttp http;

    @BeforeEach
    void objective() {
        http = new JsonHttp("http://localhost:" + port);
        if (jdbc.queryForObject(
                "select count(*) from event_store.domain_event_entry where aggregate_identifier = ?", Integer.class, OBJECTIVE) == 0) {
            assertThat(http.post("/api/objectives", """
                    {"objectiveId": "%s", "organisationId": "SLDTBXH-HD", "year": 2023, "code": "MTCL-F", "statement": "Báo cáo đúng hạn"}
                    """.formatted(OBJECTIVE)).status()).isEqualTo(201);
            Reply planned = http.post("/api/objectives/" + OBJECTIVE + "/measures", """
                    {"measureId": "I.6", "details": {"code": "I.6", "title": "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng",
                      "leadUnits": ["VP"], "monitors": ["QMR"],
                      "schedule": {"text": "Trước 15/5", "rules": [{"due": "2023-05-14"}]}}}
                    """);
            assertThat(planned.status()).as(planned.raw()).isEqualTo(201);
        }
    }

    @Test
    void storesAFileAndAnswersTheSha256ItComputedWithTheNameInNfc() throws Exception {
        String decomposed = Normalizer.normalize("Báo cáo 6 tháng.pdf", Normalizer.Form.NFD);

        Answer answer = upload("nhanvienvp", decomposed, "application/pdf", PDF);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        assertThat(answer.body().path("sha256").asString()).isEqualTo(sha256(PDF));
        assertThat(answer.body().path("name").asString()).isEqualTo("Báo cáo 6 tháng.pdf").isNotEqualTo(decomposed);
        assertThat(answer.body().path("size").asLong()).isEqualTo(PDF.length);
        assertThat(answer.body().path("contentType").asString()).isEqualTo("application/pdf");
        byte[] stored = jdbc.queryForObject("select content from files.stored_file where sha256 = ?", byte[].class, sha256(PDF));
        assertThat(stored).isEqualTo(PDF);
        assertThat(jdbc.queryForMap("select organisation, uploaded_by, content_type from files.upload where sha256 = ? and name = ?",
                sha256(PDF), "Báo cáo 6 tháng.pdf"))
                .containsEntry("organisation", "SLDTBXH-HD").containsEntry("uploaded_by", "nhanvienvp")
                .containsEntry("content_type", "application/pdf");
    }

    @Test
    void storesIdenticalContentOnceWhateverItsNameAndAnswersAnUploadAgainTheSame() throws Exception {
        byte[] png = withHead(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, "ảnh chụp biên bản");

        Answer first = upload("nhanvienvp", "Biên bản.png", "image/png", png);
        Answer again = upload("nhanvienvp", "Biên bản.png", "image/png", png);
        Answer renamed = upload("truongvp", "Ảnh biên bản.PNG", "application/octet-stream", png);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(201);
        assertThat(renamed.body().path("sha256").asString()).isEqualTo(first.body().path("sha256").asString()).isEqualTo(sha256(png));
        assertThat(renamed.body().path("contentType").asString()).isEqualTo("image/png");
        assertThat(jdbc.queryForObject("select count(*) from files.stored_file where sha256 = ?", Integer.class, sha256(png))).isEqualTo(1);
        assertThat(jdbc.queryForList("select name from files.upload where sha256 = ? order by name", String.class, sha256(png)))
                .containsExactly("Biên bản.png", "Ảnh biên bản.PNG");
    }

    @Test
    void refusesAFileOverTheLimitNamingTheFieldAndStoresNothing() throws Exception {
        byte[] large = withHead("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "x".repeat(64 * 1024));
        int before = storedFiles();

        Answer answer = upload("nhanvienvp", "Báo cáo lớn.pdf", "application/pdf", large);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(413);
        assertThat(answer.body().path("code").asString()).isEqualTo("FILE_TOO_LARGE");
        assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("file");
        assertThat(answer.body().path("errors").get(0).path("rule").asString()).isEqualTo("MaxSize");
        assertThat(answer.body().path("detail").asString()).contains("65536");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void refusesWhatIsNoAgencyDocumentAndStoresNothing() throws Exception {
        int before = storedFiles();
        byte[] html = "<html><body>không phải PDF</body></html>".getBytes(StandardCharsets.UTF_8);

        Answer program = upload("nhanvienvp", "setup.exe", "application/octet-stream", new byte[] {'M', 'Z', 0, 0, 0, 0, 0, 0, 1});
        Answer renamed = upload("nhanvienvp", "Báo cáo.pdf", "application/pdf", html);
        Answer declaredOtherwise = upload("nhanvienvp", "Báo cáo.pdf", "text/html", PDF);
        Answer noExtension = upload("nhanvienvp", "Báo cáo", "application/pdf", PDF);

        for (Answer refused : List.of(program, renamed, declaredOtherwise, noExtension)) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(415);
            assertThat(refused.body().path("code").asString()).isEqualTo("UNSUPPORTED_FILE_TYPE");
            assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("file");
        }
        assertThat(program.body().path("errors").get(0).path("rule").asString()).isEqualTo("FileType");
        assertThat(program.body().path("detail").asString()).contains("pdf, doc, docx, xls, xlsx, odt, ods, jpg, jpeg, png");
        assertThat(renamed.body().path("errors").get(0).path("rule").asString()).isEqualTo("FileContent");
        assertThat(declaredOtherwise.body().path("errors").get(0).path("rule").asString()).isEqualTo("FileType");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void refusesAnEmptyFileAMissingPartAJsonBodyAndReadOnlyRoles() throws Exception {
        int before = storedFiles();

        Answer empty = upload("nhanvienvp", "Trống.pdf", "application/pdf", new byte[0]);
        Answer viewer = upload("xem", "Báo cáo.pdf", "application/pdf", PDF);
        Answer province = upload("tinh", "Báo cáo.pdf", "application/pdf", PDF);
        Answer anonymous = upload(null, "Báo cáo.pdf", "application/pdf", PDF);
        Reply json = http.as("nhanvienvp").post("/api/files", "{\"file\": \"JVBERi0=\"}");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("errors").get(0).path("rule").asString()).isEqualTo("NotEmpty");
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.body().path("code").asString()).isEqualTo("FILERS_ONLY");
        assertThat(province.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.text("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void evidenceCitesAFileItsOrganisationUploadedAndTheEventRecordsIt() throws Exception {
        byte[] docx = withHead(new byte[] {'P', 'K', 3, 4}, "word/document.xml Báo cáo quý II");
        Answer uploaded = upload("nhanvienvp", "Báo cáo quý II.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx);
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);

        Reply submitted = http.as("nhanvienvp").post("/api/objectives/" + OBJECTIVE + "/evidence", evidence("ev-file", uploaded.body().toString()));

        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String payload = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from event_store.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%EvidenceSubmittedEvent' and payload_revision = '2'
                  and convert_from(payload, 'UTF8') like '%ev-file%'""", String.class, OBJECTIVE);
        assertThat(JSON.readTree(payload).path("file")).isEqualTo(uploaded.body());
    }

    @Test
    void evidenceCitingAnUnknownFileAnotherOrganisationsFileOrAnotherNameIsRefusedAndStoresNothing() throws Exception {
        byte[] jpeg = withHead(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "ảnh công văn của Sở Y tế");
        List<User> original = security.getUsers();
        List<User> withOtherAgency = new ArrayList<>(original);
        withOtherAgency.add(new User("nhanviensyt", passwordEncoder.encode("demo"), "Nguyễn Văn Y", List.of(Role.STAFF), "SYT-HD", "VP", List.of()));
        security.setUsers(withOtherAgency);
        Answer othersUpload;
        try {
            othersUpload = upload("nhanviensyt", "Công văn.jpg", "image/jpeg", jpeg);
        } finally {
            security.setUsers(original);
        }
        assertThat(othersUpload.status()).as(othersUpload.raw()).isEqualTo(201);
        Answer ours = upload("nhanvienvp", "Báo cáo đã ký.pdf", "application/pdf", PDF);
        int events = events();

        Reply unknown = http.as("nhanvienvp").post("/api/objectives/" + OBJECTIVE + "/evidence", evidence("ev-unknown",
                new FileReference("0".repeat(64), "Báo cáo.pdf", 10L, "application/pdf")));
        Reply otherOrganisations = http.as("nhanvienvp").post("/api/objectives/" + OBJECTIVE + "/evidence", evidence("ev-other",
                othersUpload.body().toString()));
        Reply otherName = http.as("nhanvienvp").post("/api/objectives/" + OBJECTIVE + "/evidence", evidence("ev-renamed",
                new FileReference(ours.body().path("sha256").asString(), "Tên khác.pdf", (long) PDF.length, "application/pdf")));
        Reply notAHash = http.as("nhanvienvp").post("/api/objectives/" + OBJECTIVE + "/evidence", evidence("ev-bad",
                new FileReference("ABC", "Báo cáo.pdf", 10L, "application/pdf")));

        for (Reply notFound : List.of(unknown, otherOrganisations)) {
            assertThat(notFound.status()).as(notFound.raw()).isEqualTo(404);
            assertThat(notFound.text("code")).isEqualTo("FILE_NOT_FOUND");
            assertThat(notFound.text("field")).isEqualTo("file.sha256");
        }
        assertThat(otherName.status()).as(otherName.raw()).isEqualTo(422);
        assertThat(otherName.text("code")).isEqualTo("FILE_MISMATCH");
        assertThat(otherName.text("field")).isEqualTo("file.name");
        assertThat(notAHash.status()).isEqualTo(400);
        assertThat(notAHash.body().path("errors").get(0).path("field").asString()).isEqualTo("file.sha256");
        assertThat(notAHash.body().path("errors").get(0).path("rule").asString()).isEqualTo("Pattern");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void inADirectoryTheContentIsAFileNamedByItsHashAndTheDatabaseKeepsOnlyTheRecord(@TempDir Path directory) throws Exception {
        FileStore store = new FileStore(jdbc, transactions, Clock.systemUTC(), directory.toString());
        byte[] xlsx = withHead(new byte[] {'P', 'K', 3, 4}, "xl/workbook.xml Số liệu khảo sát");

        FileReference stored = store.store(() -> new java.io.ByteArrayInputStream(xlsx), xlsx.length, "Số liệu.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "SLDTBXH-HD", "nhanvienvp");
        store.store(() -> new java.io.ByteArrayInputStream(xlsx), xlsx.length, "Số liệu.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "SLDTBXH-HD", "nhanvienvp");

        assertThat(stored.sha256()).isEqualTo(sha256(xlsx));
        assertThat(Files.readAllBytes(directory.resolve(sha256(xlsx)))).isEqualTo(xlsx);
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(directory.resolve(sha256(xlsx)));
        }
        assertThat(jdbc.queryForMap("select size, content from files.stored_file where sha256 = ?", sha256(xlsx)))
                .containsEntry("size", (long) xlsx.length).containsEntry("content", null);
        assertThat(store.uploadsOf("SLDTBXH-HD", sha256(xlsx))).containsExactly(stored);
        assertThat(store.uploadsOf("SYT-HD", sha256(xlsx))).isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private record Answer(int status, JsonNode body, String raw) {
    }

    private static String evidence(String evidenceId, Object file) {
        String fileJson = file instanceof FileReference f ? """
                {"sha256": "%s", "name": "%s", "size": %d, "contentType": "%s"}""".formatted(f.sha256(), f.name(), f.size(), f.contentType())
                : file.toString();
        return """
                {"evidenceId": "%s", "occurrenceId": "I.6@2023-05-14",
                 "document": {"number": "512/BC-SLĐTBXH", "date": "2023-05-12", "issuer": "Văn phòng Sở", "title": "Báo cáo 6 tháng"},
                 "file": %s}""".formatted(evidenceId, fileJson);
    }

    private Answer upload(String user, String name, String contentType, byte[] content) throws Exception {
        String boundary = "----ql-test-boundary-7MA4YWxkTrZu0gW";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/files"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json, response.body());
    }

    private int storedFiles() {
        return jdbc.queryForObject("select (select count(*) from files.stored_file) + (select count(*) from files.upload)", Integer.class);
    }

    private int events() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Integer.class);
    }

    static byte[] withHead(byte[] head, String rest) {
        byte[] tail = rest.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
