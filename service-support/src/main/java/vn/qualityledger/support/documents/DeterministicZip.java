package vn.qualityledger.support.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites an OOXML container (a zip) so that the same content always gives the same bytes: query-service's
 * results reports and XLSX exports, command-service's plan workbook template. POI's zip writer stamps every entry with the current time, so two generations of
 * one report differed in their entry headers alone. The
 * rewrite keeps the entries and their order, gives every entry the same time and drops extra fields; entries are
 * stored, not deflated, so that the bytes do not depend on the zlib the JVM happens to bundle either.
 */
public final class DeterministicZip {

    /**
     * Every entry's time, as a local time: no time zone enters the bytes. Not the DOS epoch (1980-01-01 00:00), which
     * the JDK takes for "before 1980" and writes as an extended timestamp converted with the machine's time zone.
     */
    public static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private DeterministicZip() {
    }

    public static byte[] normalise(byte[] zip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length * 3);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream rewritten = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(content);
                ZipEntry fixed = new ZipEntry(entry.getName());
                fixed.setMethod(ZipEntry.STORED);
                fixed.setSize(content.length);
                fixed.setCompressedSize(content.length);
                fixed.setCrc(crc.getValue());
                fixed.setTimeLocal(ENTRY_TIME);
                rewritten.putNextEntry(fixed);
                rewritten.write(content);
                rewritten.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not rewrite the document's container", e);
        }
        return out.toByteArray();
    }
}
