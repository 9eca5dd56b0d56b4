package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.qualityledger.api.common.DocumentReference;

/** Records that a corrective action was carried out, with the document that proves it. */
public record ImplementCorrectiveActionCommand(@TargetAggregateIdentifier NonconformityId nonconformityId,
                                               CorrectiveActionId actionId, DocumentReference evidence, String note,
                                               LocalDate implementedOn) {
}
