package vn.qualityledger.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import vn.qualityledger.support.security.LedgerSecurityProperties.User;

/**
 * HTTP Basic without a bcrypt hash per request: a username and password verified once are remembered, as an HMAC
 * under a key that lives only in this process, for a short time (a stolen memory dump yields no hash worth cracking
 * offline). A remembered pair is honoured only while the user's configuration is exactly what it was when the password
 * was verified: a changed password, role, organisation or unit, or a removed user, is checked afresh at once.
 * A wrong password is never remembered, so each costs its own hash.
 */
public class CachedPasswordAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider verifier;
    private final Function<String, Optional<User>> configuredUser;
    private final Cache<String, User> verified;
    private final SecretKeySpec processKey;

    public CachedPasswordAuthentication(DaoAuthenticationProvider verifier, Function<String, Optional<User>> configuredUser,
                                        Duration timeToLive, long maximumSize) {
        this.verifier = verifier;
        this.configuredUser = configuredUser;
        this.verified = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(maximumSize).build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.processKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        String key = key(username, credentials == null ? "" : credentials.toString());
        User before = configuredUser.apply(username).orElse(null);
        User remembered = verified.getIfPresent(key);
        if (remembered != null && remembered.equals(before)) {
            LedgerUser user = LedgerUser.of(before);
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }
        verified.invalidate(key);
        Authentication result = verifier.authenticate(authentication);
        // Remember only what was verified: the configuration must not have changed while the hash was checked.
        if (before != null && configuredUser.apply(username).filter(before::equals).isPresent()) {
            verified.put(key, before);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String key(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(processKey);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }
}
