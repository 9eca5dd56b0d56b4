package vn.qualityledger.api.directory;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the names an organisation is known by: its own, its parent body's and its units'. The directory is recorded
 * whole; the same content again stores nothing, and other names are recorded as a new event (a rename is history).
 *
 * @param directoryId    the organisation's directory, {@link OrganisationDirectoryId#forOrganisation}
 * @param organisationId the organisation's code
 * @param name           the organisation's name
 * @param parentName     its parent body's name; null when not known
 * @param units          its units with their names, each code once
 */
public record RecordOrganisationDirectoryCommand(@TargetAggregateIdentifier OrganisationDirectoryId directoryId,
                                                 String organisationId, String name, String parentName,
                                                 List<DirectoryUnit> units) {

    /** The command for an organisation's own directory stream. */
    public static RecordOrganisationDirectoryCommand of(String organisationId, String name, String parentName,
                                                        List<DirectoryUnit> units) {
        return new RecordOrganisationDirectoryCommand(OrganisationDirectoryId.forOrganisation(organisationId), organisationId,
                name, parentName, units);
    }
}
