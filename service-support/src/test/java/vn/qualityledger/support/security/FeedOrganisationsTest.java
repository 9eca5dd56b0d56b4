package vn.qualityledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;

/** The organisations whose event feed a user may read besides its own: from its settings, or from its token. */
class FeedOrganisationsTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aConfiguredUsersFeedOrganisationsBindFromItsSettingsAndDefaultToNone() {
        LedgerSecurityProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "quality-ledger.security.users[0].username", "kho-tinh",
                "quality-ledger.security.users[0].roles[0]", "FEED_CONSUMER",
                "quality-ledger.security.users[0].feed-organisations[0]", "so-ldtbxh-bt",
                "quality-ledger.security.users[0].feed-organisations[1]", "so-ldtbxh-vl",
                "quality-ledger.security.users[1].username", "thuky",
                "quality-ledger.security.users[1].roles[0]", "ISO_SECRETARY")))
                .bind("quality-ledger.security", LedgerSecurityProperties.class).get();

        assertThat(properties.getUsers().get(0).feedOrganisations()).containsExactly("so-ldtbxh-bt", "so-ldtbxh-vl");
        assertThat(properties.getUsers().get(1).feedOrganisations()).isEmpty();
    }

    @Test
    void readsTheGrantsOfASignedInConfiguredUser() {
        LedgerUser user = new LedgerUser("kho-tinh", "x", new Actor("kho-tinh", "Kho dữ liệu tỉnh", List.of(Role.FEED_CONSUMER), null, null),
                List.of("so-ldtbxh-bt"));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));

        assertThat(new CurrentActor(new LedgerSecurityProperties()).feedOrganisations()).containsExactly("so-ldtbxh-bt");
    }

    @Test
    void readsTheGrantsOfATokenFromTheConfiguredClaimAsAListOrASeparatedString() {
        LedgerSecurityProperties properties = new LedgerSecurityProperties();
        properties.setFeedOrganisationsClaim("feed_orgs");
        CurrentActor actors = new CurrentActor(properties);

        signIn(Map.of("sub", "kho", "feed_orgs", List.of("so-a", "so-b")));
        assertThat(actors.feedOrganisations()).containsExactly("so-a", "so-b");
        signIn(Map.of("sub", "kho", "feed_orgs", "so-a, so-b *"));
        assertThat(actors.feedOrganisations()).containsExactly("so-a", "so-b", "*");
        signIn(Map.of("sub", "kho", "feed_organisations", List.of("so-a")));
        assertThat(actors.feedOrganisations()).as("another claim name").isEmpty();
    }

    private static void signIn(Map<String, Object> claims) {
        Jwt jwt = new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
    }
}
