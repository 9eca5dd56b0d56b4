package vn.qualityledger.support.input;

import java.util.Set;

/**
 * What text a request may carry. Control characters are refused because they are never meant in a record people read,
 * and because PostgreSQL cannot store U+0000 in text at all: one accepted NUL stops every projection that reads it.
 * Lone UTF-16 surrogates (from JSON escapes such as {@code \ud800}) are not characters and cannot be encoded in UTF-8.
 */
public final class RequestText {

    /**
     * Fields that hold prose a person writes, where TAB, LF and CR are part of the text. Every other text field (codes,
     * ids, units, numbers of documents, names) is one line. Named here rather than annotated because the request types
     * of shared-api are also event payloads and carry no web concerns.
     */
    static final Set<String> MULTI_LINE_FIELDS = Set.of("statement", "reason", "note", "description", "criteria", "summary",
            "evidenceSeen", "correction", "rootCause", "observed", "question", "title", "text", "expectedEvidence",
            "evidence", "indicator", "source", "adhoc", "notes", "method");

    private RequestText() {
    }

    /** Why {@code text} cannot be accepted, or null when it can. */
    public static String violation(CharSequence text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate";
            }
            if (c == 0) {
                return "must not contain the NUL character";
            }
            if (isControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return multiLine ? "must not contain control characters other than tab and line breaks"
                        : "must not contain control characters or line breaks";
            }
        }
        return null;
    }

    /** C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F). */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    /**
     * Whether {@code text} is empty or only spaces: Java's whitespace and Unicode's space separators both, so that a
     * reason of no-break spaces (U+00A0, which {@link Character#isWhitespace} excludes) is as blank as one of spaces.
     */
    public static boolean isBlank(CharSequence text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == 0x200B || c == 0xFEFF); // zero-width space and BOM: invisible, no content
    }
}
