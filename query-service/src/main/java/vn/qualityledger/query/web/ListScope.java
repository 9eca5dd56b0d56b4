package vn.qualityledger.query.web;

/** The organisation a list read is filtered to, after the reader's access to what it names is checked. */
public final class ListScope {

    private ListScope() {
    }

    /**
     * Checks the reader may read the objective and the organisation named (either may be null) and answers the
     * organisation to filter by: the one named, or without one the reader's own (null for a province-level reader).
     */
    public static String organisation(ReadAccess access, String objectiveId, String organisationId) {
        if (objectiveId != null) {
            access.requireObjective(objectiveId);
        }
        if (organisationId != null) {
            access.requireOrganisation(organisationId);
            return organisationId;
        }
        return access.organisationScope(); // without a filter, a reader sees their own organisation
    }
}
