package vn.qualityledger.api.objective;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.qualityledger.api.common.Ids;

/**
 * Identifies one submission of evidence for an occurrence.
 * Serialized as its raw value; {@link #toString()} is that value, which is what Axon stores.
 */
public record EvidenceId(String value) {

    public EvidenceId {
        Ids.requireValid(value, "EvidenceId");
    }

    @JsonCreator
    public static EvidenceId of(String value) {
        return new EvidenceId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
