package vn.qualityledger.query.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.audit.AuditFindingRecordedEvent;
import vn.qualityledger.api.audit.AuditReportIssuedEvent;
import vn.qualityledger.api.audit.AuditTeamAppointedEvent;
import vn.qualityledger.api.audit.Conformity;
import vn.qualityledger.api.audit.FindingKind;
import vn.qualityledger.api.audit.InternalAuditClosedEvent;
import vn.qualityledger.api.audit.InternalAuditPlannedEvent;
import vn.qualityledger.api.audit.UnitAuditHeldEvent;
import vn.qualityledger.api.audit.UnitAuditScheduledEvent;
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

/**
 * One-line descriptions of objective, audit and nonconformity events, in Vietnamese (as the agency writes dates:
 * dd/MM/yyyy) and English. They read the event's JSON (its current revision, as the store hands it out after the
 * upcasters), not the event deserialised: the history writes the stored JSON as it is, and binding every payload to
 * its record only for a line of text was a fifth of a history page (JFR).
 */
final class HistorySummaries {

    private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Decimals as written, so that a value reads to its last stored digit, as the record's BigDecimal did. */
    private static final JsonMapper STORED = JsonMapper.builder().enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    private HistorySummaries() {
    }

    /** The summary of an event whose stored JSON is {@code payload} and whose class is {@code type}. */
    static Summary of(Class<?> type, byte[] payload) {
        return of(type, STORED.readTree(payload));
    }

