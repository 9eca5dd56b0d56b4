package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the correction or containment done at once (xử lý tức thời), before the cause is known. */
public record RecordCorrectionCommand(@TargetAggregateIdentifier NonconformityId nonconformityId, String correction,
                                      LocalDate correctedOn) {
}
