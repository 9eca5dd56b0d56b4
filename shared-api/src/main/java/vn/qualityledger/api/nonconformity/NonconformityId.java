package vn.qualityledger.api.nonconformity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.qualityledger.api.audit.AuditId;
import vn.qualityledger.api.audit.FindingId;
import vn.qualityledger.api.common.Ids;
import vn.qualityledger.api.objective.ObjectiveId;

/**
 * Identifies a nonconformity, and so its event stream.
 * Serialized as its raw value; {@link #toString()} is that value, which is what Axon stores.
 *
 * <p>A nonconformity raised automatically has an id derived from what raised it, so that raising it again (a
 * redelivered event, a restart midway) names the same stream and stores nothing new.
 */
public record NonconformityId(String value) {

    /** "NC-" and a name-based (version 3) UUID, as {@link #derived} makes them. */
    private static final Pattern DERIVED = Pattern.compile("NC-[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    public NonconformityId {
        Ids.requireValid(value, "NonconformityId");
    }

    @JsonCreator
    public static NonconformityId of(String value) {
        return new NonconformityId(value);
    }

    /** The nonconformity raised for a major or minor nonconformity finding of an audit. */
    public static NonconformityId forFinding(AuditId auditId, FindingId findingId) {
        return derived("finding:" + auditId + "/" + findingId);
    }

    /** The nonconformity raised for an objective closed as not achieved. */
    public static NonconformityId forObjectiveNotAchieved(ObjectiveId objectiveId) {
        return derived("objective-not-achieved:" + objectiveId);
    }

    /** Whether an id has the form of one derived from an origin: such ids are kept for the nonconformities the service raises. */
    public static boolean isDerived(NonconformityId id) {
        return DERIVED.matcher(id.value()).matches();
    }

    private static NonconformityId derived(String origin) {
        return new NonconformityId("NC-" + UUID.nameUUIDFromBytes(origin.getBytes(StandardCharsets.UTF_8)));
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
