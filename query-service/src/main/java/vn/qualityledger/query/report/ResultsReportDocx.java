package vn.qualityledger.query.report;

import static vn.qualityledger.query.report.VietnameseText.date;
import static vn.qualityledger.query.report.VietnameseText.number;
import static vn.qualityledger.query.report.VietnameseText.rate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import vn.qualityledger.support.documents.DeterministicZip;
import vn.qualityledger.query.dashboard.KpiStatus;
import vn.qualityledger.query.dashboard.LatestMeasurement;
import vn.qualityledger.query.dashboard.MeasureFigures;
import vn.qualityledger.query.dashboard.ObjectiveDashboard;
import vn.qualityledger.query.dashboard.OccurrenceCounts;
import vn.qualityledger.query.dashboard.OrganisationSummary;
import vn.qualityledger.query.dashboard.UnitFigures;
import vn.qualityledger.query.nonconformity.NonconformityRow;
import vn.qualityledger.query.nonconformity.NonconformitySummary;
import vn.qualityledger.query.report.ResultsReport.ObjectiveSection;

/**
 * The results report as a Word document in the form of a Vietnamese administrative report (Nghị định 30/2020/NĐ-CP,
 * Phụ lục I): A4, margins 20/15/20/30 mm, Times New Roman; the organisation under its parent at the top left, the
 * Quốc hiệu and Tiêu ngữ at the top right, then the number and symbol, the place and date, the title, the body, "Nơi
 * nhận" and the signer. No generation time enters the file: its creation date is the cut-off.
 */
final class ResultsReportDocx {

    private static final String FONT = "Times New Roman";
    private static final int BODY = 13;
    private static final String NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    /** Twentieths of a point per millimetre. */
    private static final double TWIPS_PER_MM = 1440 / 25.4;
    private static final long TEXT_WIDTH = Math.round((210 - 30 - 15) * TWIPS_PER_MM);

    private final XWPFDocument document = new XWPFDocument();
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
        try (document) {
            page();
            metadata();
            letterhead();
            title();
            introduction();
            objectives();
            totals();
            units();
            nonconformities();
            closing();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return DeterministicZip.normalise(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report", e);
        }
    }

    private void page() {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(mm(20));
        margins.setBottom(mm(20));
        margins.setLeft(mm(30));
        margins.setRight(mm(15));
        margins.setHeader(mm(10));
        margins.setFooter(mm(10));
        margins.setGutter(BigInteger.ZERO);
    }

    private static BigInteger mm(double millimetres) {
        return BigInteger.valueOf(Math.round(millimetres * TWIPS_PER_MM));
    }

    private void metadata() {
        ReportParameters parameters = report.parameters();
        POIXMLProperties.CoreProperties core = document.getProperties().getCoreProperties();
        core.setCreated(Optional.of(Date.from(parameters.cutOff())));
        core.setModified(Optional.of(Date.from(parameters.cutOff())));
        core.setCreator(parameters.organisationName());
        core.setLastModifiedByUser(parameters.organisationName());
        core.setTitle("Báo cáo " + title(parameters, report.asOf()));
        core.setSubjectProperty(parameters.organisationId() + " " + parameters.year());
        core.setIdentifier(parameters.number());
        core.setRevision("1");
        POIXMLProperties.ExtendedProperties extended = document.getProperties().getExtendedProperties();
        extended.setApplication("Quality Ledger");
        extended.setCompany(parameters.organisationName());
    }

    // ---- the parts of the document ------------------------------------------------------------------------------

    private void letterhead() {
        ReportParameters parameters = report.parameters();
        XWPFTable table = borderless(2, 2, 40, 60);
        XWPFTableCell left = table.getRow(0).getCell(0);
        if (!parameters.parentName().isBlank()) {
            text(first(left, ParagraphAlignment.CENTER), parameters.parentName().toUpperCase(Locale.ROOT), 12, false, false);
        }
        XWPFParagraph organisation = parameters.parentName().isBlank() ? first(left, ParagraphAlignment.CENTER)
                : next(left, ParagraphAlignment.CENTER);
        text(organisation, parameters.organisationName().toUpperCase(Locale.ROOT), 12, true, false);
        text(next(left, ParagraphAlignment.CENTER), "_______", 12, true, false);

        XWPFTableCell right = table.getRow(0).getCell(1);
        text(first(right, ParagraphAlignment.CENTER), NATIONAL_TITLE, 12, true, false);
        text(next(right, ParagraphAlignment.CENTER), MOTTO, BODY, true, false);
        text(next(right, ParagraphAlignment.CENTER), "_______________________", BODY, true, false);

        // An unnumbered report ("/BC-SLĐTBXH") leaves room before the symbol for the clerk to write the number in.
        String number = parameters.number().startsWith("/") ? "      " + parameters.number() : parameters.number();
        text(first(table.getRow(1).getCell(0), ParagraphAlignment.CENTER), "Số: " + number, BODY, false, false);
        text(first(table.getRow(1).getCell(1), ParagraphAlignment.CENTER),
                parameters.place() + ", " + VietnameseText.documentDate(report.asOf()), 14, false, true);
    }

