package vn.qualityledger.api.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.qualityledger.api.common.Ids;

/**
 * Identifies a decision (an output of 9.3.3) within its management review.
 * Serialized as its raw value; {@link #toString()} is that value, which is what Axon stores.
 */
public record ReviewDecisionId(String value) {

    public ReviewDecisionId {
        Ids.requireValid(value, "ReviewDecisionId");
    }

    @JsonCreator
    public static ReviewDecisionId of(String value) {
        return new ReviewDecisionId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
