package vn.qualityledger.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;

/**
 * API tokens of machine clients: 256 random bits behind the prefix {@value #PREFIX}, stored only as their SHA-256
 * (table {@code identity.api_token}), each acting as one actor (an organisation, roles, a unit) until it expires or is
 * revoked. A presented token is looked up by the digest of the whole token, so how long a wrong token's prefix
 * matched a real one changes nothing in what is compared; the stored digest is then compared in constant time.
 */
public class ApiTokens {

    public static final String PREFIX = "qlt_";
    /** The name of the tokens of sign-in sessions (the web application's), as against tokens an administrator issued. */
    public static final String SESSION_NAME = "Phiên đăng nhập";
    /** How often a token's last use is written: a read path should not write a row on every request. */
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as an administrator sees it; never its secret. */
    public record Token(String id, String name, Actor actor, List<String> feedOrganisations, String issuedBy,
                        Instant issuedAt, Instant expiresAt, String revokedBy, Instant revokedAt, Instant lastUsedAt) {

        public boolean isSession() {
            return SESSION_NAME.equals(name);
        }

        public boolean activeAt(Instant instant) {
            return revokedAt == null && instant.isBefore(expiresAt);
        }
    }

    /** A newly issued token: {@code secret} is shown this once and kept nowhere. */
    public record Issued(Token token, String secret) {
    }

    private final Supplier<JdbcTemplate> database;
    private final Clock clock;

    /** @param database resolved at first use: a web slice test has the security chain but no database */
    public ApiTokens(Supplier<JdbcTemplate> database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Issued issue(String name, Actor actor, List<String> feedOrganisations, Duration validity, String issuedBy) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        Token token = new Token("tok-" + UUID.randomUUID(), name, actor, List.copyOf(feedOrganisations), issuedBy, now,
                now.plus(validity), null, null, null);
        database.get().update("""
                INSERT INTO identity.api_token (id, name, token_hash, actor_id, actor_name, roles, organisation, unit,
                    feed_organisations, issued_by, issued_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                token.id(), name, digest(secret), actor.id(), actor.name(),
                String.join(",", actor.roles().stream().map(Role::name).toList()), actor.organisation(), actor.unit(),
                String.join(",", token.feedOrganisations()), issuedBy, Timestamp.from(now), Timestamp.from(token.expiresAt()));
        return new Issued(token, secret);
    }

    /** Every token of an organisation (all tokens for null), newest first. */
    public List<Token> list(String organisation) {
        return organisation == null
                ? database.get().query(SELECT + " ORDER BY issued_at DESC, id", (rs, i) -> token(rs))
                : database.get().query(SELECT + " WHERE organisation = ? ORDER BY issued_at DESC, id", (rs, i) -> token(rs), organisation);
    }

    public Optional<Token> find(String id) {
        return database.get().query(SELECT + " WHERE id = ?", (rs, i) -> token(rs), id).stream().findFirst();
    }

    /** Revokes the token at once, in every service; revoking it again changes nothing. */
    public void revoke(String id, String revokedBy) {
        database.get().update("UPDATE identity.api_token SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                revokedBy, Timestamp.from(clock.instant()), id);
    }

    /** The user a presented token acts as, when it is one of ours, not revoked and not expired. */
    public Optional<LedgerUser> verify(String presented) {
        byte[] digest = digest(presented);
        Instant now = clock.instant();
        List<Object[]> rows = database.get().query(SELECT_WITH_HASH + " WHERE token_hash = ?", (rs, i) -> new Object[]{token(rs), rs.getBytes("token_hash")}, digest);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Token token = (Token) rows.get(0)[0];
        if (!MessageDigest.isEqual(digest, (byte[]) rows.get(0)[1]) || !token.activeAt(now)) {
            return Optional.empty();
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USE_PRECISION))) {
            database.get().update("UPDATE identity.api_token SET last_used_at = ? WHERE id = ?", Timestamp.from(now), token.id());
        }
        return Optional.of(LedgerUser.of(token));
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static final String COLUMNS = "id, name, actor_id, actor_name, roles, organisation, unit, feed_organisations, "
            + "issued_by, issued_at, expires_at, revoked_by, revoked_at, last_used_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM identity.api_token";
    private static final String SELECT_WITH_HASH = "SELECT " + COLUMNS + ", token_hash FROM identity.api_token";

    private static Token token(ResultSet rs) throws SQLException {
        String roles = rs.getString("roles");
        Actor actor = new Actor(rs.getString("actor_id"), rs.getString("actor_name"),
                roles.isEmpty() ? List.of() : Arrays.stream(roles.split(",")).map(Role::valueOf).toList(),
                rs.getString("organisation"), rs.getString("unit"));
        String feed = rs.getString("feed_organisations");
        return new Token(rs.getString("id"), rs.getString("name"), actor, feed.isEmpty() ? List.of() : List.of(feed.split(",")),
                rs.getString("issued_by"), instant(rs, "issued_at"), instant(rs, "expires_at"), rs.getString("revoked_by"),
                instant(rs, "revoked_at"), instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
