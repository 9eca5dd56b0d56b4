package vn.qualityledger.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The claims of a processor's segments as its token store holds them, read without claiming anything: which segments
 * another replica holds right now (its claim refreshed within the claim timeout) and how far each has got. Replicas
 * share the read model's tables, so a replica serves current figures only when every segment, wherever it is held, is
 * current.
 */
public class SegmentClaims {

    /** A segment held by a live owner, and the position of its token (empty when it holds none yet). */
    public record Claim(String owner, OptionalLong position) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String table;
    private final Duration claimTimeout;
    private final Clock clock;

    /** @param schema the schema of the service's {@code token_entry} (its JPA default schema) */
    public SegmentClaims(JdbcTemplate jdbc, Serializer serializer, String schema, Duration claimTimeout, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.table = schema + ".token_entry";
        this.claimTimeout = claimTimeout;
        this.clock = clock;
    }

    /** The segments of the processor whose claim is live, by segment. */
    public Map<Integer, Claim> live(String processorName) {
        Instant stale = clock.instant().minus(claimTimeout);
        Map<Integer, Claim> live = new HashMap<>();
        jdbc.query("SELECT segment, owner, timestamp, token, token_type FROM " + table + " WHERE processor_name = ?", rs -> {
            String owner = rs.getString("owner");
            if (owner != null && Instant.parse(rs.getString("timestamp")).isAfter(stale)) {
                live.put(rs.getInt("segment"), new Claim(owner, position(rs.getBytes("token"), rs.getString("token_type"))));
            }
        }, processorName);
        return live;
    }

    private OptionalLong position(byte[] token, String type) {
        if (token == null || type == null) {
            return OptionalLong.empty();
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? OptionalLong.empty() : tracking.position();
    }
}
