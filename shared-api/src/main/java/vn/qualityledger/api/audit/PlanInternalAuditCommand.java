package vn.qualityledger.api.audit;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Plans an internal audit round (Kế hoạch ĐGNB): starts the audit's stream.
 *
 * @param scopeUnits the units to be audited in this round (unit codes, e.g. {@code VP}); at least one
 * @param criteria   what the units are audited against (the standard, the agency's procedures)
 * @param clauses    the ISO 9001:2015 clauses in scope; each one of {@link Iso9001Clauses}
 * @param plannedFrom first day of the round
 * @param plannedTo   last day of the round, not before {@code plannedFrom}
 */
public record PlanInternalAuditCommand(@TargetAggregateIdentifier AuditId auditId, String organisationId, int year, String title,
                                       List<String> scopeUnits, String criteria, List<String> clauses,
                                       LocalDate plannedFrom, LocalDate plannedTo, LocalDate plannedOn) {
}
