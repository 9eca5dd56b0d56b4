package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A corrective action was planned. */
@Revision("1")
public record CorrectiveActionPlannedEvent(NonconformityId nonconformityId, CorrectiveActionId actionId, String ownerUnit,
                                           String description, LocalDate dueDate, LocalDate plannedOn) {
}
