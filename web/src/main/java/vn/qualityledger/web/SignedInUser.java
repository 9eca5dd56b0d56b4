package vn.qualityledger.web;

import java.io.Serializable;
import java.util.List;

/**
 * Who is signed in, as command-service's {@code POST /api/sessions} answered: the session token every call to the
 * services carries, and the actor. Kept in the HTTP session; the password never is.
 */
public record SignedInUser(String username, String token, String actorId, String name, List<String> roles,
                           String organisation, String unit) implements Serializable {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Every role but the feed consumer reads dashboards; a province auditor reads every organisation's. */
    public boolean readsDashboards() {
        return roles.stream().anyMatch(role -> !role.equals("FEED_CONSUMER"));
    }

    public boolean readsEveryOrganisation() {
        return hasRole("PROVINCE_AUDITOR");
    }

    /** The province's roll-up: its auditors, and an administrator, who opens only their own organisation from it. */
    public boolean readsProvince() {
        return readsEveryOrganisation() || hasRole("ADMIN");
    }

    public boolean hasUnitWork() {
        return unit != null && !unit.isBlank() && organisation != null && !organisation.isBlank() && readsDashboards();
    }

    /** A working role of an organisation (not a reader): may file, review or assign something, as the plan says. */
    public boolean works() {
        return organisation != null && !organisation.isBlank()
                && roles.stream().anyMatch(role -> List.of("ADMIN", "ISO_SECRETARY", "QMR", "UNIT_HEAD", "STAFF").contains(role));
    }

    @Override
    public String toString() {
        return "SignedInUser[" + username + "]"; // never the token in a log line
    }
}
