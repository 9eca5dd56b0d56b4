package vn.qualityledger.support.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.qualityledger.api.common.Role;

/**
 * How users are known: {@code BASIC}, users configured here with bcrypt password hashes (the embedded default), or
 * {@code OIDC}, JWTs of an OpenID Connect issuer (e.g. Keycloak) whose claims carry the user's name, roles,
 * organisation and unit under the configured claim names.
 */
@ConfigurationProperties("quality-ledger.security")
public class LedgerSecurityProperties {

    public enum Mode { BASIC, OIDC }

    /**
     * A configured user; {@code password} is a bcrypt hash. {@code feedOrganisations}: organisations whose event feed
     * the user may read besides its own ({@code "*"}: every organisation), for a province-level consumer.
     */
    public record User(String username, String password, String name, List<Role> roles, String organisation, String unit,
                       List<String> feedOrganisations) {

        public User {
            feedOrganisations = feedOrganisations == null ? List.of() : List.copyOf(feedOrganisations);
        }
    }

    /** Claim names in OIDC mode. */
    public record Claims(String name, String roles, String organisation, String unit) {
    }

    private Mode mode = Mode.BASIC;
    private List<User> users = new ArrayList<>();
    private Claims claims = new Claims("name", "roles", "organisation", "unit");
    /** OIDC: the claim listing the organisations whose feed the user may read besides its own (see {@link User}). */
    private String feedOrganisationsClaim = "feed_organisations";
    /** How long a verified HTTP Basic password is remembered (see {@link CachedPasswordAuthentication}). */
    private Duration credentialCacheTtl = Duration.ofMinutes(5);

    /** The configured user of this name, as the configuration says now. */
    public Optional<User> user(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    public Duration getCredentialCacheTtl() {
        return credentialCacheTtl;
    }

    public void setCredentialCacheTtl(Duration credentialCacheTtl) {
        this.credentialCacheTtl = credentialCacheTtl;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    public Claims getClaims() {
        return claims;
    }

    public void setClaims(Claims claims) {
        this.claims = claims;
    }

    public String getFeedOrganisationsClaim() {
        return feedOrganisationsClaim;
    }

    public void setFeedOrganisationsClaim(String feedOrganisationsClaim) {
        this.feedOrganisationsClaim = feedOrganisationsClaim;
    }
}
