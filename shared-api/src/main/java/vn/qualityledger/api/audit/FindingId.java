package vn.qualityledger.api.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.qualityledger.api.common.Ids;

/**
 * Identifies a finding within its audit round.
 * Serialized as its raw value; {@link #toString()} is that value, which is what Axon stores.
 */
public record FindingId(String value) {

    public FindingId {
        Ids.requireValid(value, "FindingId");
    }

    @JsonCreator
    public static FindingId of(String value) {
        return new FindingId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
