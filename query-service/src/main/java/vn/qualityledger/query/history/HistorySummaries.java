package vn.qualityledger.query.history;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import vn.qualityledger.api.audit.AuditFindingRecordedEvent;
import vn.qualityledger.api.audit.AuditReportIssuedEvent;
import vn.qualityledger.api.audit.AuditTeamAppointedEvent;
import vn.qualityledger.api.audit.Conformity;
import vn.qualityledger.api.audit.FindingKind;
import vn.qualityledger.api.audit.InternalAuditClosedEvent;
import vn.qualityledger.api.audit.InternalAuditPlannedEvent;
import vn.qualityledger.api.audit.UnitAuditHeldEvent;
import vn.qualityledger.api.audit.UnitAuditScheduledEvent;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.nonconformity.CorrectionRecordedEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionImplementedEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionOverdueEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionPlannedEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionVerifiedEvent;
import vn.qualityledger.api.nonconformity.NonconformityClosedEvent;
import vn.qualityledger.api.nonconformity.NonconformityRaisedEvent;
import vn.qualityledger.api.nonconformity.NonconformityReopenedEvent;
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.RootCauseAnalysedEvent;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.api.objective.*;
import vn.qualityledger.query.history.HistoryEntry.Summary;

/** One-line descriptions of objective, audit and nonconformity events, in Vietnamese (as the agency writes dates: dd/MM/yyyy) and English. */
final class HistorySummaries {

    private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private HistorySummaries() {
    }

