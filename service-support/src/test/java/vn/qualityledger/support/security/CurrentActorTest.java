package vn.qualityledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;

/** In OIDC mode the actor comes from the token's claims, under the claim names the deployment configured. */
class CurrentActorTest {

    private static Jwt token(Map<String, Object> claims) {
        return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }

    @Test
    void readsTheActorFromConfiguredClaimNames() {
        LedgerSecurityProperties properties = new LedgerSecurityProperties();
        properties.setClaims(new LedgerSecurityProperties.Claims("preferred_name", "realm_roles", "org", "department"));
        Jwt jwt = token(Map.of("sub", "u-42", "preferred_name", "Nguyễn Thị Thư", "realm_roles", List.of("iso_secretary", "offline_access"),
                "org", "SLDTBXH-HD", "department", "TK-ISO"));
        Actor actor = new CurrentActor(properties).fromJwt(jwt);
        assertThat(actor).isEqualTo(new Actor("u-42", "Nguyễn Thị Thư", List.of(Role.ISO_SECRETARY), "SLDTBXH-HD", "TK-ISO"));
    }

    @Test
    void acceptsRolesAsASpaceOrCommaSeparatedClaimAndIgnoresRolesItDoesNotKnow() {
        assertThat(CurrentActor.roles("QMR, auditor uma_authorization")).containsExactly(Role.QMR, Role.AUDITOR);
        assertThat(CurrentActor.roles(null)).isEmpty();
    }

    @Test
    void fallsBackToTheSubjectWhenTheTokenHasNoName() {
        Actor actor = new CurrentActor(new LedgerSecurityProperties()).fromJwt(token(Map.of("sub", "u-7", "roles", List.of("VIEWER"))));
        assertThat(actor.name()).isEqualTo("u-7");
        assertThat(actor.roles()).containsExactly(Role.VIEWER);
        assertThat(actor.organisation()).isNull();
    }
}
