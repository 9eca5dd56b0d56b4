package vn.qualityledger.api.audit;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.qualityledger.api.common.DocumentReference;

/** The audit's summary report was issued; no more unit audits or findings are recorded after it. */
@Revision("1")
public record AuditReportIssuedEvent(AuditId auditId, DocumentReference report, String summary, LocalDate issuedOn) {
}