    static Summary of(Class<?> type, JsonNode e) {
        if (type == ObjectiveDefinedEvent.class) {
            return new Summary("Xác định mục tiêu " + text(e, "code") + " năm " + text(e, "year") + ": " + text(e, "statement"),
                    "Objective " + text(e, "code") + " for " + text(e, "year") + " defined: " + text(e, "statement"));
        }
        if (type == ObjectiveRevisedEvent.class) {
            return new Summary("Điều chỉnh mục tiêu: " + text(e, "statement") + target(object(e, "target")),
                    "Objective revised: " + text(e, "statement") + target(object(e, "target")));
        }
        if (type == ObjectivePublishedEvent.class) {
            JsonNode decision = object(e, "decision");
            return new Summary("Công bố theo Quyết định số " + text(decision, "number") + " ngày " + vi(text(decision, "date")),
                    "Published under decision " + text(decision, "number") + " of " + text(decision, "date"));
        }
        if (type == ObjectiveClosedEvent.class) {
            JsonNode assessment = object(e, "assessment");
            String reason = text(assessment, "reason") == null ? "" : " (" + text(assessment, "reason") + ")";
            boolean achieved = bool(assessment, "achieved");
            return new Summary("Kết thúc năm ngày " + vi(text(e, "closedOn")) + ": " + (achieved ? "đạt" : "không đạt") + reason,
                    "Year closed on " + text(e, "closedOn") + ": " + (achieved ? "achieved" : "not achieved") + reason);
        }
        if (type == MeasurePlannedEvent.class) {
            String parent = text(e, "parentMeasureId");
            String parentVi = parent == null ? "" : " (thuộc biện pháp " + parent + ")";
            String parentEn = parent == null ? "" : " (under measure " + parent + ")";
            JsonNode details = object(e, "details");
            return new Summary("Lập biện pháp " + text(details, "code") + parentVi + ": " + text(details, "title") + " — "
                    + size(e, "occurrences") + " lần thực hiện",
                    "Measure " + text(details, "code") + " planned" + parentEn + ": " + text(details, "title") + " — "
                            + size(e, "occurrences") + " occurrences");
        }
        if (type == MeasureRevisedEvent.class) {
            return new Summary("Điều chỉnh biện pháp " + text(e, "measureId") + ": thêm " + size(e, "addedOccurrences") + ", huỷ "
                    + size(e, "cancelledOccurrences") + " lần thực hiện",
                    "Measure " + text(e, "measureId") + " revised: " + size(e, "addedOccurrences") + " occurrences added, "
                            + size(e, "cancelledOccurrences") + " cancelled");
        }
        if (type == MeasureCancelledEvent.class) {
            return new Summary("Huỷ biện pháp " + text(e, "measureId") + " từ ngày " + vi(text(e, "effectiveOn")) + ": " + text(e, "reason"),
                    "Measure " + text(e, "measureId") + " cancelled from " + text(e, "effectiveOn") + ": " + text(e, "reason"));
        }
        if (type == AdHocOccurrenceAddedEvent.class) {
            String due = text(object(e, "occurrence"), "dueDate");
            return new Summary("Thêm lần thực hiện đột xuất cho biện pháp " + text(e, "measureId") + ", hạn " + vi(due),
                    "Ad-hoc occurrence of measure " + text(e, "measureId") + " added, due " + due);
        }
        if (type == TaskAssignedEvent.class) {
            String person = text(e, "person") == null ? "" : " (" + text(e, "person") + ")";
            return text(e, "occurrenceId") == null
                    ? new Summary("Giao biện pháp " + text(e, "measureId") + " cho " + text(e, "unit") + person,
                    "Measure " + text(e, "measureId") + " assigned to " + text(e, "unit") + person)
                    : new Summary("Giao " + occurrenceVi(e) + " cho " + text(e, "unit") + person,
                    "Assigned " + occurrenceEn(e) + " to " + text(e, "unit") + person);
        }
        if (type == EvidenceSubmittedEvent.class) {
            JsonNode d = object(e, "document");
            return new Summary("Nộp minh chứng " + text(d, "number") + " ngày " + vi(text(d, "date")) + " (" + text(d, "title") + ") cho "
                    + occurrenceVi(e),
                    "Evidence " + text(d, "number") + " of " + text(d, "date") + " (" + text(d, "title") + ") submitted for "
                            + occurrenceEn(e));
        }
        if (type == EvidenceAcceptedEvent.class) {
            return new Summary("Chấp nhận minh chứng " + text(e, "evidenceId") + " cho " + occurrenceVi(e)
                    + ", hoàn thành từ ngày " + vi(text(e, "effectiveOn")),
                    "Evidence " + text(e, "evidenceId") + " for " + occurrenceEn(e) + " accepted, complete as of " + text(e, "effectiveOn"));
        }
        if (type == EvidenceRejectedEvent.class) {
            return new Summary("Từ chối minh chứng " + text(e, "evidenceId") + " cho " + occurrenceVi(e) + ": " + text(e, "reason"),
                    "Evidence " + text(e, "evidenceId") + " for " + occurrenceEn(e) + " rejected: " + text(e, "reason"));
        }
        if (type == MeasurementRecordedEvent.class) {
            String ratio = decimal(e, "numerator") == null ? ""
                    : " (" + decimal(e, "numerator").toPlainString() + "/" + decimal(e, "denominator").toPlainString() + ")";
            String value = decimal(e, "value").stripTrailingZeros().toPlainString();
            JsonNode period = object(e, "period");
            return new Summary("Ghi nhận kết quả " + value + ratio + " cho kỳ " + vi(text(period, "from")) + " – " + vi(text(period, "to"))
                    + ", nguồn: " + text(e, "source"),
                    "Measured " + value + ratio + " for " + text(period, "from") + " to " + text(period, "to") + ", source: " + text(e, "source"));
        }
        Summary audit = ofAudit(type, e);
        if (audit != null) {
            return audit;
        }
        Summary nonconformity = ofNonconformity(type, e);
        if (nonconformity != null) {
            return nonconformity;
        }
        return new Summary("Sự kiện " + type.getSimpleName(), "Event " + type.getSimpleName());
    }

