package vn.qualityledger.command.audit;

import java.time.LocalDate;
import java.util.List;
import vn.qualityledger.api.audit.*;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.ObjectiveId;

/**
 * Sample values for the fixture tests: the 2023 round of SLDTBXH-HD over VP, P-KHTC and TO-ISO, with a team led by
 * danhgia (of TO-ISO) and danhgiakhtc (of P-KHTC), as the demo users are.
 */
final class AuditFixtures {

    static final String ORG = "SLDTBXH-HD";
    static final int YEAR = 2023;
    static final AuditId AUDIT = new AuditId("SLDTBXH-HD.DGNB-2023");
    static final String TITLE = "Đánh giá nội bộ HTQLCL theo TCVN ISO 9001:2015 năm 2023";
    static final List<String> SCOPE = List.of("VP", "P-KHTC", "TO-ISO");
    static final String CRITERIA = "TCVN ISO 9001:2015; các quy trình ISO của Sở";
    static final List<String> CLAUSES = List.of("6.2", "7.5.3", "9.2");
    static final LocalDate FROM = LocalDate.of(2023, 10, 2);
    static final LocalDate TO = LocalDate.of(2023, 10, 13);
    static final LocalDate PLANNED_ON = LocalDate.of(2023, 9, 15);

    static final TeamMember LEAD_MEMBER = new TeamMember("danhgia", "Đỗ Thị Đào", "TO-ISO");
    static final TeamMember KHTC_MEMBER = new TeamMember("danhgiakhtc", "Vũ Minh Khoa", "P-KHTC");
    static final Decision DECISION = new Decision("215/QĐ-SLĐTBXH", LocalDate.of(2023, 9, 20));
    static final LocalDate APPOINTED_ON = LocalDate.of(2023, 9, 21);
    static final LocalDate VP_DAY = LocalDate.of(2023, 10, 3);
    static final List<ChecklistNote> VP_NOTES = List.of(
            new ChecklistNote("7.5.3", "Hồ sơ đến được vào sổ và lưu theo quy định?", "Sổ công văn đến 2023 thiếu 12 văn bản tháng 8", Conformity.NONCONFORMING),
            new ChecklistNote("6.2", "Đơn vị có kế hoạch thực hiện MTCL?", "Có kế hoạch số 35/KH-VP", Conformity.CONFORMING));
    static final FindingId FINDING = new FindingId("F-VP-01");
    static final LocalDate RECORDED_ON = LocalDate.of(2023, 10, 4);
    static final ObjectiveId OBJECTIVE = new ObjectiveId("SLDTBXH-HD.MTCL-2023-01");
    static final MeasureId MEASURE = new MeasureId("I.6");
    static final DocumentReference REPORT = new DocumentReference("320/BC-SLĐTBXH", LocalDate.of(2023, 10, 20), "Đoàn ĐGNB",
            "Báo cáo tổng hợp kết quả đánh giá nội bộ năm 2023", null, null);
    static final String SUMMARY = "3 đơn vị được đánh giá; 1 điểm không phù hợp nhẹ";
    static final LocalDate ISSUED_ON = LocalDate.of(2023, 10, 21);

    static final Actor SECRETARY = new Actor("thuky", "Nguyễn Thị Thư", List.of(Role.ISO_SECRETARY), ORG, "TK-ISO");
    static final Actor QMR = new Actor("qmr", "Trần Văn Quang", List.of(Role.QMR), ORG, "QMR");
    static final Actor LEAD = new Actor("danhgia", "Đỗ Thị Đào", List.of(Role.AUDITOR), ORG, "TO-ISO");
    static final Actor KHTC_AUDITOR = new Actor("danhgiakhtc", "Vũ Minh Khoa", List.of(Role.AUDITOR), ORG, "P-KHTC");

    private AuditFixtures() {
    }

    static PlanInternalAuditCommand plan() {
        return new PlanInternalAuditCommand(AUDIT, ORG, YEAR, TITLE, SCOPE, CRITERIA, CLAUSES, FROM, TO, PLANNED_ON);
    }

    static InternalAuditPlannedEvent planned() {
        return new InternalAuditPlannedEvent(AUDIT, ORG, YEAR, TITLE, SCOPE, CRITERIA, CLAUSES, FROM, TO, PLANNED_ON);
    }

    static AppointAuditTeamCommand appoint() {
        return new AppointAuditTeamCommand(AUDIT, LEAD_MEMBER, List.of(KHTC_MEMBER), DECISION, APPOINTED_ON);
    }

    static AuditTeamAppointedEvent appointed() {
        return new AuditTeamAppointedEvent(AUDIT, LEAD_MEMBER, List.of(KHTC_MEMBER), DECISION, APPOINTED_ON);
    }

    static ScheduleUnitAuditCommand scheduleVp() {
        return new ScheduleUnitAuditCommand(AUDIT, "VP", VP_DAY, List.of("danhgia", "danhgiakhtc"));
    }

    static UnitAuditScheduledEvent vpScheduled() {
        return new UnitAuditScheduledEvent(AUDIT, "VP", VP_DAY, List.of("danhgia", "danhgiakhtc"));
    }

    static RecordUnitAuditCommand holdVp() {
        return new RecordUnitAuditCommand(AUDIT, "VP", VP_DAY, VP_NOTES);
    }

    static UnitAuditHeldEvent vpHeld() {
        return new UnitAuditHeldEvent(AUDIT, ORG, YEAR, "VP", VP_DAY, VP_NOTES);
    }

    static RecordAuditFindingCommand findVp() {
        return new RecordAuditFindingCommand(AUDIT, FINDING, "VP", "7.5.3", FindingKind.MINOR_NONCONFORMITY,
                "Văn bản đến không được vào sổ đầy đủ", "Sổ công văn đến 2023, tháng 8", OBJECTIVE, MEASURE, RECORDED_ON);
    }

    static AuditFindingRecordedEvent vpFound() {
        return new AuditFindingRecordedEvent(AUDIT, ORG, YEAR, FINDING, "VP", "7.5.3", FindingKind.MINOR_NONCONFORMITY,
                "Văn bản đến không được vào sổ đầy đủ", "Sổ công văn đến 2023, tháng 8", OBJECTIVE, MEASURE, RECORDED_ON);
    }

    static IssueAuditReportCommand issueReport() {
        return new IssueAuditReportCommand(AUDIT, REPORT, SUMMARY, ISSUED_ON);
    }

    static AuditReportIssuedEvent reportIssued() {
        return new AuditReportIssuedEvent(AUDIT, REPORT, SUMMARY, ISSUED_ON);
    }

    static InternalAuditClosedEvent auditClosed() {
        return new InternalAuditClosedEvent(AUDIT, LocalDate.of(2023, 11, 1));
    }
}
