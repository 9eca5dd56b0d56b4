package vn.qualityledger.query.history;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.objective.*;
import vn.qualityledger.query.history.HistoryEntry.Summary;

/** One-line descriptions of objective events, in Vietnamese (as the agency writes dates: dd/MM/yyyy) and English. */
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
        String type = event.getClass().getSimpleName();
        return new Summary("Sự kiện " + type, "Event " + type);
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
