package vn.qualityledger.web;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * Who signed in at the issuer (OIDC mode): the issuer's ID token, kept only for signing out there (RP-initiated logout
 * names it), and the session command-service answered for the user's access token, which is who the web shows and
 * calls as. Its authorities are the session's roles, not the token's claims.
 */
public final class OidcSessionUser extends DefaultOidcUser {

    private final SignedInUser signedIn;

    OidcSessionUser(SignedInUser signedIn, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken) {
        super(authorities, idToken);
        this.signedIn = signedIn;
    }

    public SignedInUser signedIn() {
        return signedIn;
    }

    @Override
    public String toString() {
        return "OidcSessionUser[" + signedIn.username() + "]"; // never a token in a log line
    }
}
