package vn.qualityledger.api.audit;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.qualityledger.api.common.Decision;

/** The audit team was appointed; a later appointment replaces the team. */
@Revision("1")
public record AuditTeamAppointedEvent(AuditId auditId, TeamMember leadAuditor, List<TeamMember> members, Decision decision,
                                      LocalDate appointedOn) {
}
