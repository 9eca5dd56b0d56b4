package vn.qualityledger.api.audit;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An internal audit round was planned; the first event of an audit's stream, so it names the organisation. */
@Revision("1")
public record InternalAuditPlannedEvent(AuditId auditId, String organisationId, int year, String title, List<String> scopeUnits,
                                        String criteria, List<String> clauses, LocalDate plannedFrom, LocalDate plannedTo,
                                        LocalDate plannedOn) {
}
