package vn.qualityledger.api.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.qualityledger.api.common.Ids;

/**
 * Identifies one issued results report, and so its event stream.
 * Serialized as its raw value; {@link #toString()} is that value, which is what Axon stores.
 */
public record ResultsReportId(String value) {

    public ResultsReportId {
        Ids.requireValid(value, "ResultsReportId");
    }

    @JsonCreator
    public static ResultsReportId of(String value) {
        return new ResultsReportId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
