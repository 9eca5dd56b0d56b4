package vn.qualityledger.api.audit;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A unit's audit was scheduled for a date, with its auditors (user ids); a later one reschedules it. */
@Revision("1")
public record UnitAuditScheduledEvent(AuditId auditId, String unit, LocalDate date, List<String> auditors) {
}
