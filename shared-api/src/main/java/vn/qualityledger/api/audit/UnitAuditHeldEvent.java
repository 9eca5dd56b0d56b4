package vn.qualityledger.api.audit;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A unit was audited on a day; the checklist notes are what the auditors saw. */
@Revision("1")
public record UnitAuditHeldEvent(AuditId auditId, String organisationId, int year, String unit, LocalDate heldOn,
                                 List<ChecklistNote> notes) {
}