    static Summary of(Object event) {
        if (event instanceof ObjectiveDefinedEvent e) {
            return new Summary("Xác định mục tiêu " + e.code() + " năm " + e.year() + ": " + e.statement(),
                    "Objective " + e.code() + " for " + e.year() + " defined: " + e.statement());
        }
        if (event instanceof ObjectiveRevisedEvent e) {
            return new Summary("Điều chỉnh mục tiêu: " + e.statement() + target(e.target()),
                    "Objective revised: " + e.statement() + target(e.target()));
        }
        if (event instanceof ObjectivePublishedEvent e) {
            return new Summary("Công bố theo Quyết định số " + e.decision().number() + " ngày " + vi(e.decision().date()),
                    "Published under decision " + e.decision().number() + " of " + e.decision().date());
        }
        if (event instanceof ObjectiveClosedEvent e) {
            String reason = e.assessment().reason() == null ? "" : " (" + e.assessment().reason() + ")";
            return new Summary("Kết thúc năm ngày " + vi(e.closedOn()) + ": " + (e.assessment().achieved() ? "đạt" : "không đạt") + reason,
                    "Year closed on " + e.closedOn() + ": " + (e.assessment().achieved() ? "achieved" : "not achieved") + reason);
        }
        if (event instanceof MeasurePlannedEvent e) {
            String parentVi = e.parentMeasureId() == null ? "" : " (thuộc biện pháp " + e.parentMeasureId() + ")";
            String parentEn = e.parentMeasureId() == null ? "" : " (under measure " + e.parentMeasureId() + ")";
            return new Summary("Lập biện pháp " + e.details().code() + parentVi + ": " + e.details().title() + " — "
                    + e.occurrences().size() + " lần thực hiện",
                    "Measure " + e.details().code() + " planned" + parentEn + ": " + e.details().title() + " — "
                            + e.occurrences().size() + " occurrences");
        }
        if (event instanceof MeasureRevisedEvent e) {
            return new Summary("Điều chỉnh biện pháp " + e.measureId() + ": thêm " + e.addedOccurrences().size() + ", huỷ "
                    + e.cancelledOccurrences().size() + " lần thực hiện",
                    "Measure " + e.measureId() + " revised: " + e.addedOccurrences().size() + " occurrences added, "
                            + e.cancelledOccurrences().size() + " cancelled");
        }
        if (event instanceof MeasureCancelledEvent e) {
            return new Summary("Huỷ biện pháp " + e.measureId() + " từ ngày " + vi(e.effectiveOn()) + ": " + e.reason(),
                    "Measure " + e.measureId() + " cancelled from " + e.effectiveOn() + ": " + e.reason());
        }
        if (event instanceof AdHocOccurrenceAddedEvent e) {
            return new Summary("Thêm lần thực hiện đột xuất cho biện pháp " + e.measureId() + ", hạn " + vi(e.occurrence().dueDate()),
                    "Ad-hoc occurrence of measure " + e.measureId() + " added, due " + e.occurrence().dueDate());
        }
        if (event instanceof TaskAssignedEvent e) {
            String person = e.person() == null ? "" : " (" + e.person() + ")";
            return e.occurrenceId() == null
                    ? new Summary("Giao biện pháp " + e.measureId() + " cho " + e.unit() + person,
                    "Measure " + e.measureId() + " assigned to " + e.unit() + person)
                    : new Summary("Giao " + occurrenceVi(e.measureId(), e.occurrenceId()) + " cho " + e.unit() + person,
                    "Assigned " + occurrenceEn(e.measureId(), e.occurrenceId()) + " to " + e.unit() + person);
        }
        if (event instanceof EvidenceSubmittedEvent e) {
            DocumentReference d = e.document();
            return new Summary("Nộp minh chứng " + d.number() + " ngày " + vi(d.date()) + " (" + d.title() + ") cho "
                    + occurrenceVi(e.measureId(), e.occurrenceId()),
                    "Evidence " + d.number() + " of " + d.date() + " (" + d.title() + ") submitted for "
                            + occurrenceEn(e.measureId(), e.occurrenceId()));
        }
        if (event instanceof EvidenceAcceptedEvent e) {
            return new Summary("Chấp nhận minh chứng " + e.evidenceId() + " cho " + occurrenceVi(e.measureId(), e.occurrenceId())
                    + ", hoàn thành từ ngày " + vi(e.effectiveOn()),
                    "Evidence " + e.evidenceId() + " for " + occurrenceEn(e.measureId(), e.occurrenceId())
                            + " accepted, complete as of " + e.effectiveOn());
        }
        if (event instanceof EvidenceRejectedEvent e) {
            return new Summary("Từ chối minh chứng " + e.evidenceId() + " cho " + occurrenceVi(e.measureId(), e.occurrenceId())
                    + ": " + e.reason(),
                    "Evidence " + e.evidenceId() + " for " + occurrenceEn(e.measureId(), e.occurrenceId()) + " rejected: " + e.reason());
        }
        if (event instanceof MeasurementRecordedEvent e) {
            String ratio = e.numerator() == null ? "" : " (" + e.numerator().toPlainString() + "/" + e.denominator().toPlainString() + ")";
            return new Summary("Ghi nhận kết quả " + e.value().stripTrailingZeros().toPlainString() + ratio + " cho kỳ "
                    + vi(e.period().from()) + " – " + vi(e.period().to()) + ", nguồn: " + e.source(),
                    "Measured " + e.value().stripTrailingZeros().toPlainString() + ratio + " for " + e.period().from() + " to "
                            + e.period().to() + ", source: " + e.source());
        }
        Summary audit = ofAudit(event);
        if (audit != null) {
            return audit;
        }
        Summary nonconformity = ofNonconformity(event);
        if (nonconformity != null) {
            return nonconformity;
        }
        String type = event.getClass().getSimpleName();
        return new Summary("Sự kiện " + type, "Event " + type);
    }

