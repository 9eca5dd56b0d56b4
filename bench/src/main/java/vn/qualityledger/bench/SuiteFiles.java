package vn.qualityledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the replica and restore suites share before they start: the project root they are run in, and empty log folders. */
final class SuiteFiles {

    private SuiteFiles() {
    }

    /** The {@code --root DIR} argument (default: the working directory); anything else ends the process with a usage line. */
    static Path root(String[] args, String suite) {
        Path root = Path.of(".").toAbsolutePath().normalize();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--root") && i + 1 < args.length) {
                root = Path.of(args[++i]).toAbsolutePath().normalize();
            } else {
                System.err.println("usage: " + suite + " [--root DIR]");
                System.exit(2);
            }
        }
        return root;
    }

    /** The folder, created if missing and emptied of an earlier run's logs. */
    static Path freshLogs(Path logs) throws IOException {
        Files.createDirectories(logs);
        try (Stream<Path> old = Files.list(logs)) {
            for (Path log : old.toList()) {
                Files.delete(log);
            }
        }
        return logs;
    }
}
