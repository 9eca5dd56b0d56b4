package vn.qualityledger.support.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import vn.qualityledger.api.common.Actor;

/** A configured user, carrying the actor its requests act as. */
public class LedgerUser extends User {

    private final Actor actor;

    public LedgerUser(String username, String passwordHash, Actor actor) {
        super(username, passwordHash, actor.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.actor = actor;
    }

    public Actor actor() {
        return actor;
    }

}
