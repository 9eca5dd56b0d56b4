package vn.qualityledger.query.review;

import static vn.qualityledger.query.document.VietnameseText.date;
import static vn.qualityledger.query.document.VietnameseText.rate;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import vn.qualityledger.query.auditprogramme.AuditProgramme.AuditStatus;
import vn.qualityledger.query.auditprogramme.AuditProgramme.KindCounts;
import vn.qualityledger.query.dashboard.ObjectiveDashboard;
import vn.qualityledger.query.dashboard.OrganisationSummary;
import vn.qualityledger.query.dashboard.UnitFigures;
import vn.qualityledger.query.document.AdministrativeDocx;
import vn.qualityledger.query.document.DocumentHeader;
import vn.qualityledger.query.document.PrintedCheckpoint;
import vn.qualityledger.query.document.VietnameseText;
import vn.qualityledger.query.nonconformity.NonconformityRow;
import vn.qualityledger.query.review.ManagementReviewRepository.Decision;
import vn.qualityledger.query.review.ManagementReviewRepository.Detail;
import vn.qualityledger.query.review.ManagementReviewRepository.Notes;
import vn.qualityledger.query.review.ManagementReviewRepository.Person;

/**
 * The minutes of a held management review (Biên bản họp xem xét của lãnh đạo) as a Word document in the form of
 * Nghị định 30/2020/NĐ-CP ({@link AdministrativeDocx}): the letterhead dated on the meeting's day, the meeting (time,
 * place, chair, invited, attending), the 9.3.2 inputs as known at the cut-off, what was discussed, the 9.3.1
 * conclusion, the 9.3.3 decisions, "Nơi nhận", the signer and the ledger checkpoint issued at. Created at the cut-off; no generation time enters it.
 */
final class ReviewMinutesDocx {

    static final String TITLE = "Họp xem xét của lãnh đạo về hệ thống quản lý chất lượng";

    private final AdministrativeDocx document = new AdministrativeDocx();
    private final Detail review;
    private final ReviewInputs inputs;
    private final DocumentHeader header;
    private final PrintedCheckpoint checkpoint;

    private ReviewMinutesDocx(Detail review, ReviewInputs inputs, DocumentHeader header, PrintedCheckpoint checkpoint) {
        this.review = review;
        this.inputs = inputs;
        this.checkpoint = checkpoint;
        this.header = header;
    }

    /** The review must be held: its day dates the minutes, its cut-off is their creation time. */
    static byte[] write(Detail review, ReviewInputs inputs, DocumentHeader header, PrintedCheckpoint checkpoint) {
        return new ReviewMinutesDocx(review, inputs, header, checkpoint).render();
    }

    private byte[] render() {
        document.metadata(header, inputs.knownAt(), "Biên bản họp xem xét của lãnh đạo - " + review.title(),
                review.organisationId() + " " + review.id());
        document.letterhead(header, review.heldOn());
        document.title("BIÊN BẢN", TITLE);
        document.body(review.title(), true, false);
        meeting();
        inputs();
        discussion();
        conclusion();
        decisions();
        document.signature(header);
        document.checkpoint(checkpoint);
        return document.bytes();
    }

    private void meeting() {
        document.heading("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN");
        document.labelled("Thời gian: ", "ngày " + date(review.heldOn()) + ".");
        document.labelled("Địa điểm: ", header.place() + ".");
        document.labelled("Kỳ xem xét: ", "từ ngày " + date(review.periodFrom()) + " đến ngày " + date(review.periodTo())
                + "; hình thức: " + trigger(review.trigger())
                + (review.auditId() == null ? "" : " (cuộc đánh giá " + review.auditId() + ")") + ".");
        document.labelled("Chủ trì: ", person(review.chair()) + ".");
        document.labelled("Thành phần được mời: ", people(review.participants()) + ".");
        document.labelled("Thành phần tham dự: ", people(review.attendees()) + ".");
        document.body("Số liệu đầu vào tính đến hết ngày " + date(inputs.asOf()) + ", theo các dữ liệu đã ghi nhận trên hệ "
                + "thống đến " + VietnameseText.instant(inputs.knownAt()) + " (giờ Việt Nam).", false, true);
    }

    // ---- 9.3.2 ------------------------------------------------------------------------------------------------------

