package vn.qualityledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.qualityledger.support.ledger.Checkpoint;
import vn.qualityledger.support.ledger.LedgerKeys;
import vn.qualityledger.support.ledger.OrganisationExport;
import vn.qualityledger.support.ledger.StreamExport;
import vn.qualityledger.support.ledger.TestLedger;

/** The verifier run as its own process (a JVM with nothing but its classpath) on files, as an auditor runs it. */
class LedgerVerifierProcessTest {

    private static final KeyPair KEY = LedgerKeys.generate();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final TestLedger ledger = new TestLedger();

    LedgerVerifierProcessTest() {
        for (int i = 0; i < 40; i++) {
            ledger.append("SLDTBXH-HD.MTCL-2023-0" + (i % 4), "{\"statement\":\"Mục tiêu " + i + "\"}");
        }
    }

    @Test
    void saysVerifiedForAnUntouchedExportAndLastYearsCheckpoint() throws Exception {
        Path key = write("ledger.pem", LedgerKeys.publicKeyPem(KEY.getPublic()));
        Path lastYear = writeJson("checkpoint-16.json", ledger.checkpoint(KEY, 16));
        Path export = writeJson("export.json", ledger.export("SLDTBXH-HD.MTCL-2023-01", ledger.checkpoint(KEY, 40), 16));

        Result result = verifier("--public-key", key, "--checkpoint", lastYear, "--export", export);

        assertThat(result.output()).startsWith("verified: 10 events of stream SLDTBXH-HD.MTCL-2023-01");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void namesTheEventWhosePayloadWasAlteredInTheExport() throws Exception {
        Path key = write("ledger.pem", LedgerKeys.publicKeyPem(KEY.getPublic()));
        StreamExport export = ledger.export("SLDTBXH-HD.MTCL-2023-02", ledger.checkpoint(KEY, 40));
        ObjectNode tree = (ObjectNode) JSON.valueToTree(export);
        ((ObjectNode) tree.get("events").get(4).get("event")).put("payload",
                java.util.Base64.getEncoder().encodeToString("{\"statement\":\"Đã sửa\"}".getBytes(StandardCharsets.UTF_8)));
        Path file = dir.resolve("export.json");
        Files.write(file, JSON.writeValueAsBytes(tree));

        Result result = verifier("--public-key", key, "--export", file);

        assertThat(result.output()).startsWith("FAILED: event ").contains("sequence 4", "does not match the ledger");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void namesAStreamTruncatedAfterTheCheckpoint() throws Exception {
        Path key = write("ledger.pem", LedgerKeys.publicKeyPem(KEY.getPublic()));
        StreamExport full = ledger.export("SLDTBXH-HD.MTCL-2023-03", ledger.checkpoint(KEY, 40));
        StreamExport cut = new StreamExport(full.format(), full.stream(), full.checkpoint(), full.head(), full.headIndex(),
                full.headProof(), full.events().subList(0, 6), full.consistency());

        Result result = verifier("--public-key", key, "--export", writeJson("export.json", cut));

        assertThat(result.output()).contains("from sequence 6 on are missing (truncated)");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void namesAForkWhenTheAuditorHoldsTwoCheckpointsOfOneSize() throws Exception {
        Path key = write("ledger.pem", LedgerKeys.publicKeyPem(KEY.getPublic()));
        TestLedger rewritten = new TestLedger();
        for (int i = 0; i < 40; i++) {
            rewritten.append("SLDTBXH-HD.MTCL-2023-0" + (i % 4), "{\"statement\":\"Mục tiêu " + (i == 9 ? "?" : i) + "\"}");
        }
        Path honest = writeJson("a.json", ledger.checkpoint(KEY, 30));
        Path forked = writeJson("b.json", rewritten.checkpoint(KEY, 30));

        Result result = verifier("--public-key", key, "--checkpoint", honest, "--checkpoint", forked);

        assertThat(result.output()).startsWith("FAILED: fork:");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void namesTheCheckpointFileThatWasRewrittenAndVerifiesOldOnesWithTheOldKeyAfterARotation() throws Exception {
        KeyPair next = LedgerKeys.generate();
        Path oldKey = write("old.pem", LedgerKeys.publicKeyBase64(KEY.getPublic()));
        Path newKey = write("new.json", "{\"keyId\":\"" + LedgerKeys.keyId(next.getPublic()) + "\",\"publicKey\":\""
                + LedgerKeys.publicKeyBase64(next.getPublic()) + "\"}");
        Checkpoint old = ledger.checkpoint(KEY, 20);
        Path export = writeJson("export.json", ledger.export("SLDTBXH-HD.MTCL-2023-00", ledger.checkpoint(next, 40), 20));

        assertThat(verifier("--public-key", oldKey, "--public-key", newKey, "--checkpoint", writeJson("old.json", old),
                "--export", export).exitCode()).isZero();

        Checkpoint rewritten = new Checkpoint(old.origin(), old.treeSize(), ledger.checkpoint(KEY, 21).rootHash(), old.streamCount(),
                old.streamsRoot(), old.timestamp(), old.keyId(), old.signature());
        Path file = writeJson("rewritten.json", rewritten);
        Result result = verifier("--public-key", oldKey, "--public-key", newKey, "--checkpoint", file, "--export", export);
        assertThat(result.output()).startsWith("FAILED: " + file).contains("signature does not hold");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void verifiesAnOrganisationsExportAndNamesAStreamRemovedSinceTheExportTheAuditorHeld() throws Exception {
        Path key = write("ledger.pem", LedgerKeys.publicKeyPem(KEY.getPublic()));
        Path earlier = writeJson("earlier.json", ledger.organisationExport("SLDTBXH-HD", ledger.checkpoint(KEY, 20)));
        OrganisationExport full = ledger.organisationExport("SLDTBXH-HD", ledger.checkpoint(KEY, 40), 20);

        Result result = verifier("--public-key", key, "--export", writeJson("export.json", full), "--previous", earlier);
        assertThat(result.output()).startsWith("verified: 4 streams (40 events) of organisation SLDTBXH-HD");
        assertThat(result.exitCode()).isZero();

        // The file leaves a stream out: every stream in it verifies, but the auditor's earlier export had it.
        OrganisationExport removed = new OrganisationExport(full.format(), full.organisation(), full.checkpoint(),
                full.streams().stream().filter(s -> !s.stream().equals("SLDTBXH-HD.MTCL-2023-02")).toList());
        Path file = writeJson("removed.json", removed);
        assertThat(verifier("--public-key", key, "--export", file).exitCode()).as("alone, a left-out stream cannot be seen").isZero();
        result = verifier("--public-key", key, "--export", file, "--previous", earlier);
        assertThat(result.output()).startsWith("FAILED: stream SLDTBXH-HD.MTCL-2023-02: in the earlier export").contains("missing from this one");
        assertThat(result.exitCode()).isEqualTo(1);

        // Deleted with its leaves before the next checkpoint was signed: that checkpoint no longer extends the earlier one.
        TestLedger without = new TestLedger();
        ledger.events.stream().filter(e -> !e.stream().equals("SLDTBXH-HD.MTCL-2023-02"))
                .forEach(e -> without.append(e.stream(), new String(e.payload(), StandardCharsets.UTF_8)));
        OrganisationExport rebuilt = without.organisationExport("SLDTBXH-HD", without.checkpoint(KEY, 30), 20);
        result = verifier("--public-key", key, "--export", writeJson("rebuilt.json", rebuilt), "--previous", earlier);
        assertThat(result.output()).startsWith("FAILED: ").contains("is not a prefix of");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    private record Result(int exitCode, String output) {
    }

    private Result verifier(Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LedgerVerifier.class.getName()));
        for (Object arg : args) {
            command.add(arg.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path writeJson(String name, Object value) throws IOException {
        return Files.write(dir.resolve(name), JSON.writeValueAsBytes(value));
    }
}
