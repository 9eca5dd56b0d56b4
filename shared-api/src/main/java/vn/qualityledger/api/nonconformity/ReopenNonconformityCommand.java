package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopens a closed nonconformity (it recurred, or its closure was wrong); a new effective action is then needed. */
public record ReopenNonconformityCommand(@TargetAggregateIdentifier NonconformityId nonconformityId, String reason,
                                         LocalDate reopenedOn) {
}
