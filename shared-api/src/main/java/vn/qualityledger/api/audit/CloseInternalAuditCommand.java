package vn.qualityledger.api.audit;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes the audit round once its report is issued. */
public record CloseInternalAuditCommand(@TargetAggregateIdentifier AuditId auditId, LocalDate closedOn) {
}
