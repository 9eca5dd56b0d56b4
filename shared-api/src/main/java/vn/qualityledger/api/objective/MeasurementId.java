package vn.qualityledger.api.objective;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.qualityledger.api.common.Ids;

/**
 * Identifies one measurement of an objective's target indicator.
 * Serialized as its raw value; {@link #toString()} is that value, which is what Axon stores.
 */
public record MeasurementId(String value) {

    public MeasurementId {
        Ids.requireValid(value, "MeasurementId");
    }

    @JsonCreator
    public static MeasurementId of(String value) {
        return new MeasurementId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
