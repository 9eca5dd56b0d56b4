package vn.qualityledger.api.audit;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.qualityledger.api.common.Decision;

/**
 * Appoints (or re-appoints) the audit team by a decision (Quyết định thành lập Đoàn ĐGNB).
 *
 * @param leadAuditor the lead auditor (trưởng đoàn)
 * @param members     the other auditors; may be empty
 */
public record AppointAuditTeamCommand(@TargetAggregateIdentifier AuditId auditId, TeamMember leadAuditor, List<TeamMember> members,
                                      Decision decision, LocalDate appointedOn) {
}
