package vn.qualityledger.query.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.query.QueryServiceApplication;
import vn.qualityledger.query.dashboard.KpiStatus;
import vn.qualityledger.query.dashboard.LatestMeasurement;
import vn.qualityledger.query.dashboard.OccurrenceCounts;
import vn.qualityledger.query.dashboard.TargetView;
import vn.qualityledger.query.tracking.NonconformityStatus;

/**
 * How the report writes dates, numbers and statuses in Vietnamese. Fixed here, never taken from the JVM's locale, so
 * that the same report comes out the same on any machine.
 */
public final class VietnameseText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private VietnameseText() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** An instant as the agency reads it: "14:05:09 ngày 02/12/2026". */
    public static String instant(Instant instant) {
        var local = instant.atZone(QueryServiceApplication.AGENCY_ZONE);
        return TIME.format(local) + " ngày " + DAY.format(local);
    }

    /**
     * The date line's date as Nghị định 30/2020/NĐ-CP writes it: "ngày 05 tháng 02 năm 2023", "ngày 15 tháng 7 năm
     * 2023" — a day below 10 and a month below 3 get a leading zero.
     */
    public static String documentDate(LocalDate date) {
        String day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : String.valueOf(date.getDayOfMonth());
        String month = date.getMonthValue() < 3 ? "0" + date.getMonthValue() : String.valueOf(date.getMonthValue());
        return "ngày " + day + " tháng " + month + " năm " + date.getYear();
    }

    /** A decimal with a decimal comma and dots between thousands, no trailing zeros: 1.212; 96,96. */
    public static String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal plain = value.stripTrailingZeros();
        return grouped(plain.scale() < 0 ? plain.setScale(0, RoundingMode.UNNECESSARY) : plain);
    }

    private static String grouped(BigDecimal value) {
        String text = value.abs().toPlainString();
        int point = text.indexOf('.');
        String whole = point < 0 ? text : text.substring(0, point);
        String fraction = point < 0 ? "" : "," + text.substring(point + 1);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(whole.charAt(i));
        }
        return (value.signum() < 0 ? "-" : "") + grouped + fraction;
    }

    public static String number(long value) {
        return number(BigDecimal.valueOf(value));
    }

    /** A rate in percent with its two decimals: "30,77 %"; "–" when nothing was due. */
    public static String rate(BigDecimal rate) {
        return rate == null ? "–" : grouped(rate.setScale(2, RoundingMode.HALF_UP)) + " %";
    }

    public static String target(TargetView target) {
        if (target == null) {
            return "Không có chỉ tiêu định lượng";
        }
        String comparator = switch (target.comparator()) {
            case ">=" -> "≥";
            case "<=" -> "≤";
            default -> target.comparator();
        };
        return target.indicator() + " " + comparator + " " + number(target.value()) + unit(target.unit());
    }

    public static String unit(String unit) {
        return unit == null || unit.isBlank() ? "" : "%".equals(unit) ? " %" : " " + unit;
    }

    /** The latest measurement as the documents print it: "95 % (19/20), kỳ 01/04/2023 - 30/06/2023; nguồn: …", or "chưa có". */
    public static String measurement(LatestMeasurement latest, TargetView target) {
        if (latest == null) {
            return "chưa có";
        }
        String unit = target == null ? "" : unit(target.unit());
        String ratio = latest.numerator() == null || latest.denominator() == null ? ""
                : " (" + number(latest.numerator()) + "/" + number(latest.denominator()) + ")";
        return number(latest.value()) + unit + ratio + ", kỳ " + date(latest.period().from()) + " - " + date(latest.period().to())
                + (latest.source() == null || latest.source().isBlank() ? "" : "; nguồn: " + latest.source());
    }

    /** An objective's or an organisation's occurrences as the documents print them. */
    public static String counts(OccurrenceCounts counts) {
        return "Công việc đến hạn: " + counts.due() + "; hoàn thành đúng hạn: " + counts.onTime() + "; hoàn thành trễ hạn: "
                + counts.late() + "; quá hạn: " + counts.overdue() + "; chưa đến hạn: " + counts.upcoming() + ".";
    }

    public static String units(List<String> units) {
        return units.stream().collect(Collectors.joining(", "));
    }

    public static String kpi(KpiStatus status) {
        return status.vietnamese();
    }

    public static String status(NonconformityStatus status) {
        return switch (status) {
            case RAISED -> "Mới phát hiện";
            case ACTIONS_PLANNED -> "Đang khắc phục";
            case IMPLEMENTED -> "Đã thực hiện khắc phục";
            case VERIFIED -> "Đã xác nhận hiệu quả";
            case CLOSED -> "Đã đóng";
            case REOPENED -> "Mở lại";
        };
    }

    public static String source(NonconformitySource source) {
        return switch (source) {
            case AUDIT_FINDING -> "Đánh giá nội bộ";
            case OBJECTIVE_NOT_ACHIEVED -> "Mục tiêu không đạt";
            case COMPLAINT -> "Phản ánh, kiến nghị";
            case MANUAL -> "Phát hiện trong công việc";
        };
    }

    public static String severity(Severity severity) {
        return severity == Severity.MAJOR ? "Nặng" : "Nhẹ";
    }
}
