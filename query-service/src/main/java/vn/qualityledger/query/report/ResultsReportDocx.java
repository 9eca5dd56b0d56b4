package vn.qualityledger.query.report;

import static vn.qualityledger.query.document.VietnameseText.date;
import static vn.qualityledger.query.document.VietnameseText.number;
import static vn.qualityledger.query.document.VietnameseText.rate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import vn.qualityledger.query.dashboard.KpiStatus;
import vn.qualityledger.query.dashboard.MeasureFigures;
import vn.qualityledger.query.dashboard.ObjectiveDashboard;
import vn.qualityledger.query.dashboard.OccurrenceCounts;
import vn.qualityledger.query.dashboard.OrganisationSummary;
import vn.qualityledger.query.dashboard.UnitFigures;
import vn.qualityledger.query.document.AdministrativeDocx;
import vn.qualityledger.query.document.VietnameseText;
import vn.qualityledger.query.nonconformity.NonconformityRow;
import vn.qualityledger.query.nonconformity.NonconformitySummary;
import vn.qualityledger.query.report.ResultsReport.ObjectiveSection;

/**
 * The results report as a Word document in the form of a Vietnamese administrative report (Nghị định 30/2020/NĐ-CP,
 * Phụ lục I, written by {@link AdministrativeDocx}): the letterhead, the title, the body, "Nơi nhận" and the signer.
 * No generation time enters the file: its creation date is the cut-off.
 */
final class ResultsReportDocx {

    private final AdministrativeDocx document = new AdministrativeDocx();
    private final ResultsReport report;

    private ResultsReportDocx(ResultsReport report) {
        this.report = report;
    }

    static byte[] write(ResultsReport report) {
        return new ResultsReportDocx(report).render();
    }

    static String title(ReportParameters parameters, LocalDate asOf) {
        return switch (parameters.kind()) {
            case SIX_MONTH -> "Kết quả thực hiện mục tiêu chất lượng 6 tháng đầu năm " + parameters.year();
            case ANNUAL -> "Kết quả thực hiện mục tiêu chất lượng năm " + parameters.year();
            case CUT_OFF -> "Kết quả thực hiện mục tiêu chất lượng năm " + parameters.year() + " đến ngày " + date(asOf);
        };
    }

    private byte[] render() {
        ReportParameters parameters = report.parameters();
        document.metadata(parameters.header(), parameters.cutOff(), "Báo cáo " + title(parameters, report.asOf()),
                parameters.organisationId() + " " + parameters.year());
        document.letterhead(parameters.header(), report.asOf());
        document.title("BÁO CÁO", title(parameters, report.asOf()));
        introduction();
        objectives();
        totals();
        units();
        nonconformities();
        document.signature(parameters.header());
        document.checkpoint(parameters.checkpoint());
        return document.bytes();
    }

    private void introduction() {
        ReportParameters parameters = report.parameters();
        String decision = report.objectives().stream().map(section -> section.figures().decision())
                .filter(java.util.Objects::nonNull).findFirst()
                .map(d -> "Thực hiện Quyết định số " + d.number() + " ngày " + date(d.date())
                        + " về việc công bố Mục tiêu chất lượng năm " + parameters.year() + ", ")
                .orElse("");
        body(decision + (decision.isEmpty() ? "B" : "b") + "áo cáo kết quả thực hiện mục tiêu chất lượng năm "
                + parameters.year() + " như sau:");
        body("Số liệu tính đến hết ngày " + date(report.asOf()) + ", theo các dữ liệu đã ghi nhận trên hệ thống đến "
                + VietnameseText.instant(parameters.cutOff()) + " (giờ Việt Nam).", false, true);
    }

    private void objectives() {
        heading("I. KẾT QUẢ THỰC HIỆN TỪNG MỤC TIÊU CHẤT LƯỢNG");
        if (report.objectives().isEmpty()) {
            body("Chưa có mục tiêu chất lượng nào của năm " + report.parameters().year() + ".");
        }
        int index = 1;
        for (ObjectiveSection section : report.objectives()) {
            ObjectiveDashboard figures = section.figures();
            body(index++ + ". " + figures.code() + ": " + figures.statement(), true, false);
            body("- Chỉ tiêu: " + VietnameseText.target(figures.target()) + ".");
            body("- Kết quả đo gần nhất: " + measurement(figures) + ".");
            body("- Đánh giá chỉ tiêu: " + VietnameseText.kpi(figures.kpiStatus()) + ".");
            body("- " + counts(figures.occurrences()) + " Tỷ lệ hoàn thành: " + rate(figures.completionRate())
                    + "; tỷ lệ đúng hạn: " + rate(figures.onTimeRate()) + ".");
            if (figures.assessment() != null) {
                body("- Đánh giá cuối năm (" + date(figures.closedOn()) + "): "
                        + (figures.assessment().achieved() ? "Đạt" : "Không đạt")
                        + (figures.assessment().reason() == null || figures.assessment().reason().isBlank() ? ""
                        : "; lý do: " + figures.assessment().reason()) + ".");
            }
            measures(section.measures());
            evidence(section);
        }
    }

    private static String measurement(ObjectiveDashboard figures) {
        return VietnameseText.measurement(figures.latestMeasurement(), figures.target());
    }

    private static String counts(OccurrenceCounts counts) {
        return VietnameseText.counts(counts);
    }

