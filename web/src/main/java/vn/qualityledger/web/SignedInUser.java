package vn.qualityledger.web;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is signed in, as command-service's {@code POST /api/sessions} answered: the session token every call to the
 * services carries, and the actor. Kept in the HTTP session; the password never is.
 */
public record SignedInUser(String username, String token, String actorId, String name, List<String> roles,
                           String organisation, String unit) implements Serializable {

    /** Who the current request is signed in as, however they signed in (the form, or the issuer in OIDC mode). */
    public static Optional<SignedInUser> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** Who an authentication is signed in as: the form's principal itself, or the one an OIDC sign-in holds. */
    public static Optional<SignedInUser> of(Authentication authentication) {
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof SignedInUser user) {
            return Optional.of(user);
        }
        if (principal instanceof OidcSessionUser oidc) {
            return Optional.of(oidc.signedIn());
        }
        return Optional.empty();
    }

    /** The session's roles as Spring Security's authorities (ROLE_…), whichever way the user signed in. */
    public List<GrantedAuthority> authorities() {
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

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
