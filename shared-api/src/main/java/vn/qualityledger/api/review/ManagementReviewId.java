package vn.qualityledger.api.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.qualityledger.api.common.Ids;

/**
 * Identifies a management review (Xem xét của lãnh đạo, ISO 9001:2015 9.3), and so its event stream.
 * Serialized as its raw value; {@link #toString()} is that value, which is what Axon stores.
 */
public record ManagementReviewId(String value) {

    public ManagementReviewId {
        Ids.requireValid(value, "ManagementReviewId");
    }

    @JsonCreator
    public static ManagementReviewId of(String value) {
        return new ManagementReviewId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
