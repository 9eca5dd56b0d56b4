package vn.qualityledger.support.input;

import java.text.Normalizer;
import java.util.Set;

/**
 * What text a request may carry, and in which form it is kept. Control characters are refused because they are never
 * meant in a record people read, and because PostgreSQL cannot store U+0000 in text at all: one accepted NUL stops every
 * projection that reads it. Lone UTF-16 surrogates (from JSON escapes such as {@code \ud800}) are not characters and
 * cannot be encoded in UTF-8.
 * <p>
 * What is accepted is kept in Unicode NFC without surrounding spaces ({@link #normalised}): Vietnamese typed on one
 * keyboard arrives precomposed ("ở", U+1EDF) and on another decomposed ("o" + U+031B + U+0309); both look the same, so
 * both must be the same text, or a retry of the same request compares unequal to what was stored.
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

    /**
     * The most characters (UTF-16 units, as {@code @Size} counts them) any one text of a request may have, whatever its
     * field: above the largest {@code @Size} of any request field, a bound for the fields that have none.
     */
    public static final int MAX_LENGTH = 10_000;

    private RequestText() {
    }

    /**
     * The text as it is kept and compared: in NFC, without leading or trailing spaces of any kind (those {@link #isBlank}
     * knows, line breaks included). Spaces and line breaks inside the text stay as they are.
     */
    public static String normalised(String text) {
        String composed = composed(text);
        int start = 0;
        int end = composed.length();
        while (start < end && isSpace(composed.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(composed.charAt(end - 1))) {
            end--;
        }
        return composed.substring(start, end);
    }

    /** The text in NFC, and nothing else changed. */
    public static String composed(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
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
        return text.codePoints().allMatch(RequestText::isSpace);
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == 0x200B || c == 0xFEFF; // zero-width space and BOM: invisible, no content
    }
}
