package vn.qualityledger.support.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import vn.qualityledger.api.common.Actor;

/** A configured user, carrying the actor its requests act as. */
public class LedgerUser extends User {

    private final Actor actor;
    private final List<String> feedOrganisations;
    /** The API token the request signed in with; null for a password or a JWT. */
    private final ApiTokens.Token token;

    public LedgerUser(String username, String passwordHash, Actor actor) {
        this(username, passwordHash, actor, List.of());
    }

    public LedgerUser(String username, String passwordHash, Actor actor, List<String> feedOrganisations) {
        this(username, passwordHash, actor, feedOrganisations, null);
    }

    private LedgerUser(String username, String passwordHash, Actor actor, List<String> feedOrganisations, ApiTokens.Token token) {
        super(username, passwordHash, actor.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.actor = actor;
        this.feedOrganisations = List.copyOf(feedOrganisations);
        this.token = token;
    }

    /** The user an API token acts as. */
    static LedgerUser of(ApiTokens.Token token) {
        return new LedgerUser(token.actor().id(), "", token.actor(), token.feedOrganisations(), token);
    }

    /** The API token this user signed in with, if any. */
    public java.util.Optional<ApiTokens.Token> token() {
        return java.util.Optional.ofNullable(token);
    }

    /** The signed-in form of a configured user; a new one per sign-in, as Spring erases the credentials it checked. */
    public static LedgerUser of(LedgerSecurityProperties.User user) {
        return new LedgerUser(user.username(), user.password(), new Actor(user.username(), user.name(), user.roles(),
                user.organisation(), user.unit()), user.feedOrganisations());
    }

    public Actor actor() {
        return actor;
    }

    /** Organisations whose event feed this user may read besides its own; {@code "*"} for every organisation. */
    public List<String> feedOrganisations() {
        return feedOrganisations;
    }

}
