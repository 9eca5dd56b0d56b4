package vn.qualityledger.api.audit;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Schedules (or reschedules) the audit of one unit in scope (Chương trình ĐGNB).
 *
 * @param auditors user ids of the team members who audit the unit; none of them from the unit itself
 */
public record ScheduleUnitAuditCommand(@TargetAggregateIdentifier AuditId auditId, String unit, LocalDate date,
                                       List<String> auditors) {
}
