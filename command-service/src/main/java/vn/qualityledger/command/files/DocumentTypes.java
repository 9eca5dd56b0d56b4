package vn.qualityledger.command.files;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of file an agency files as evidence, and how each is recognised: by its name's extension, a declared type
 * that agrees with it (or says nothing: {@code application/octet-stream}), and the first bytes of the content, so that
 * a renamed executable or web page is not stored as a PDF. The stored type is the one of the list, whatever the
 * client declared.
 */
final class DocumentTypes {

    /** An allowed type: its media type, the extensions it goes by, and the bytes every such file begins with. */
    record DocumentType(String contentType, List<String> extensions, byte[] magic) {

        boolean begins(byte[] head) {
            return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
        }
    }

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    /** Word 97-2003 and Excel 97-2003 files are OLE2 compound documents. */
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    /** OOXML (docx, xlsx) and OpenDocument (odt, ods) files are ZIP archives. */
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    static final List<DocumentType> ALLOWED = List.of(
            new DocumentType("application/pdf", List.of("pdf"), PDF),
            new DocumentType("application/msword", List.of("doc"), OLE2),
            new DocumentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"), ZIP),
            new DocumentType("application/vnd.ms-excel", List.of("xls"), OLE2),
            new DocumentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"), ZIP),
            new DocumentType("application/vnd.oasis.opendocument.text", List.of("odt"), ZIP),
            new DocumentType("application/vnd.oasis.opendocument.spreadsheet", List.of("ods"), ZIP),
            new DocumentType("image/jpeg", List.of("jpg", "jpeg"), JPEG),
            new DocumentType("image/png", List.of("png"), PNG));

    /** How many bytes of the content {@link #of} needs to see. */
    static final int HEAD_LENGTH = 8;

    /** Types browsers and clients declare for these files besides the proper one. */
    private static final Map<String, List<String>> ALSO_DECLARED = Map.of(
            "image/jpeg", List.of("image/jpg", "image/pjpeg"),
            "application/vnd.ms-excel", List.of("application/excel", "application/x-excel"));

    private DocumentTypes() {
    }

    static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static Optional<DocumentType> byExtension(String name) {
        String extension = extensionOf(name);
        return ALLOWED.stream().filter(t -> t.extensions().contains(extension)).findFirst();
    }

    /** Whether a client's declared type (null, blank or octet-stream: none) agrees with the type the name says. */
    static boolean agrees(DocumentType type, String declared) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String bare = declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return bare.equals("application/octet-stream") || bare.equals(type.contentType())
                || ALSO_DECLARED.getOrDefault(type.contentType(), List.of()).contains(bare);
    }

    static String allowedList() {
        return String.join(", ", ALLOWED.stream().flatMap(t -> t.extensions().stream()).toList());
    }
}
