package vn.qualityledger.api.audit;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a scheduled unit audit was held, with the auditor's checklist notes. */
public record RecordUnitAuditCommand(@TargetAggregateIdentifier AuditId auditId, String unit, LocalDate heldOn,
                                     List<ChecklistNote> notes) {
}