    private static Summary ofAudit(Object event) {
        if (event instanceof InternalAuditPlannedEvent e) {
            return new Summary("Lập kế hoạch đánh giá nội bộ năm " + e.year() + ": " + e.title() + " — " + e.scopeUnits().size()
                    + " đơn vị, từ " + vi(e.plannedFrom()) + " đến " + vi(e.plannedTo()),
                    "Internal audit for " + e.year() + " planned: " + e.title() + " — " + e.scopeUnits().size() + " units, "
                            + e.plannedFrom() + " to " + e.plannedTo());
        }
        if (event instanceof AuditTeamAppointedEvent e) {
            String decisionVi = e.decision() == null ? "" : " (Quyết định số " + e.decision().number() + " ngày " + vi(e.decision().date()) + ")";
            String decisionEn = e.decision() == null ? "" : " (decision " + e.decision().number() + " of " + e.decision().date() + ")";
            return new Summary("Thành lập Đoàn ĐGNB, trưởng đoàn " + e.leadAuditor().name() + ", " + e.members().size() + " thành viên" + decisionVi,
                    "Audit team appointed: lead auditor " + e.leadAuditor().name() + ", " + e.members().size() + " members" + decisionEn);
        }
        if (event instanceof UnitAuditScheduledEvent e) {
            return new Summary("Lên lịch đánh giá " + e.unit() + " ngày " + vi(e.date()),
                    "Audit of " + e.unit() + " scheduled for " + e.date());
        }
        if (event instanceof UnitAuditHeldEvent e) {
            long nonconforming = e.notes().stream().filter(n -> n.conformity() == Conformity.NONCONFORMING).count();
            return new Summary("Đánh giá tại " + e.unit() + " ngày " + vi(e.heldOn()) + ": " + e.notes().size() + " nội dung, "
                    + nonconforming + " không phù hợp",
                    e.unit() + " audited on " + e.heldOn() + ": " + e.notes().size() + " checklist notes, " + nonconforming + " nonconforming");
        }
        if (event instanceof AuditFindingRecordedEvent e) {
            return new Summary("Ghi nhận phát hiện " + e.findingId() + " (" + kindVi(e.kind()) + ") tại " + e.unit() + ", điều khoản "
                    + e.clause() + ": " + e.description(),
                    "Finding " + e.findingId() + " (" + kindEn(e.kind()) + ") at " + e.unit() + ", clause " + e.clause() + ": " + e.description());
        }
        if (event instanceof AuditReportIssuedEvent e) {
            String number = e.report() == null ? "" : " số " + e.report().number();
            return new Summary("Ban hành báo cáo kết quả ĐGNB" + number + " ngày " + vi(e.issuedOn()),
                    "Audit report" + (e.report() == null ? "" : " " + e.report().number()) + " issued on " + e.issuedOn());
        }
        if (event instanceof InternalAuditClosedEvent e) {
            return new Summary("Kết thúc đợt đánh giá nội bộ ngày " + vi(e.closedOn()), "Internal audit closed on " + e.closedOn());
        }
        return null;
    }

    private static Summary ofNonconformity(Object event) {
        if (event instanceof NonconformityRaisedEvent e) {
            String where = (e.unit() == null ? "" : " tại " + e.unit()) + (e.clause() == null ? "" : ", điều khoản " + e.clause());
            String whereEn = (e.unit() == null ? "" : " at " + e.unit()) + (e.clause() == null ? "" : ", clause " + e.clause());
            return new Summary("Ghi nhận sự không phù hợp " + (e.severity() == Severity.MAJOR ? "nặng" : "nhẹ") + " (nguồn: "
                    + sourceVi(e.origin().source()) + ")" + where + ": " + e.description(),
                    (e.severity() == Severity.MAJOR ? "Major" : "Minor") + " nonconformity raised (source: "
                            + sourceEn(e.origin().source()) + ")" + whereEn + ": " + e.description());
        }
        if (event instanceof CorrectionRecordedEvent e) {
            return new Summary("Khắc phục tức thời ngày " + vi(e.correctedOn()) + ": " + e.correction(),
                    "Correction on " + e.correctedOn() + ": " + e.correction());
        }
        if (event instanceof RootCauseAnalysedEvent e) {
            return new Summary("Phân tích nguyên nhân ngày " + vi(e.analysedOn()) + ": " + e.rootCause(),
                    "Root cause analysed on " + e.analysedOn() + ": " + e.rootCause());
        }
        if (event instanceof CorrectiveActionPlannedEvent e) {
            return new Summary("Lập hành động khắc phục " + e.actionId() + " giao " + e.ownerUnit() + ", hạn " + vi(e.dueDate()) + ": " + e.description(),
                    "Corrective action " + e.actionId() + " planned for " + e.ownerUnit() + ", due " + e.dueDate() + ": " + e.description());
        }
        if (event instanceof CorrectiveActionImplementedEvent e) {
            String evidence = e.evidence() == null ? "" : " (" + e.evidence().number() + ")";
            return new Summary("Thực hiện hành động khắc phục " + e.actionId() + " ngày " + vi(e.implementedOn()) + evidence,
                    "Corrective action " + e.actionId() + " implemented on " + e.implementedOn() + evidence);
        }
        if (event instanceof CorrectiveActionOverdueEvent e) {
            return new Summary("Hành động khắc phục " + e.actionId() + " của " + e.ownerUnit() + " quá hạn " + vi(e.dueDate()),
                    "Corrective action " + e.actionId() + " of " + e.ownerUnit() + " overdue (due " + e.dueDate() + ")");
        }
        if (event instanceof CorrectiveActionVerifiedEvent e) {
            String reason = e.reason() == null ? "" : " (" + e.reason() + ")";
            return new Summary("Kiểm tra hiệu lực hành động " + e.actionId() + " ngày " + vi(e.verifiedOn()) + ": "
                    + (e.effective() ? "có hiệu lực" : "không có hiệu lực") + reason,
                    "Corrective action " + e.actionId() + " verified on " + e.verifiedOn() + ": "
                            + (e.effective() ? "effective" : "not effective") + reason);
        }
        if (event instanceof NonconformityClosedEvent e) {
            String note = e.note() == null ? "" : ": " + e.note();
            return new Summary("Đóng sự không phù hợp ngày " + vi(e.closedOn()) + note, "Nonconformity closed on " + e.closedOn() + note);
        }
        if (event instanceof NonconformityReopenedEvent e) {
            return new Summary("Mở lại sự không phù hợp ngày " + vi(e.reopenedOn()) + ": " + e.reason(),
                    "Nonconformity reopened on " + e.reopenedOn() + ": " + e.reason());
        }
        return null;
    }

