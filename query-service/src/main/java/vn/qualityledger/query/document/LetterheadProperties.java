package vn.qualityledger.query.document;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the issued documents ({@code quality-ledger.reports.*}).
 *
 * @param letterheads per organisation code; an organisation without one is named as its directory records it, else by
 *                    its code, placed in {@link #DEFAULT_PLACE}
 */
@ConfigurationProperties("quality-ledger.reports")
public record LetterheadProperties(Map<String, Letterhead> letterheads) {

    /** The seed's place: the 2023 plan was issued in Hải Dương. */
    static final String DEFAULT_PLACE = "Hải Dương";

    public LetterheadProperties {
        letterheads = letterheads == null ? Map.of() : Map.copyOf(letterheads);
    }

    /**
     * The organisation's letterhead: what is configured, and where nothing is, the names its directory records
     * ({@code directoryName}, {@code directoryParent}, null when none), else its code.
     */
    public Letterhead letterhead(String organisationId, String directoryName, String directoryParent) {
        Letterhead configured = letterheads.get(organisationId);
        if (configured == null) {
            return new Letterhead(blankOr(directoryName, organisationId.toUpperCase(Locale.ROOT)), blankOr(directoryParent, ""),
                    DEFAULT_PLACE, organisationId, List.of("Lưu: VT."));
        }
        return new Letterhead(blankOr(configured.name(), blankOr(directoryName, organisationId)),
                blankOr(configured.parent(), blankOr(directoryParent, "")),
                blankOr(configured.place(), DEFAULT_PLACE), blankOr(configured.abbreviation(), organisationId),
                configured.recipients().isEmpty() ? List.of("Lưu: VT.") : configured.recipients());
    }

    private static String blankOr(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
