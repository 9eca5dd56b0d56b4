package vn.qualityledger.api.audit;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.qualityledger.api.common.DocumentReference;

/** Issues the audit's summary report (Báo cáo tổng hợp ĐGNB). */
public record IssueAuditReportCommand(@TargetAggregateIdentifier AuditId auditId, DocumentReference report, String summary,
                                      LocalDate issuedOn) {
}