    private void inputs() {
        Notes notes = inputs.notes();
        document.heading("II. ĐẦU VÀO CỦA XEM XÉT (TCVN ISO 9001:2015, điều 9.3.2)");
        previousDecisions();
        document.body("2. Những thay đổi về các vấn đề bên ngoài và nội bộ liên quan đến hệ thống quản lý chất lượng: "
                + note(notes == null ? null : notes.contextChanges()), true, false);
        document.body("3. Thông tin về kết quả thực hiện và hiệu lực của hệ thống quản lý chất lượng:", true, false);
        document.body("a) Sự thỏa mãn của người dân, tổ chức và phản hồi từ các bên quan tâm liên quan: "
                + note(notes == null ? null : notes.stakeholderFeedback()));
        objectives();
        monitoring();
        nonconformities();
        audits();
        document.body("f) Kết quả thực hiện của các nhà cung cấp bên ngoài: " + note(notes == null ? null : notes.externalProviders()));
        document.body("4. Sự thỏa đáng của các nguồn lực: " + note(notes == null ? null : notes.resourceAdequacy()), true, false);
        document.body("5. Hiệu lực của các hành động được thực hiện để giải quyết rủi ro và cơ hội: "
                + note(notes == null ? null : notes.risksAndOpportunities()), true, false);
        document.body("6. Các cơ hội cải tiến: " + note(notes == null ? null : notes.improvementProposals()), true, false);
        if (notes != null && notes.other() != null && !notes.other().isBlank()) {
            document.body("7. Nội dung khác: " + notes.other(), true, false);
        }
    }

    private void previousDecisions() {
        ReviewInputs.PreviousDecisions previous = inputs.previousDecisions();
        document.body("1. Tình trạng của các hành động từ những lần xem xét của lãnh đạo trước: " + previous.total()
                + " quyết định; đã hoàn thành: " + previous.done() + "; đang thực hiện: " + previous.open() + "; quá hạn: "
                + previous.overdue() + ".", true, false);
        if (previous.decisions().isEmpty()) {
            return;
        }
        XWPFTable table = document.grid(List.of("Lần xem xét", "Nội dung", "Đơn vị thực hiện", "Thời hạn", "Tình trạng"),
                new int[] {18, 40, 14, 12, 16});
        for (Decision decision : previous.decisions()) {
            AdministrativeDocx.row(table, List.of(decision.reviewId(), decision.description(), decision.ownerUnit(),
                    date(decision.dueDate()), decisionStatus(decision)), 2);
        }
    }

    private void objectives() {
        OrganisationSummary summary = inputs.objectiveSummary();
        document.body("b) Mức độ đạt được các mục tiêu chất lượng năm " + inputs.year() + ": " + summary.objectiveCount()
                + " mục tiêu. " + VietnameseText.counts(summary.occurrences()) + " Tỷ lệ hoàn thành: "
                + rate(summary.completionRate()) + "; tỷ lệ hoàn thành đúng hạn: " + rate(summary.onTimeRate()) + ".");
        if (inputs.objectives().isEmpty()) {
            return;
        }
        XWPFTable table = document.grid(List.of("Mục tiêu", "Chỉ tiêu", "Kết quả đo gần nhất", "Đánh giá", "Tỷ lệ hoàn thành",
                "Tỷ lệ đúng hạn"), new int[] {14, 24, 26, 14, 11, 11});
        for (ObjectiveDashboard objective : inputs.objectives()) {
            AdministrativeDocx.row(table, List.of(objective.code(), VietnameseText.target(objective.target()),
                    VietnameseText.measurement(objective.latestMeasurement(), objective.target()),
                    VietnameseText.kpi(objective.kpiStatus()), rate(objective.completionRate()), rate(objective.onTimeRate())), 3);
        }
    }

    private void monitoring() {
        ReviewInputs.Monitoring monitoring = inputs.monitoring();
        document.body("c) Kết quả theo dõi và đo lường, kết quả thực hiện các quá trình: công việc được giao theo đơn vị"
                + (monitoring.units().isEmpty() ? ": chưa có." : ":"));
        if (!monitoring.units().isEmpty()) {
            XWPFTable table = document.grid(List.of("Đơn vị", "Được giao", "Đến hạn", "Đúng hạn", "Trễ hạn", "Quá hạn",
                    "Tỷ lệ hoàn thành"), new int[] {22, 12, 12, 12, 12, 12, 18});
            for (UnitFigures unit : monitoring.units()) {
                AdministrativeDocx.row(table, List.of(unit.unit(), String.valueOf(unit.assigned()), String.valueOf(unit.due()),
                        String.valueOf(unit.onTime()), String.valueOf(unit.late()), String.valueOf(unit.overdue()),
                        rate(unit.completionRate())), 1);
            }
        }
        document.body("Đơn vị đã được đánh giá nội bộ trong năm " + inputs.year() + ": " + monitoring.auditedUnits() + "/"
                + monitoring.auditUnits() + " (" + rate(monitoring.auditedRate()) + ").");
    }

