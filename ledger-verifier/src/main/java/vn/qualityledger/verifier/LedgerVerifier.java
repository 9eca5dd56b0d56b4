package vn.qualityledger.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.support.ledger.Checkpoint;
import vn.qualityledger.support.ledger.LedgerKeys;
import vn.qualityledger.support.ledger.LedgerVerification;
import vn.qualityledger.support.ledger.OrganisationExport;
import vn.qualityledger.support.ledger.StreamExport;

/**
 * The offline verifier:
 * <pre>
 * java -jar ledger-verifier.jar --public-key ledger.pem [--public-key old.pem …]
 *                               [--checkpoint checkpoint-1200-….json …] [--export export.json]
 *                               [--previous earlier-organisation-export.json]
 * </pre>
 * A public key is a PEM or base64 SubjectPublicKeyInfo file, or the JSON of {@code GET /api/ledger/public-key}; a
 * checkpoint the JSON the service writes to its checkpoint directory (or one element of
 * {@code GET /api/ledger/checkpoints}); an export the JSON of {@code GET /api/ledger/streams/{stream}/export} or of
 * {@code GET /api/ledger/organisations/{org}/export} (told apart by their {@code format}); {@code --previous} an
 * organisation's export the auditor saved earlier, every stream of which must still be in the new one.
 *
 * <p>Prints {@code verified: …} and exits 0, or {@code FAILED: …} naming the first checkpoint or event that fails and
 * exits 1; 2 for a usage error or an unreadable file.
 */
public final class LedgerVerifier {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private LedgerVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<PublicKey> keys = new ArrayList<>();
        List<Path> checkpointFiles = new ArrayList<>();
        Path exportFile = null;
        Path previousFile = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    return usage(err, option + " needs a file");
                }
                Path file = Path.of(args[++i]);
                switch (option) {
                    case "--public-key" -> keys.add(publicKey(file));
                    case "--checkpoint" -> checkpointFiles.add(file);
                    case "--export" -> exportFile = file;
                    case "--previous" -> previousFile = file;
                    default -> {
                        return usage(err, "unknown option " + option);
                    }
                }
            }
            if (keys.isEmpty() || (checkpointFiles.isEmpty() && exportFile == null)) {
                return usage(err, "give at least one --public-key, and --checkpoint or --export");
            }
            List<Checkpoint> checkpoints = new ArrayList<>();
            for (Path file : checkpointFiles) {
                Checkpoint checkpoint = JSON.readValue(Files.readAllBytes(file), Checkpoint.class);
                // Each file alone first, so that a failing one is named by its file.
                LedgerVerification.Outcome alone = LedgerVerification.verifyCheckpoints(keys, List.of(checkpoint));
                if (!alone.verified()) {
                    out.println("FAILED: " + file + ": " + alone.message());
                    return 1;
                }
                checkpoints.add(checkpoint);
            }
            if (previousFile != null && exportFile == null) {
                return usage(err, "--previous needs an organisation's --export to compare with");
            }
            LedgerVerification.Outcome outcome;
            if (exportFile == null) {
                outcome = LedgerVerification.verifyCheckpoints(keys, checkpoints);
            } else {
                byte[] export = Files.readAllBytes(exportFile);
                if (OrganisationExport.FORMAT.equals(JSON.readTree(export).path("format").asString())) {
                    OrganisationExport previous = previousFile == null ? null
                            : JSON.readValue(Files.readAllBytes(previousFile), OrganisationExport.class);
                    outcome = LedgerVerification.verify(keys, checkpoints, JSON.readValue(export, OrganisationExport.class), previous);
                } else if (previousFile != null) {
                    return usage(err, "--previous compares organisation exports; " + exportFile + " is one stream's");
                } else {
                    outcome = LedgerVerification.verify(keys, checkpoints, JSON.readValue(export, StreamExport.class));
                }
            }
            out.println(outcome.verified() ? outcome.message() : "FAILED: " + outcome.message());
            return outcome.verified() ? 0 : 1;
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            err.println("cannot read the input: " + e.getMessage());
            return 2;
        }
    }

    private static PublicKey publicKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.startsWith("{")) {
            text = JSON.readTree(text).path("publicKey").asString();
        }
        return LedgerKeys.publicKey(text);
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: java -jar ledger-verifier.jar --public-key FILE [--public-key FILE …] "
                + "[--checkpoint FILE …] [--export FILE] [--previous FILE]");
        return 2;
    }
}
