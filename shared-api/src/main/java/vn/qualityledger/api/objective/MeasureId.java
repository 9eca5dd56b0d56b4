package vn.qualityledger.api.objective;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.qualityledger.api.common.Ids;

/**
 * Identifies a measure (or sub-measure) within its objective's plan.
 * Serialized as its raw value; {@link #toString()} is that value, which is what Axon stores.
 */
public record MeasureId(String value) {

    public MeasureId {
        Ids.requireValid(value, "MeasureId");
    }

    @JsonCreator
    public static MeasureId of(String value) {
        return new MeasureId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
