package vn.qualityledger.api.objective;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.qualityledger.api.common.Ids;

/**
 * Identifies one occurrence of a measure's schedule: a piece of work with a due date.
 * Serialized as its raw value; {@link #toString()} is that value, which is what Axon stores.
 */
public record OccurrenceId(String value) {

    public OccurrenceId {
        Ids.requireValid(value, "OccurrenceId");
    }

    @JsonCreator
    public static OccurrenceId of(String value) {
        return new OccurrenceId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