    private static String kindVi(FindingKind kind) {
        return switch (kind) {
            case MAJOR_NONCONFORMITY -> "không phù hợp nặng";
            case MINOR_NONCONFORMITY -> "không phù hợp nhẹ";
            case OBSERVATION -> "điểm lưu ý";
            case OPPORTUNITY_FOR_IMPROVEMENT -> "cơ hội cải tiến";
        };
    }

    private static String kindEn(FindingKind kind) {
        return switch (kind) {
            case MAJOR_NONCONFORMITY -> "major nonconformity";
            case MINOR_NONCONFORMITY -> "minor nonconformity";
            case OBSERVATION -> "observation";
            case OPPORTUNITY_FOR_IMPROVEMENT -> "opportunity for improvement";
        };
    }

    private static String sourceVi(NonconformitySource source) {
        return switch (source) {
            case AUDIT_FINDING -> "đánh giá nội bộ";
            case OBJECTIVE_NOT_ACHIEVED -> "mục tiêu không đạt";
            case COMPLAINT -> "phản ánh, kiến nghị";
            case MANUAL -> "phát hiện trong công việc";
        };
    }

    private static String sourceEn(NonconformitySource source) {
        return switch (source) {
            case AUDIT_FINDING -> "audit finding";
            case OBJECTIVE_NOT_ACHIEVED -> "objective not achieved";
            case COMPLAINT -> "complaint";
            case MANUAL -> "raised by hand";
        };
    }

    private static String target(Target target) {
        return target == null ? "" : " [" + target.indicator() + " " + target.comparator().symbol() + " "
                + target.value().stripTrailingZeros().toPlainString() + (target.unit() == null ? "" : " " + target.unit()) + "]";
    }

    private static String vi(LocalDate date) {
        return date == null ? "?" : VI.format(date);
    }

    /** Scheduled occurrences are named {@code measure@dueDate}; say "measure I.6, due 14/05/2023" for those. */
    private static LocalDate dueDateOf(MeasureId measureId, OccurrenceId occurrenceId) {
        String prefix = measureId.value() + "@";
        if (!occurrenceId.value().startsWith(prefix)) {
            return null;
        }
        try {
            return LocalDate.parse(occurrenceId.value().substring(prefix.length()));
        } catch (DateTimeParseException notScheduled) {
            return null;
        }
    }

    private static String occurrenceVi(MeasureId measureId, OccurrenceId occurrenceId) {
        LocalDate due = dueDateOf(measureId, occurrenceId);
        return due == null ? "biện pháp " + measureId + ", lần thực hiện " + occurrenceId
                : "biện pháp " + measureId + ", kỳ hạn " + vi(due);
    }

    private static String occurrenceEn(MeasureId measureId, OccurrenceId occurrenceId) {
        LocalDate due = dueDateOf(measureId, occurrenceId);
        return due == null ? "measure " + measureId + ", occurrence " + occurrenceId : "measure " + measureId + ", due " + due;
    }
}
