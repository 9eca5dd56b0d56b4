package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Plans a corrective action (hành động khắc phục) that removes the root cause.
 *
 * @param ownerUnit the unit that carries it out
 * @param dueDate   the local date by which it must be implemented; past it, unimplemented, the action is overdue
 */
public record PlanCorrectiveActionCommand(@TargetAggregateIdentifier NonconformityId nonconformityId,
                                          CorrectiveActionId actionId, String ownerUnit, String description,
                                          LocalDate dueDate, LocalDate plannedOn) {
}
