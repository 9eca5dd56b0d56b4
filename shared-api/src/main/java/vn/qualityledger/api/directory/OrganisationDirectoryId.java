package vn.qualityledger.api.directory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.qualityledger.api.common.Ids;

/**
 * Identifies an organisation's directory (its name and its units' names), and so its event stream:
 * {@code directory-} followed by the organisation's code, one per organisation.
 * Serialized as its raw value; {@link #toString()} is that value, which is what Axon stores.
 */
public record OrganisationDirectoryId(String value) {

    private static final String PREFIX = "directory-";

    public OrganisationDirectoryId {
        Ids.requireValid(value, "OrganisationDirectoryId");
    }

    /** The directory of an organisation. */
    public static OrganisationDirectoryId forOrganisation(String organisationId) {
        return new OrganisationDirectoryId(PREFIX + organisationId);
    }

    @JsonCreator
    public static OrganisationDirectoryId of(String value) {
        return new OrganisationDirectoryId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
