package vn.qualityledger.api.nonconformity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.qualityledger.api.common.Ids;

/**
 * Identifies a corrective action within its nonconformity.
 * Serialized as its raw value; {@link #toString()} is that value, which is what Axon stores.
 */
public record CorrectiveActionId(String value) {

    public CorrectiveActionId {
        Ids.requireValid(value, "CorrectiveActionId");
    }

    @JsonCreator
    public static CorrectiveActionId of(String value) {
        return new CorrectiveActionId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
