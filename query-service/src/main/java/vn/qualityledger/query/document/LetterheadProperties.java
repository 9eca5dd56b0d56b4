package vn.qualityledger.query.document;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the issued documents ({@code quality-ledger.reports.*}).
 *
 * @param letterheads per organisation code; an organisation without one is named by its code, placed in
 *                    {@link #DEFAULT_PLACE}
 */
@ConfigurationProperties("quality-ledger.reports")
public record LetterheadProperties(Map<String, Letterhead> letterheads) {

    /** The seed's place: the 2023 plan was issued in Hải Dương. */
    static final String DEFAULT_PLACE = "Hải Dương";

    public LetterheadProperties {
        letterheads = letterheads == null ? Map.of() : Map.copyOf(letterheads);
    }

    public Letterhead letterhead(String organisationId) {
        Letterhead configured = letterheads.get(organisationId);
        if (configured == null) {
            return new Letterhead(organisationId.toUpperCase(Locale.ROOT), "", DEFAULT_PLACE, organisationId, List.of("Lưu: VT."));
        }
        return new Letterhead(blankOr(configured.name(), organisationId), blankOr(configured.parent(), ""),
                blankOr(configured.place(), DEFAULT_PLACE), blankOr(configured.abbreviation(), organisationId),
                configured.recipients().isEmpty() ? List.of("Lưu: VT.") : configured.recipients());
    }

    private static String blankOr(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
