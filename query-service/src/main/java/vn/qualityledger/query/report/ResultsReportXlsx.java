package vn.qualityledger.query.report;

import vn.qualityledger.query.document.VietnameseText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * The results report's figures as plain-value tables, one sheet per table, Vietnamese headings in the first row:
 * numbers as numbers, dates as dates, no formulas, so that what a cell shows is what the API answers. Column widths are
 * fixed (never measured from fonts, which differ between machines); no generation time enters the file.
 */
final class ResultsReportXlsx {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final ResultsReport report;
    private final CellStyle header;
    private final CellStyle day;
    private final CellStyle wrapped;

    private ResultsReportXlsx(ResultsReport report) {
        this.report = report;
        Font bold = workbook.createFont();
        bold.setFontName("Times New Roman");
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        day = workbook.createCellStyle();
        day.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
    }

    static byte[] write(ResultsReport report) {
        return new ResultsReportXlsx(report).render();
    }

    private byte[] render() {
        try (workbook) {
            metadata();
            summary();
            objectives();
            measures();
            evidence();
            units();
            nonconformities();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return DeterministicZip.normalise(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report", e);
        }
    }

    private void metadata() {
        ReportParameters parameters = report.parameters();
        POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
        core.setCreated(Optional.of(Date.from(parameters.cutOff())));
        core.setModified(Optional.of(Date.from(parameters.cutOff())));
        core.setCreator(parameters.organisationName());
        core.setLastModifiedByUser(parameters.organisationName());
        core.setTitle("Báo cáo " + ResultsReportDocx.title(parameters, report.asOf()));
        core.setIdentifier(parameters.number());
        POIXMLProperties.ExtendedProperties extended = workbook.getProperties().getExtendedProperties();
        extended.setApplication("Quality Ledger");
        extended.setCompany(parameters.organisationName());
    }

    /** Sheet "Tổng hợp": what the report is, then the organisation-year totals (one label and value per row). */
    private void summary() {
        ReportParameters parameters = report.parameters();
        OrganisationSummary summary = report.summary();
        OccurrenceCounts counts = summary.occurrences();
        XSSFSheet sheet = sheet("Tổng hợp", List.of("Chỉ số", "Giá trị"), 45, 60);
        pair(sheet, "Tổ chức", parameters.organisationId());
        pair(sheet, "Tên tổ chức", parameters.organisationName());
        pair(sheet, "Năm", parameters.year());
        pair(sheet, "Loại báo cáo", parameters.kind().name());
        pair(sheet, "Tiêu đề", ResultsReportDocx.title(parameters, report.asOf()));
        pair(sheet, "Số, ký hiệu", parameters.number());
        pair(sheet, "Thời điểm chốt số liệu (UTC)", parameters.cutOff().toString());
        pair(sheet, "Số liệu tính đến ngày", report.asOf());
        pair(sheet, "Số mục tiêu", summary.objectiveCount());
        pair(sheet, "Tổng số công việc", counts.total());
        pair(sheet, "Đến hạn", counts.due());
        pair(sheet, "Hoàn thành đúng hạn", counts.onTime());
        pair(sheet, "Hoàn thành trễ hạn", counts.late());
        pair(sheet, "Quá hạn", counts.overdue());
        pair(sheet, "Chưa đến hạn", counts.upcoming());
        pair(sheet, "Tỷ lệ hoàn thành (%)", summary.completionRate());
        pair(sheet, "Tỷ lệ đúng hạn (%)", summary.onTimeRate());
        for (KpiStatus status : KpiStatus.values()) {
            pair(sheet, "Số mục tiêu " + status.name() + " (" + VietnameseText.kpi(status) + ")",
                    summary.kpiStatusCounts().get(status).longValue());
        }
        NonconformitySummary nonconformities = report.nonconformitySummary();
        pair(sheet, "Sự không phù hợp phát sinh trong năm", nonconformities.total());
        pair(sheet, "Sự không phù hợp đã đóng", nonconformities.closed());
        pair(sheet, "Sự không phù hợp còn mở", nonconformities.open());
        pair(sheet, "Sự không phù hợp quá hạn khắc phục", nonconformities.overdue());
    }

    /** Sheet "Mục tiêu": one row per objective. */
    private void objectives() {
        XSSFSheet sheet = sheet("Mục tiêu", List.of("Mã mục tiêu", "Mục tiêu", "Chỉ tiêu", "So sánh", "Giá trị chỉ tiêu",
                "Đơn vị tính", "Kết quả đo gần nhất", "Tử số", "Mẫu số", "Kỳ đo từ", "Kỳ đo đến", "Nguồn", "Tình trạng chỉ tiêu",
                "Đánh giá chỉ tiêu", "Tổng số công việc", "Đến hạn", "Đúng hạn", "Trễ hạn", "Quá hạn", "Chưa đến hạn",
                "Tỷ lệ hoàn thành (%)", "Tỷ lệ đúng hạn (%)", "Đánh giá cuối năm", "Ngày đóng"),
                16, 60, 40, 8, 12, 10, 12, 10, 10, 12, 12, 30, 16, 22, 10, 10, 10, 10, 10, 10, 12, 12, 14, 12);
        for (ObjectiveSection section : report.objectives()) {
            ObjectiveDashboard o = section.figures();
            LatestMeasurement m = o.latestMeasurement();
            OccurrenceCounts c = o.occurrences();
            values(sheet, o.code(), o.statement(), o.target() == null ? null : o.target().indicator(),
                    o.target() == null ? null : o.target().comparator(), o.target() == null ? null : o.target().value(),
                    o.target() == null ? null : o.target().unit(), m == null ? null : m.value(), m == null ? null : m.numerator(),
                    m == null ? null : m.denominator(), m == null ? null : m.period().from(), m == null ? null : m.period().to(),
                    m == null ? null : m.source(), o.kpiStatus().name(), VietnameseText.kpi(o.kpiStatus()), c.total(), c.due(),
                    c.onTime(), c.late(), c.overdue(), c.upcoming(), o.completionRate(), o.onTimeRate(),
                    o.assessment() == null ? null : o.assessment().achieved() ? "Đạt" : "Không đạt", o.closedOn());
        }
    }

    /** Sheet "Biện pháp": every measure with its lead units and the counts of its own occurrences. */
    private void measures() {
        XSSFSheet sheet = sheet("Biện pháp", List.of("Mã mục tiêu", "Biện pháp", "Nội dung", "Chủ trì", "Phối hợp", "Hủy từ ngày",
                "Tổng số công việc", "Đến hạn", "Đúng hạn", "Trễ hạn", "Quá hạn", "Chưa đến hạn"),
                16, 10, 60, 20, 30, 12, 10, 10, 10, 10, 10, 10);
        for (ObjectiveSection section : report.objectives()) {
            for (MeasureFigures measure : section.measures()) {
                OccurrenceCounts c = measure.occurrences();
                values(sheet, section.figures().code(), measure.code(), measure.title(), VietnameseText.units(measure.leadUnits()),
                        VietnameseText.units(measure.coordinatingUnits()), measure.cancelledOn(), c.total(), c.due(), c.onTime(),
                        c.late(), c.overdue(), c.upcoming());
            }
        }
    }

    /** Sheet "Minh chứng": the evidence accepted by the date. */
    private void evidence() {
        XSSFSheet sheet = sheet("Minh chứng", List.of("Mã mục tiêu", "Biện pháp", "Công việc", "Hạn", "Số, ký hiệu văn bản",
                "Ngày văn bản", "Cơ quan ban hành", "Trích yếu", "Ngày chấp nhận", "Hoàn thành ngày"),
                16, 10, 22, 12, 20, 12, 24, 50, 12, 12);
        for (ObjectiveSection section : report.objectives()) {
            Map<String, String> codes = section.measures().stream()
                    .collect(Collectors.toMap(MeasureFigures::measureId, MeasureFigures::code));
            for (AcceptedEvidence e : section.evidence()) {
                values(sheet, section.figures().code(), codes.getOrDefault(e.measureId(), e.measureId()), e.occurrenceId(),
                        e.dueDate(), e.documentNumber(), e.documentDate(), e.issuer(), e.title(), e.acceptedOn(), e.completedOn());
            }
        }
    }

    /** Sheet "Đơn vị": work assigned per unit, with what is overdue. */
    private void units() {
        XSSFSheet sheet = sheet("Đơn vị", List.of("Đơn vị", "Được giao", "Đến hạn", "Đúng hạn", "Trễ hạn", "Quá hạn",
                "Tỷ lệ hoàn thành (%)", "Tỷ lệ đúng hạn (%)", "Minh chứng chờ xem xét"), 16, 10, 10, 10, 10, 10, 12, 12, 12);
        for (UnitFigures u : report.units()) {
            values(sheet, u.unit(), u.assigned(), u.due(), u.onTime(), u.late(), u.overdue(), u.completionRate(), u.onTimeRate(),
                    u.evidenceAwaitingReview());
        }
    }

    /** Sheet "Sự không phù hợp": those raised in the year by the date. */
    private void nonconformities() {
        XSSFSheet sheet = sheet("Sự không phù hợp", List.of("Mã", "Nguồn", "Mức độ", "Đơn vị", "Điều khoản", "Mô tả",
                "Ngày phát hiện", "Tình trạng", "Tình trạng (mô tả)", "Ngày đóng", "Số ngày", "Quá hạn", "Hành động quá hạn"),
                28, 16, 8, 10, 10, 50, 12, 16, 22, 12, 8, 8, 10);
        for (NonconformityRow n : report.nonconformities()) {
            values(sheet, n.nonconformityId(), n.source().name(), n.severity().name(), n.unit(), n.clause(), n.description(),
                    n.raisedOn(), n.status().name(), VietnameseText.status(n.status()), n.closedOn(), (long) n.ageDays(),
                    n.overdue() ? "Có" : "Không", n.overdueActions());
        }
    }

    // ---- building blocks ----------------------------------------------------------------------------------------

    private XSSFSheet sheet(String name, List<String> headings, int... widths) {
        XSSFSheet sheet = workbook.createSheet(name);
        Row row = sheet.createRow(0);
        for (int i = 0; i < headings.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headings.get(i));
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, (i < widths.length ? widths[i] : 12) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private void pair(XSSFSheet sheet, String label, Object value) {
        values(sheet, label, value);
    }

    private void values(XSSFSheet sheet, Object... values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue; // an empty cell: nothing to show (no measurement, no target, not closed)
            }
            Cell cell = row.createCell(i);
            if (value instanceof String text) {
                cell.setCellValue(text);
                if (text.length() > 40) {
                    cell.setCellStyle(wrapped);
                }
            } else if (value instanceof BigDecimal number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Long number) {
                cell.setCellValue(number);
            } else if (value instanceof Integer number) {
                cell.setCellValue(number);
            } else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(day);
            } else {
                throw new IllegalArgumentException("no cell for " + value.getClass());
            }
        }
    }
}
