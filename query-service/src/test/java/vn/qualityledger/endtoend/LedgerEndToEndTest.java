package vn.qualityledger.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.qualityledger.support.ledger.Checkpoint;
import vn.qualityledger.support.ledger.LedgerKeys;
import vn.qualityledger.support.ledger.LedgerVerification;
import vn.qualityledger.support.ledger.StreamExport;

/**
 * The ledger over events as command-service really writes them (through its tamper-evident storage engine): an
 * objective's export verifies against last checkpoint and this one with the published public key alone; a report issued
 * prints the checkpoint it was issued at.
 */
class LedgerEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OBJECTIVE = "SLDTBXH-HD.MTCL-2023-01";

    @Test
    void anAuditorVerifiesAnImportedObjectiveWithThePublishedKeyAlone() throws Exception {
        try (BothServices services = new BothServices("ql_test_ledger_e2e")) {
            services.post("thuky", "/api/plans", Files.readString(Path.of("..", "data", "mtcl-2023.json")), 201);
            RestClient queries = RestClient.create("http://localhost:" + services.queryPort());
            Checkpoint first = sign(services, queries);
            services.post("thuky", "/api/objectives/" + OBJECTIVE + "/assignments",
                    "{\"measureId\": \"I.6\", \"unit\": \"VP\", \"person\": \"Nguyễn Thị Hương\"}", 202);
            Checkpoint second = sign(services, queries);
            assertThat(second.treeSize()).isGreaterThan(first.treeSize());

            var key = LedgerKeys.publicKey(services.get("xem", "/api/ledger/public-key").get("publicKey").asString());
            StreamExport export = JSON.treeToValue(services.get("xem", "/api/ledger/streams/" + OBJECTIVE + "/export?consistentWith="
                    + first.treeSize()), StreamExport.class);

            var outcome = LedgerVerification.verify(List.of(key), List.of(first), export);
            assertThat(outcome.verified()).as(outcome.message()).isTrue();
            assertThat(export.events()).extracting(e -> e.event().stream()).containsOnly(OBJECTIVE);
            assertThat(export.checkpoint().treeSize()).isEqualTo(second.treeSize());

            // A report issued now prints the newest checkpoint, and its issued copy still prints that one once a newer exists.
            JsonNode issue = services.get("thuky", "/api/organisations/SLDTBXH-HD/years/2023/reports/results?kind=ANNUAL");
            assertThat(issue.path("checkpointTreeSize").asLong()).isEqualTo(second.treeSize());
            ((ObjectNode) issue).put("reportId", "SLDTBXH-HD.BC-LEDGER");
            services.post("thuky", "/api/reports/results", issue.toString(), 201);
            Checkpoint third = sign(services, queries);
            assertThat(third.treeSize()).as("the issue itself is a new leaf").isGreaterThan(second.treeSize());
            byte[] issued = queries.get().uri("/api/reports/SLDTBXH-HD.BC-LEDGER/results.docx")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("xem:demo".getBytes(StandardCharsets.UTF_8)))
                    .retrieve().body(byte[].class);
            try (var document = new XWPFDocument(new ByteArrayInputStream(issued))) {
                assertThat(document.getParagraphs().get(document.getParagraphs().size() - 1).getText()).isEqualTo(
                        "Điểm kiểm tra sổ cái: kích thước " + second.treeSize() + ", gốc " + Base64.getEncoder().encodeToString(second.rootHash())
                                + ", khóa " + second.keyId() + ", thời điểm " + second.timestamp());
            }
        }
    }

    /** Signs once the read side, the feed's outbox among it, holds every event: the leaves come from the outbox. */
    private static Checkpoint sign(BothServices services, RestClient queries) throws Exception {
        services.awaitReadSideCaughtUp();
        String body = queries.post().uri("/api/admin/ledger/checkpoints")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                .retrieve().body(String.class);
        return JSON.readValue(body, Checkpoint.class);
    }
}
