package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A corrective action's due date passed before it was implemented; recorded once, at the due date, by the service
 * itself (a deadline), not by a user.
 */
@Revision("1")
public record CorrectiveActionOverdueEvent(NonconformityId nonconformityId, CorrectiveActionId actionId, String ownerUnit,
                                           LocalDate dueDate) {
}
