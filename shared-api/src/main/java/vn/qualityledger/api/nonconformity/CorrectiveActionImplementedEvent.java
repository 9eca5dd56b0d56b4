package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.qualityledger.api.common.DocumentReference;

/** A corrective action was implemented, with its evidence. */
@Revision("1")
public record CorrectiveActionImplementedEvent(NonconformityId nonconformityId, CorrectiveActionId actionId,
                                               DocumentReference evidence, String note, LocalDate implementedOn) {
}
