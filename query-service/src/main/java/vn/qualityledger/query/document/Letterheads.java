package vn.qualityledger.query.document;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.qualityledger.query.directory.DirectoryNames;

/**
 * The letterhead an organisation's documents (results reports, review minutes) are issued under: what is configured
 * ({@link LetterheadProperties}), and where nothing is, the names its directory records, else its code.
 */
@Component
public class Letterheads {

    private final LetterheadProperties configured;
    private final DirectoryNames names;

    public Letterheads(LetterheadProperties configured, DirectoryNames names) {
        this.configured = configured;
        this.names = names;
    }

    public Letterhead of(String organisationId) {
        Optional<DirectoryNames.OrganisationName> recorded = names.organisation(organisationId);
        return configured.letterhead(organisationId, recorded.map(DirectoryNames.OrganisationName::name).orElse(null),
                recorded.map(DirectoryNames.OrganisationName::parentName).orElse(null));
    }
}
