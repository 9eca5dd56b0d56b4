package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An implemented action's effectiveness was verified; not effective means a new action is needed before closure. */
@Revision("1")
public record CorrectiveActionVerifiedEvent(NonconformityId nonconformityId, CorrectiveActionId actionId, boolean effective,
                                            String reason, LocalDate verifiedOn) {
}
