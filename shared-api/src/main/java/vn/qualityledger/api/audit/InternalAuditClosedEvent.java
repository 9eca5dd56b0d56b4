package vn.qualityledger.api.audit;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The audit round was closed. */
@Revision("1")
public record InternalAuditClosedEvent(AuditId auditId, LocalDate closedOn) {
}
