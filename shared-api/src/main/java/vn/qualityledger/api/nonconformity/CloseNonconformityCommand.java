package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes a nonconformity whose actions are all implemented and whose latest action was verified effective. */
public record CloseNonconformityCommand(@TargetAggregateIdentifier NonconformityId nonconformityId, String note,
                                        LocalDate closedOn) {
}