    private void measures(List<MeasureFigures> measures) {
        if (measures.isEmpty()) {
            return;
        }
        body("Các biện pháp thực hiện:", false, true);
        XWPFTable table = grid(List.of("TT", "Biện pháp", "Chủ trì", "Đến hạn", "Đúng hạn", "Trễ hạn", "Quá hạn"),
                new int[] {9, 37, 18, 9, 9, 9, 9});
        for (MeasureFigures measure : measures) {
            OccurrenceCounts counts = measure.occurrences();
            row(table, List.of(measure.code(), measure.title() + (measure.cancelledOn() == null ? ""
                            : " (hủy từ " + date(measure.cancelledOn()) + ")"), VietnameseText.units(measure.leadUnits()),
                    String.valueOf(counts.due()), String.valueOf(counts.onTime()), String.valueOf(counts.late()),
                    String.valueOf(counts.overdue())), 3);
        }
    }

    private void evidence(ObjectiveSection section) {
        if (section.evidence().isEmpty()) {
            body("Minh chứng đã được chấp nhận: chưa có.", false, true);
            return;
        }
        body("Minh chứng đã được chấp nhận:", false, true);
        Map<String, String> codes = section.measures().stream()
                .collect(Collectors.toMap(MeasureFigures::measureId, MeasureFigures::code));
        XWPFTable table = grid(List.of("Biện pháp", "Hạn", "Số, ký hiệu văn bản", "Ngày văn bản", "Cơ quan ban hành",
                "Hoàn thành ngày"), new int[] {11, 14, 22, 14, 24, 15});
        for (AcceptedEvidence accepted : section.evidence()) {
            row(table, List.of(codes.getOrDefault(accepted.measureId(), accepted.measureId()), date(accepted.dueDate()),
                    accepted.documentNumber(), date(accepted.documentDate()), accepted.issuer(), date(accepted.completedOn())), 9);
        }
    }

    private void totals() {
        OrganisationSummary summary = report.summary();
        heading("II. TỔNG HỢP CHUNG");
        body("Số mục tiêu chất lượng: " + summary.objectiveCount() + ". " + counts(summary.occurrences()));
        body("Tỷ lệ hoàn thành: " + rate(summary.completionRate()) + "; tỷ lệ hoàn thành đúng hạn: "
                + rate(summary.onTimeRate()) + " (tính trên toàn bộ công việc của các mục tiêu).");
        XWPFTable table = grid(List.of("Đánh giá chỉ tiêu", "Số mục tiêu"), new int[] {70, 30});
        for (KpiStatus status : KpiStatus.values()) {
            row(table, List.of(VietnameseText.kpi(status), String.valueOf(summary.kpiStatusCounts().get(status))), 1);
        }
    }

    private void units() {
        heading("III. CÔNG VIỆC QUÁ HẠN THEO ĐƠN VỊ");
        if (report.units().isEmpty()) {
            body("Chưa có công việc nào được giao cho đơn vị.");
            return;
        }
        long overdue = report.units().stream().mapToLong(UnitFigures::overdue).sum();
        body("Công việc đã giao cho đơn vị còn quá hạn: " + overdue + ".");
        XWPFTable table = grid(List.of("Đơn vị", "Được giao", "Đến hạn", "Đúng hạn", "Trễ hạn", "Quá hạn", "Tỷ lệ hoàn thành"),
                new int[] {22, 12, 12, 12, 12, 12, 18});
        for (UnitFigures unit : report.units()) {
            row(table, List.of(unit.unit(), String.valueOf(unit.assigned()), String.valueOf(unit.due()),
                    String.valueOf(unit.onTime()), String.valueOf(unit.late()), String.valueOf(unit.overdue()),
                    rate(unit.completionRate())), 1);
        }
    }

    private void nonconformities() {
        NonconformitySummary summary = report.nonconformitySummary();
        heading("IV. SỰ KHÔNG PHÙ HỢP VÀ HÀNH ĐỘNG KHẮC PHỤC");
        body("Sự không phù hợp phát sinh trong năm " + report.parameters().year() + ": " + summary.total() + "; đã đóng: "
                + summary.closed() + "; còn mở: " + summary.open() + ", trong đó quá hạn khắc phục: " + summary.overdue() + ".");
        if (report.nonconformities().isEmpty()) {
            return;
        }
        XWPFTable table = grid(List.of("Mã", "Nguồn", "Mức độ", "Đơn vị", "Điều khoản", "Ngày phát hiện", "Tình trạng",
                "Ngày đóng"), new int[] {20, 14, 8, 10, 10, 12, 14, 12});
        for (NonconformityRow row : report.nonconformities()) {
            row(table, List.of(row.nonconformityId(), VietnameseText.source(row.source()), VietnameseText.severity(row.severity()),
                    row.unit() == null ? "" : row.unit(), row.clause() == null ? "" : row.clause(), date(row.raisedOn()),
                    VietnameseText.status(row.status()) + (row.overdue() ? " (quá hạn)" : ""), date(row.closedOn())), 4);
        }
    }

    private void heading(String text) {
        document.heading(text);
    }

    private void body(String text) {
        document.body(text);
    }

    private void body(String text, boolean bold, boolean italic) {
        document.body(text, bold, italic);
    }

    private XWPFTable grid(List<String> headers, int[] widths) {
        return document.grid(headers, widths);
    }

    private static void row(XWPFTable table, List<String> values, int firstNumber) {
        AdministrativeDocx.row(table, values, firstNumber);
    }
}
