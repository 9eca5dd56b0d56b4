package vn.qualityledger.api.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The committed contract files, read and written in the source tree (the tests run in the module's directory), so a
 * generating run ({@code -Dcontract.write=true}) leaves files to commit rather than copies under target/.
 */
final class ContractFiles {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final boolean WRITE = Boolean.getBoolean("contract.write");
    static final String REGENERATE = "mvn -pl shared-api test -Dtest='EventSchemaTest,AsyncApiDocumentTest' -Dcontract.write=true";

    private ContractFiles() {
    }

    static Path schemaFile(Class<?> eventType, String revision) {
        return RESOURCES.resolve(EventContract.schemaPath(EventContract.typeName(eventType), revision));
    }

    /** Every committed schema file, relative to the resources folder, with '/' separators. */
    static List<String> committedSchemas() {
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("schemas"))) {
            return files.filter(Files::isRegularFile).map(f -> RESOURCES.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
