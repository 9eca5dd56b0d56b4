package vn.qualityledger.api.objective;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.qualityledger.api.common.Ids;

/**
 * Identifies an objective, and so of its event stream.
 * Serialized as its raw value; {@link #toString()} is that value, which is what Axon stores.
 */
public record ObjectiveId(String value) {

    public ObjectiveId {
        Ids.requireValid(value, "ObjectiveId");
    }

    @JsonCreator
    public static ObjectiveId of(String value) {
        return new ObjectiveId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