    private static Summary ofAudit(Class<?> type, JsonNode e) {
        if (type == InternalAuditPlannedEvent.class) {
            return new Summary("Lập kế hoạch đánh giá nội bộ năm " + text(e, "year") + ": " + text(e, "title") + " — " + size(e, "scopeUnits")
                    + " đơn vị, từ " + vi(text(e, "plannedFrom")) + " đến " + vi(text(e, "plannedTo")),
                    "Internal audit for " + text(e, "year") + " planned: " + text(e, "title") + " — " + size(e, "scopeUnits") + " units, "
                            + text(e, "plannedFrom") + " to " + text(e, "plannedTo"));
        }
        if (type == AuditTeamAppointedEvent.class) {
            JsonNode decision = object(e, "decision");
            String decisionVi = decision == null ? "" : " (Quyết định số " + text(decision, "number") + " ngày " + vi(text(decision, "date")) + ")";
            String decisionEn = decision == null ? "" : " (decision " + text(decision, "number") + " of " + text(decision, "date") + ")";
            String lead = text(object(e, "leadAuditor"), "name");
            return new Summary("Thành lập Đoàn ĐGNB, trưởng đoàn " + lead + ", " + size(e, "members") + " thành viên" + decisionVi,
                    "Audit team appointed: lead auditor " + lead + ", " + size(e, "members") + " members" + decisionEn);
        }
        if (type == UnitAuditScheduledEvent.class) {
            return new Summary("Lên lịch đánh giá " + text(e, "unit") + " ngày " + vi(text(e, "date")),
                    "Audit of " + text(e, "unit") + " scheduled for " + text(e, "date"));
        }
        if (type == UnitAuditHeldEvent.class) {
            long nonconforming = 0;
            for (JsonNode note : object(e, "notes")) {
                if (enumOf(Conformity.class, note, "conformity") == Conformity.NONCONFORMING) {
                    nonconforming++;
                }
            }
            return new Summary("Đánh giá tại " + text(e, "unit") + " ngày " + vi(text(e, "heldOn")) + ": " + size(e, "notes") + " nội dung, "
                    + nonconforming + " không phù hợp",
                    text(e, "unit") + " audited on " + text(e, "heldOn") + ": " + size(e, "notes") + " checklist notes, " + nonconforming
                            + " nonconforming");
        }
        if (type == AuditFindingRecordedEvent.class) {
            FindingKind kind = enumOf(FindingKind.class, e, "kind");
            return new Summary("Ghi nhận phát hiện " + text(e, "findingId") + " (" + kindVi(kind) + ") tại " + text(e, "unit") + ", điều khoản "
                    + text(e, "clause") + ": " + text(e, "description"),
                    "Finding " + text(e, "findingId") + " (" + kindEn(kind) + ") at " + text(e, "unit") + ", clause " + text(e, "clause") + ": "
                            + text(e, "description"));
        }
        if (type == AuditReportIssuedEvent.class) {
            JsonNode report = object(e, "report");
            String number = report == null ? "" : " số " + text(report, "number");
            return new Summary("Ban hành báo cáo kết quả ĐGNB" + number + " ngày " + vi(text(e, "issuedOn")),
                    "Audit report" + (report == null ? "" : " " + text(report, "number")) + " issued on " + text(e, "issuedOn"));
        }
        if (type == InternalAuditClosedEvent.class) {
            return new Summary("Kết thúc đợt đánh giá nội bộ ngày " + vi(text(e, "closedOn")), "Internal audit closed on " + text(e, "closedOn"));
        }
        return null;
    }

    private static Summary ofNonconformity(Class<?> type, JsonNode e) {
        if (type == NonconformityRaisedEvent.class) {
            String unit = text(e, "unit");
            String clause = text(e, "clause");
            String where = (unit == null ? "" : " tại " + unit) + (clause == null ? "" : ", điều khoản " + clause);
            String whereEn = (unit == null ? "" : " at " + unit) + (clause == null ? "" : ", clause " + clause);
            boolean major = enumOf(Severity.class, e, "severity") == Severity.MAJOR;
            NonconformitySource source = enumOf(NonconformitySource.class, object(e, "origin"), "source");
            return new Summary("Ghi nhận sự không phù hợp " + (major ? "nặng" : "nhẹ") + " (nguồn: " + sourceVi(source) + ")" + where + ": "
                    + text(e, "description"),
                    (major ? "Major" : "Minor") + " nonconformity raised (source: " + sourceEn(source) + ")" + whereEn + ": "
                            + text(e, "description"));
        }
        if (type == CorrectionRecordedEvent.class) {
            return new Summary("Khắc phục tức thời ngày " + vi(text(e, "correctedOn")) + ": " + text(e, "correction"),
                    "Correction on " + text(e, "correctedOn") + ": " + text(e, "correction"));
        }
        if (type == RootCauseAnalysedEvent.class) {
            return new Summary("Phân tích nguyên nhân ngày " + vi(text(e, "analysedOn")) + ": " + text(e, "rootCause"),
                    "Root cause analysed on " + text(e, "analysedOn") + ": " + text(e, "rootCause"));
        }
        if (type == CorrectiveActionPlannedEvent.class) {
            return new Summary("Lập hành động khắc phục " + text(e, "actionId") + " giao " + text(e, "ownerUnit") + ", hạn "
                    + vi(text(e, "dueDate")) + ": " + text(e, "description"),
                    "Corrective action " + text(e, "actionId") + " planned for " + text(e, "ownerUnit") + ", due " + text(e, "dueDate") + ": "
                            + text(e, "description"));
        }
        if (type == CorrectiveActionImplementedEvent.class) {
            JsonNode evidence = object(e, "evidence");
            String number = evidence == null ? "" : " (" + text(evidence, "number") + ")";
            return new Summary("Thực hiện hành động khắc phục " + text(e, "actionId") + " ngày " + vi(text(e, "implementedOn")) + number,
                    "Corrective action " + text(e, "actionId") + " implemented on " + text(e, "implementedOn") + number);
        }
        if (type == CorrectiveActionOverdueEvent.class) {
            return new Summary("Hành động khắc phục " + text(e, "actionId") + " của " + text(e, "ownerUnit") + " quá hạn " + vi(text(e, "dueDate")),
                    "Corrective action " + text(e, "actionId") + " of " + text(e, "ownerUnit") + " overdue (due " + text(e, "dueDate") + ")");
        }
        if (type == CorrectiveActionVerifiedEvent.class) {
            String reason = text(e, "reason") == null ? "" : " (" + text(e, "reason") + ")";
            boolean effective = bool(e, "effective");
            return new Summary("Kiểm tra hiệu lực hành động " + text(e, "actionId") + " ngày " + vi(text(e, "verifiedOn")) + ": "
                    + (effective ? "có hiệu lực" : "không có hiệu lực") + reason,
                    "Corrective action " + text(e, "actionId") + " verified on " + text(e, "verifiedOn") + ": "
                            + (effective ? "effective" : "not effective") + reason);
        }
        if (type == NonconformityClosedEvent.class) {
            String note = text(e, "note") == null ? "" : ": " + text(e, "note");
            return new Summary("Đóng sự không phù hợp ngày " + vi(text(e, "closedOn")) + note, "Nonconformity closed on " + text(e, "closedOn") + note);
        }
        if (type == NonconformityReopenedEvent.class) {
            return new Summary("Mở lại sự không phù hợp ngày " + vi(text(e, "reopenedOn")) + ": " + text(e, "reason"),
                    "Nonconformity reopened on " + text(e, "reopenedOn") + ": " + text(e, "reason"));
        }
        return null;
    }

