package vn.qualityledger.support.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;

/** The actor of the current request, whichever way its user was authenticated. */
public class CurrentActor {

    private final LedgerSecurityProperties.Claims claims;
    private final String feedOrganisationsClaim;

    public CurrentActor(LedgerSecurityProperties properties) {
        this.claims = properties.getClaims();
        this.feedOrganisationsClaim = properties.getFeedOrganisationsClaim();
    }

    public Optional<Actor> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof LedgerUser user) {
            return Optional.of(user.actor());
        }
        if (principal instanceof Jwt jwt) {
            return Optional.of(fromJwt(jwt));
        }
        return Optional.empty();
    }

    /** The API token the current request signed in with, if it did. */
    public Optional<ApiTokens.Token> token() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof LedgerUser user ? user.token() : Optional.empty();
    }

    /**
     * Organisations whose event feed the current user may read besides its own ({@code "*"}: every one): a configured
     * user's {@code feed-organisations}, or the JWT's feed claim (a list or a space/comma-separated string).
     */
    public List<String> feedOrganisations() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof LedgerUser user) {
            return user.feedOrganisations();
        }
        if (principal instanceof Jwt jwt && feedOrganisationsClaim != null) {
            return values(jwt.getClaim(feedOrganisationsClaim)).toList();
        }
        return List.of();
    }

    Actor fromJwt(Jwt jwt) {
        String name = jwt.getClaimAsString(claims.name());
        return new Actor(jwt.getSubject(), name == null ? jwt.getSubject() : name, roles(jwt.getClaim(claims.roles())),
                jwt.getClaimAsString(claims.organisation()), jwt.getClaimAsString(claims.unit()));
    }

    /** Roles we know, from a claim that is a list or a space/comma-separated string; others are ignored. */
    static List<Role> roles(Object claim) {
        return values(claim).map(String::toUpperCase)
                .filter(v -> java.util.Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(v)))
                .map(Role::valueOf).distinct().toList();
    }

    private static java.util.stream.Stream<String> values(Object claim) {
        Collection<?> values = claim instanceof Collection<?> list ? list
                : claim == null ? List.of() : List.of(claim.toString().split("[ ,]+"));
        return values.stream().map(Object::toString).map(String::trim).filter(v -> !v.isEmpty());
    }
}
