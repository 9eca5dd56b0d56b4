package vn.qualityledger.api.directory;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The names an organisation is known by were recorded: its own, its parent body's and its units'. Each event holds the
 * whole directory as of then (it replaces the one before); names are in Unicode NFC. A reader shows a code for which no
 * name was recorded as the code.
 *
 * @param directoryId    the organisation's directory stream ({@code directory-} followed by the organisation's code)
 * @param organisationId the organisation's code
 * @param name           the organisation's name ({@code Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương})
 * @param parentName     its parent body's name ({@code UBND tỉnh Hải Dương}); null when not known
 * @param units          its units with their names, each code once, in the order recorded
 */
@Revision("1")
public record OrganisationDirectoryRecordedEvent(OrganisationDirectoryId directoryId,
                                                 String organisationId,
                                                 @Size(max = 300) String name,
                                                 @Size(max = 300) String parentName,
                                                 List<DirectoryUnit> units) {
}