    /** A property as text, null where it is null or absent (as the record's accessor was): "null" when printed, as before. */
    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** A nested object or list, null where it is null or absent. */
    private static JsonNode object(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static int size(JsonNode node, String name) {
        return object(node, name).size();
    }

    private static boolean bool(JsonNode node, String name) {
        return object(node, name).asBoolean();
    }

    private static BigDecimal decimal(JsonNode node, String name) {
        JsonNode value = object(node, name);
        return value == null ? null : value.decimalValue();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode node, String name) {
        String value = text(node, name);
        return value == null ? null : Enum.valueOf(type, value);
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

    private static String target(JsonNode target) {
        if (target == null) {
            return "";
        }
        // The comparator's symbol; the record also read its constant's name, which ofSymbol takes to the symbol.
        return " [" + text(target, "indicator") + " " + Comparator.ofSymbol(text(target, "comparator")).symbol() + " "
                + decimal(target, "value").stripTrailingZeros().toPlainString()
                + (text(target, "unit") == null ? "" : " " + text(target, "unit")) + "]";
    }

    private static String vi(String isoDate) {
        return isoDate == null ? "?" : VI.format(LocalDate.parse(isoDate));
    }

    /** Scheduled occurrences are named {@code measure@dueDate}; say "measure I.6, due 14/05/2023" for those. */
    private static LocalDate dueDateOf(String measureId, String occurrenceId) {
        String prefix = measureId + "@";
        if (!occurrenceId.startsWith(prefix)) {
            return null;
        }
        try {
            return LocalDate.parse(occurrenceId.substring(prefix.length()));
        } catch (DateTimeParseException notScheduled) {
            return null;
        }
    }

    /** The event's occurrence ({@code occurrenceId} of measure {@code measureId}), in Vietnamese. */
    private static String occurrenceVi(JsonNode e) {
        String measureId = text(e, "measureId");
        String occurrenceId = text(e, "occurrenceId");
        LocalDate due = dueDateOf(measureId, occurrenceId);
        return due == null ? "biện pháp " + measureId + ", lần thực hiện " + occurrenceId
                : "biện pháp " + measureId + ", kỳ hạn " + VI.format(due);
    }

    private static String occurrenceEn(JsonNode e) {
        String measureId = text(e, "measureId");
        String occurrenceId = text(e, "occurrenceId");
        LocalDate due = dueDateOf(measureId, occurrenceId);
        return due == null ? "measure " + measureId + ", occurrence " + occurrenceId : "measure " + measureId + ", due " + due;
    }
}
