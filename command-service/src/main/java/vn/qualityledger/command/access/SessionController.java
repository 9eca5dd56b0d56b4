package vn.qualityledger.command.access;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.support.security.ApiTokens;
import vn.qualityledger.support.security.CurrentActor;

/**
 * Sign-in sessions for the web application: a user who signs in with their password gets a token that acts as
 * them, and only them, for a working day ({@code quality-ledger.security.session-validity}); signing out revokes it.
 * The web application keeps the token, never the password, and each of its calls costs a digest lookup, not a hash.
 */
@RestController
@RequestMapping("/api/sessions")
class SessionController {

    /** Who is signed in, and the token their session calls with (shown once, in the answer to sign-in). */
    record Session(String id, String token, Instant expiresAt, String actorId, String actorName, List<Role> roles,
                   String organisation, String unit, List<String> feedOrganisations) {
    }

    private final ApiTokens tokens;
    private final CurrentActor currentActor;
    private final Duration validity;

    SessionController(ApiTokens tokens, CurrentActor currentActor,
                      @Value("${quality-ledger.security.session-validity:PT12H}") Duration validity) {
        this.tokens = tokens;
        this.currentActor = currentActor;
        this.validity = validity;
    }

    /** Signs in: the caller authenticated with their password (or a JWT); a session token acting as them is issued. */
    @PostMapping
    ResponseEntity<?> signIn() {
        Actor actor = currentActor.get().orElseThrow();
        if (currentActor.token().isPresent()) {
            // A token does not beget sessions: a stolen token must not outlive its own expiry or revocation.
            return AccessProblems.of(HttpStatus.FORBIDDEN, "SIGN_IN_WITH_PASSWORD", null, "Sign in with a password, not a token");
        }
        List<String> feedOrganisations = currentActor.feedOrganisations();
        ApiTokens.Issued issued = tokens.issue(ApiTokens.SESSION_NAME, actor, feedOrganisations, validity, actor.id());
        // Its read is /current with the new token (command-service's own path: sessions are not projected)
        return ResponseEntity.created(URI.create("/api/sessions/current"))
                .body(new Session(issued.token().id(), issued.secret(), issued.token().expiresAt(), actor.id(), actor.name(),
                        actor.roles(), actor.organisation(), actor.unit(), feedOrganisations));
    }

    /** Who the current credential acts as. */
    @GetMapping("/current")
    Map<String, Object> current() {
        Actor actor = currentActor.get().orElseThrow();
        return Map.of("actorId", actor.id(), "actorName", actor.name(), "roles", actor.roles(),
                "organisation", actor.organisation() == null ? "" : actor.organisation(), "unit", actor.unit() == null ? "" : actor.unit());
    }

    /** Signs out: the session token of this request is revoked at once. */
    @PostMapping("/current/revocation")
    ResponseEntity<?> signOut() {
        ApiTokens.Token session = currentActor.token().filter(ApiTokens.Token::isSession).orElse(null);
        if (session == null) {
            return AccessProblems.of(HttpStatus.CONFLICT, "NOT_A_SESSION", null, "This request was not signed in with a session token");
        }
        tokens.revoke(session.id(), currentActor.get().orElseThrow().id());
        return ResponseEntity.accepted().body(Map.of("id", session.id()));
    }
}