    private void nonconformities() {
        ReviewInputs.Nonconformities nonconformities = inputs.nonconformities();
        document.body("d) Sự không phù hợp và hành động khắc phục: phát sinh trong kỳ: " + nonconformities.raisedInPeriod()
                + "; đã đóng trong kỳ: " + nonconformities.closedInPeriod() + "; còn mở: " + nonconformities.open()
                + ", trong đó quá hạn khắc phục: " + nonconformities.overdue() + " (hành động khắc phục quá hạn: "
                + nonconformities.overdueActions() + ").");
        if (nonconformities.rows().isEmpty()) {
            return;
        }
        XWPFTable table = document.grid(List.of("Mã", "Nguồn", "Mức độ", "Đơn vị", "Điều khoản", "Ngày phát hiện", "Tình trạng",
                "Ngày đóng"), new int[] {20, 14, 8, 10, 10, 12, 14, 12});
        for (NonconformityRow row : nonconformities.rows()) {
            AdministrativeDocx.row(table, List.of(row.nonconformityId(), VietnameseText.source(row.source()),
                    VietnameseText.severity(row.severity()), row.unit() == null ? "" : row.unit(),
                    row.clause() == null ? "" : row.clause(), date(row.raisedOn()),
                    VietnameseText.status(row.status()) + (row.overdue() ? " (quá hạn)" : ""), date(row.closedOn())), 4);
        }
    }

    private void audits() {
        document.body("e) Kết quả đánh giá nội bộ: cuộc đánh giá kết thúc trong kỳ: " + inputs.audits().size()
                + (inputs.audits().isEmpty() ? "." : ":"));
        if (inputs.audits().isEmpty()) {
            return;
        }
        XWPFTable table = document.grid(List.of("Cuộc đánh giá", "Ngày kết thúc", "Đơn vị được đánh giá", "NC nặng", "NC nhẹ",
                "Khuyến nghị", "Cơ hội cải tiến", "Còn mở"), new int[] {26, 12, 12, 10, 10, 10, 10, 10});
        for (AuditStatus audit : inputs.audits()) {
            KindCounts findings = audit.findings();
            AdministrativeDocx.row(table, List.of(audit.title(), date(audit.closedOn()), String.valueOf(audit.unitsHeld()),
                    String.valueOf(findings.majorNonconformities()), String.valueOf(findings.minorNonconformities()),
                    String.valueOf(findings.observations()), String.valueOf(findings.opportunitiesForImprovement()),
                    String.valueOf(audit.openFindings())), 1);
        }
    }

    // ---- the meeting's outputs --------------------------------------------------------------------------------------

    private void discussion() {
        document.heading("III. NỘI DUNG THẢO LUẬN");
        document.body(review.minutesSummary());
    }

    private void conclusion() {
        document.heading("IV. KẾT LUẬN VỀ HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG (điều 9.3.1)");
        document.body("Hệ thống quản lý chất lượng: " + (Boolean.TRUE.equals(review.qmsSuitable()) ? "phù hợp" : "chưa phù hợp")
                + "; " + (Boolean.TRUE.equals(review.qmsAdequate()) ? "thỏa đáng" : "chưa thỏa đáng") + "; "
                + (Boolean.TRUE.equals(review.qmsEffective()) ? "có hiệu lực" : "chưa có hiệu lực") + ".");
        document.body(review.conclusion());
    }

    private void decisions() {
        document.heading("V. CÁC QUYẾT ĐỊNH VÀ HÀNH ĐỘNG (điều 9.3.3)");
        if (review.decisions().isEmpty()) {
            document.body("Không có quyết định nào.");
            return;
        }
        XWPFTable table = document.grid(List.of("TT", "Nội dung", "Loại", "Đơn vị thực hiện", "Thời hạn"),
                new int[] {6, 46, 20, 16, 12});
        int index = 1;
        for (Decision decision : review.decisions()) {
            AdministrativeDocx.row(table, List.of(String.valueOf(index++), decision.description(), kind(decision.kind()),
                    decision.ownerUnit(), date(decision.dueDate())), 3);
        }
    }

    // ---- words ------------------------------------------------------------------------------------------------------

    private static String note(String note) {
        return note == null || note.isBlank() ? "Không có." : note;
    }

    private static String person(Person person) {
        return person.title() == null || person.title().isBlank() ? person.name() : person.name() + " - " + person.title();
    }

    private static String people(List<Person> people) {
        return people == null || people.isEmpty() ? "không có"
                : people.stream().map(ReviewMinutesDocx::person).collect(Collectors.joining("; "));
    }

    static String trigger(String trigger) {
        return switch (trigger) {
            case "PERIODIC" -> "định kỳ";
            case "AFTER_INTERNAL_AUDIT" -> "sau hoạt động đánh giá nội bộ";
            case "EXTRAORDINARY" -> "đột xuất";
            default -> trigger;
        };
    }

    static String kind(String kind) {
        return switch (kind) {
            case "IMPROVEMENT" -> "Cơ hội cải tiến";
            case "QMS_CHANGE" -> "Thay đổi HTQLCL";
            case "RESOURCE_NEED" -> "Nhu cầu nguồn lực";
            default -> kind;
        };
    }

    private static String decisionStatus(Decision decision) {
        return switch (decision.status()) {
            case "DONE" -> "Đã hoàn thành " + date(decision.completedOn())
                    + (Boolean.FALSE.equals(decision.completedOnTime()) ? " (trễ hạn)" : "");
            case "OVERDUE" -> "Quá hạn";
            default -> "Đang thực hiện";
        };
    }
}
