package vn.qualityledger.command.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.support.security.ApiTokens;
import vn.qualityledger.support.security.ApiTokens.Token;
import vn.qualityledger.support.security.CurrentActor;

/**
 * API tokens for machine clients, issued and revoked by an administrator (ADMIN, like all of {@code /api/admin}),
 * within the administrator's own organisation. The token is in the answer to its issue and nowhere else.
 */
@RestController
@RequestMapping("/api/admin/tokens")
class ApiTokenController {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";

    /** What a token is for and whom it acts as; {@code validDays} defaults to 90. */
    record IssueToken(@NotBlank @Size(max = 200) String name,
                      @NotBlank @Pattern(regexp = ID) String actorId,
                      @Size(max = 200) String actorName,
                      @NotEmpty @Size(max = 10) List<@jakarta.validation.constraints.NotNull Role> roles,
                      @Pattern(regexp = ID) String organisation,
                      @Pattern(regexp = ID) String unit,
                      @Size(max = 50) List<@Pattern(regexp = ID + "|\\*") String> feedOrganisations,
                      @Min(1) @Max(366) Integer validDays) {
    }

    record TokenView(String id, String name, String actorId, String actorName, List<Role> roles, String organisation,
                     String unit, List<String> feedOrganisations, String issuedBy, Instant issuedAt, Instant expiresAt,
                     String revokedBy, Instant revokedAt, Instant lastUsedAt, boolean active) {

        static TokenView of(Token token) {
            Actor actor = token.actor();
            return new TokenView(token.id(), token.name(), actor.id(), actor.name(), actor.roles(), actor.organisation(),
                    actor.unit(), token.feedOrganisations(), token.issuedBy(), token.issuedAt(), token.expiresAt(),
                    token.revokedBy(), token.revokedAt(), token.lastUsedAt(), token.activeAt(Instant.now()));
        }
    }

    /** The answer to an issue: the token itself, shown this once. */
    record IssuedToken(String id, String token, Instant expiresAt) {
    }

    private final ApiTokens tokens;
    private final CurrentActor currentActor;

    ApiTokenController(ApiTokens tokens, CurrentActor currentActor) {
        this.tokens = tokens;
        this.currentActor = currentActor;
    }

    @PostMapping
    ResponseEntity<?> issue(@Valid @RequestBody IssueToken request) {
        Actor admin = currentActor.get().orElseThrow();
        String organisation = request.organisation() != null ? request.organisation() : admin.organisation();
        if (admin.organisation() != null && !admin.organisation().equals(organisation)) {
            return AccessProblems.of(HttpStatus.FORBIDDEN, "OTHER_ORGANISATION", "organisation",
                    "An administrator issues tokens for their own organisation only");
        }
        Actor actor = new Actor(request.actorId(), request.actorName() == null || request.actorName().isBlank()
                ? request.name() : request.actorName(), request.roles().stream().distinct().toList(), organisation, request.unit());
        Duration validity = Duration.ofDays(Objects.requireNonNullElse(request.validDays(), 90));
        ApiTokens.Issued issued = tokens.issue(request.name(), actor,
                request.feedOrganisations() == null ? List.of() : request.feedOrganisations(), validity, admin.id());
        return ResponseEntity.created(URI.create("/api/admin/tokens/" + issued.token().id()))
                .body(new IssuedToken(issued.token().id(), issued.secret(), issued.token().expiresAt()));
    }

    @GetMapping
    List<TokenView> list() {
        return tokens.list(currentActor.get().orElseThrow().organisation()).stream().map(TokenView::of).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<?> show(@PathVariable String id) {
        return visible(id).<ResponseEntity<?>>map(token -> ResponseEntity.ok(TokenView.of(token)))
                .orElseGet(() -> notFound(id));
    }

    /** Revoked at once in both services; revoking a revoked token again is accepted and changes nothing. */
    @PostMapping("/{id}/revocation")
    ResponseEntity<?> revoke(@PathVariable String id) {
        if (visible(id).isEmpty()) {
            return notFound(id);
        }
        tokens.revoke(id, currentActor.get().orElseThrow().id());
        return ResponseEntity.accepted().body(java.util.Map.of("id", id));
    }

    /** A token of another organisation is, to this administrator, no token at all. */
    private java.util.Optional<Token> visible(String id) {
        String organisation = currentActor.get().orElseThrow().organisation();
        return tokens.find(id).filter(token -> organisation == null || organisation.equals(token.actor().organisation()));
    }

    private static ResponseEntity<?> notFound(String id) {
        return AccessProblems.of(HttpStatus.NOT_FOUND, "TOKEN_NOT_FOUND", "id", "No API token " + id);
    }
}
