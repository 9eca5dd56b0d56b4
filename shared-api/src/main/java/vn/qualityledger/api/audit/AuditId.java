package vn.qualityledger.api.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.qualityledger.api.common.Ids;

/**
 * Identifies an internal audit round (ĐGNB), and so its event stream.
 * Serialized as its raw value; {@link #toString()} is that value, which is what Axon stores.
 */
public record AuditId(String value) {

    public AuditId {
        Ids.requireValid(value, "AuditId");
    }

    @JsonCreator
    public static AuditId of(String value) {
        return new AuditId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
