package vn.qualityledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.support.security.LedgerSecurityProperties.User;

/** The verified-credential cache: one bcrypt hash per user and password, and none for a configuration it no longer matches. */
class CachedPasswordAuthenticationTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger hashesChecked = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashesChecked.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final Map<String, User> configured = new ConcurrentHashMap<>();
    private final CachedPasswordAuthentication authentication;

    CachedPasswordAuthenticationTest() {
        configured.put("thuky", user("demo", List.of(Role.ISO_SECRETARY)));
        DaoAuthenticationProvider verifier = new DaoAuthenticationProvider(username -> Optional.ofNullable(configured.get(username))
                .map(LedgerUser::of).orElseThrow(() -> new UsernameNotFoundException(username)));
        verifier.setPasswordEncoder(counting);
        authentication = new CachedPasswordAuthentication(verifier, username -> Optional.ofNullable(configured.get(username)),
                Duration.ofMinutes(5), 100);
    }

    private User user(String password, List<Role> roles) {
        return new User("thuky", bcrypt.encode(password), "Nguyễn Thị Thư", roles, "SLDTBXH-HD", "TK-ISO", List.of());
    }

    private Authentication signIn(String password) {
        return authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("thuky", password));
    }

    @Test
    void checksAPasswordHashOnceThenRemembersIt() {
        for (int i = 0; i < 5; i++) {
            Authentication result = signIn("demo");
            assertThat(result.isAuthenticated()).isTrue();
            assertThat(((LedgerUser) result.getPrincipal()).actor().organisation()).isEqualTo("SLDTBXH-HD");
        }
        assertThat(hashesChecked).hasValue(1);
    }

    @Test
    void neverRemembersAWrongPassword() {
        signIn("demo");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn("sai")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(hashesChecked).hasValue(4);
    }

    @Test
    void refusesTheOldPasswordAtOnceWhenThePasswordChanges() {
        signIn("demo");
        configured.put("thuky", user("mới", List.of(Role.ISO_SECRETARY)));
        assertThatThrownBy(() -> signIn("demo")).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn("mới").isAuthenticated()).isTrue();
    }

    @Test
    void actsWithTheNewRolesAtOnceWhenTheRolesChange() {
        signIn("demo");
        User changed = new User("thuky", configured.get("thuky").password(), "Nguyễn Thị Thư", List.of(Role.VIEWER), "SLDTBXH-HD", "TK-ISO", List.of());
        configured.put("thuky", changed);
        Authentication result = signIn("demo");
        assertThat(((LedgerUser) result.getPrincipal()).actor().roles()).containsExactly(Role.VIEWER);
        assertThat(hashesChecked).hasValue(2);
    }

    @Test
    void refusesARemovedUserAtOnce() {
        signIn("demo");
        configured.remove("thuky");
        assertThatThrownBy(() -> signIn("demo")).isInstanceOf(BadCredentialsException.class);
    }
}
