package vn.qualityledger.command.audit;

import java.time.LocalDate;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.command.common.Refusal;

/** The summary report (Báo cáo tổng hợp ĐGNB) reports on audits held, is a dated document, and sums the round up. */
final class AuditReportPolicy {

    private AuditReportPolicy() {
    }

    static void requireIssuable(DocumentReference report, String summary, LocalDate issuedOn, boolean anyUnitAuditHeld) {
        if (!anyUnitAuditHeld) {
            throw Refusal.ruleBroken("NO_UNIT_AUDIT_HELD", null, "A report is issued only after at least one unit audit was held");
        }
        if (report == null) {
            throw Refusal.ruleBroken("REPORT_REQUIRED", "report", "The report is cited as a document (number, date, issuer, title)");
        }
        if (report.date() == null) {
            throw Refusal.ruleBroken("REPORT_REQUIRED", "report.date", "The report is cited with its date");
        }
        if (AuditPlanPolicy.isBlank(summary)) {
            throw Refusal.ruleBroken("SUMMARY_REQUIRED", "summary", "The report sums up the round");
        }
        if (report.date().isAfter(issuedOn)) {
            throw Refusal.ruleBroken("REPORT_DATED_AFTER_ISSUE", "report.date", "A report cannot be dated after the day it is issued");
        }
    }
}