    private void title() {
        XWPFParagraph space = paragraph(ParagraphAlignment.CENTER);
        space.setSpacingBefore(240);
        text(space, "BÁO CÁO", 14, true, false);
        text(paragraph(ParagraphAlignment.CENTER), title(report.parameters(), report.asOf()), 14, true, false);
        text(paragraph(ParagraphAlignment.CENTER), "________", 14, true, false);
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
        LatestMeasurement latest = figures.latestMeasurement();
        if (latest == null) {
            return "chưa có";
        }
        String unit = figures.target() == null ? "" : VietnameseText.unit(figures.target().unit());
        String ratio = latest.numerator() == null || latest.denominator() == null ? ""
                : " (" + number(latest.numerator()) + "/" + number(latest.denominator()) + ")";
        return number(latest.value()) + unit + ratio + ", kỳ " + date(latest.period().from()) + " - " + date(latest.period().to())
                + (latest.source() == null || latest.source().isBlank() ? "" : "; nguồn: " + latest.source());
    }

    private static String counts(OccurrenceCounts counts) {
        return "Công việc đến hạn: " + counts.due() + "; hoàn thành đúng hạn: " + counts.onTime() + "; hoàn thành trễ hạn: "
                + counts.late() + "; quá hạn: " + counts.overdue() + "; chưa đến hạn: " + counts.upcoming() + ".";
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

    private void closing() {
        ReportParameters parameters = report.parameters();
        paragraph(ParagraphAlignment.LEFT);
        XWPFTable table = borderless(1, 2, 50, 50);
        XWPFTableCell recipients = table.getRow(0).getCell(0);
        text(first(recipients, ParagraphAlignment.LEFT), "Nơi nhận:", 12, true, true);
        for (String recipient : parameters.recipients()) {
            text(next(recipients, ParagraphAlignment.LEFT), "- " + recipient, 11, false, false);
        }
        XWPFTableCell signer = table.getRow(0).getCell(1);
        XWPFParagraph title = first(signer, ParagraphAlignment.CENTER);
        if (!parameters.signerAuthority().isBlank()) {
            text(title, parameters.signerAuthority().toUpperCase(Locale.ROOT), 14, true, false);
            title = next(signer, ParagraphAlignment.CENTER);
        }
        text(title, parameters.signerTitle().toUpperCase(Locale.ROOT), 14, true, false);
        for (int i = 0; i < 4; i++) {
            next(signer, ParagraphAlignment.CENTER);
        }
        text(next(signer, ParagraphAlignment.CENTER), parameters.signerName(), 14, true, false);
        paragraph(ParagraphAlignment.LEFT); // the body ends with a paragraph, as Word writes it, not with a table
    }

    // ---- building blocks ----------------------------------------------------------------------------------------

    private void heading(String text) {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.LEFT);
        paragraph.setSpacingBefore(120);
        text(paragraph, text, BODY, true, false);
    }

    private void body(String text) {
        body(text, false, false);
    }

    private void body(String text, boolean bold, boolean italic) {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(567); // 1 cm
        text(paragraph, text, BODY, bold, italic);
    }

    private XWPFParagraph paragraph(ParagraphAlignment alignment) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        paragraph.setSpacingAfter(60);
        return paragraph;
    }

    private static XWPFRun text(XWPFParagraph paragraph, String text, int points, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(points);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(text);
        return run;
    }

    private static XWPFParagraph first(XWPFTableCell cell, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(alignment);
        return paragraph;
    }

    private static XWPFParagraph next(XWPFTableCell cell, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = cell.addParagraph();
        paragraph.setAlignment(alignment);
        return paragraph;
    }

    /** A table without borders, for the letterhead and the signature block; widths in percent of the text width. */
    private XWPFTable borderless(int rows, int columns, int... widths) {
        XWPFTable table = document.createTable(rows, columns);
        table.removeBorders();
        widths(table, widths);
        for (XWPFTableRow row : table.getRows()) {
            widths(row, widths);
        }
        return table;
    }

    /** A ruled table with a bold header row; widths in percent of the text width. */
    private XWPFTable grid(List<String> headers, int[] widths) {
        XWPFTable table = document.createTable(1, headers.size());
        table.setTableAlignment(TableRowAlign.CENTER);
        // half-point black rules, stated in full: a border without a width is drawn as each program pleases
        table.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        widths(table, widths);
        XWPFTableRow header = table.getRow(0);
        widths(header, widths);
        header.setRepeatHeader(true);
        for (int i = 0; i < headers.size(); i++) {
            text(first(header.getCell(i), ParagraphAlignment.CENTER), headers.get(i), 12, true, false);
        }
        return table;
    }

    /** A row of text cells, as wide as the header's; cells from {@code firstNumber} on are centred (counts, dates). */
    private static void row(XWPFTable table, List<String> values, int firstNumber) {
        XWPFTableRow row = table.createRow();
        XWPFTableRow header = table.getRow(0);
        for (int i = 0; i < values.size(); i++) {
            row.getCell(i).setWidth(header.getCell(i).getWidth() + "");
            text(first(row.getCell(i), i >= firstNumber ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT),
                    values.get(i), 12, false, false);
        }
    }

    /** The table's grid, in twips of the text width (A4 less the margins: 165 mm). */
    private static void widths(XWPFTable table, int... percent) {
        table.setWidth(String.valueOf(TEXT_WIDTH));
        var grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : percent) {
            grid.addNewGridCol().setW(BigInteger.valueOf(twips(width)));
        }
    }

    private static void widths(XWPFTableRow row, int... percent) {
        for (int i = 0; i < percent.length && i < row.getTableCells().size(); i++) {
            row.getCell(i).setWidth(String.valueOf(twips(percent[i])));
        }
    }

    private static long twips(int percent) {
        return Math.round(TEXT_WIDTH * percent / 100.0);
    }
}
