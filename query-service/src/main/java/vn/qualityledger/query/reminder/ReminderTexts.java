package vn.qualityledger.query.reminder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/** The reminders' and the digest's e-mail texts, in Vietnamese, dates dd/MM/yyyy, with links into the web application. */
final class ReminderTexts {

    static final String PREFIX = "[Quality Ledger] ";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String FOOTER = """

            --
            Thư này do Quality Ledger gửi tự động. Mỗi việc được nhắc một lần trước hạn và một lần khi quá hạn; \
            nhắc việc cũng có trong ứng dụng, trang "Nhắc việc".
            """;

    private final String webBaseUrl;

    ReminderTexts(String webBaseUrl) {
        this.webBaseUrl = webBaseUrl;
    }

    static String date(LocalDate day) {
        return day.format(DATE);
    }

    /** The page of the occurrence in the web application (where its unit files the evidence). */
    String link(DueWork work) {
        return UriComponentsBuilder.fromUriString(webBaseUrl).path("/objectives/{objective}/occurrences/{occurrence}")
                .buildAndExpand(work.objectiveId(), work.occurrenceId()).encode().toUriString();
    }

    String subject(ReminderStep step, DueWork work) {
        String what = work.measureCode() + " " + work.measureTitle();
        return switch (step) {
            case DUE_SOON -> PREFIX + "Nhắc việc: " + what + " đến hạn " + date(work.dueDate());
            case OVERDUE -> PREFIX + "Quá hạn: " + what + " (hạn " + date(work.dueDate()) + ")";
        };
    }

    String body(ReminderStep step, DueWork work, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, work.dueDate());
        String opening = switch (step) {
            case DUE_SOON -> "Việc sau đây của đơn vị đến hạn ngày " + date(work.dueDate()) + " (còn " + days + " ngày) và chưa hoàn thành:";
            case OVERDUE -> "Việc sau đây của đơn vị đến hạn ngày " + date(work.dueDate())
                    + " nhưng chưa hoàn thành (chưa có minh chứng được chấp nhận), nên đã được tính là quá hạn:";
        };
        StringBuilder text = new StringBuilder()
                .append("Kính gửi: ").append(String.join(", ", work.units())).append('\n')
                .append('\n')
                .append(opening).append('\n')
                .append('\n')
                .append("Mục tiêu: ").append(work.objectiveCode()).append(" — ").append(work.objectiveStatement()).append('\n')
                .append("Nội dung thực hiện: ").append(work.measureCode()).append(" ").append(work.measureTitle()).append('\n')
                .append("Hạn: ").append(date(work.dueDate())).append('\n');
        if (work.person() != null) {
            text.append("Người thực hiện: ").append(work.person()).append('\n');
        }
        text.append('\n')
                .append("Xem và nộp minh chứng: ").append(link(work)).append('\n')
                .append(FOOTER);
        return text.toString();
    }

    String digestSubject(String isoWeek, int count) {
        return PREFIX + "Tổng hợp việc quá hạn tuần " + weekText(isoWeek) + ": " + count + " việc";
    }

    /** Overdue work per unit (in order of the units' first due dates), each item with its due date and link. */
    String digestBody(String organisationId, String isoWeek, LocalDate today, List<DueWork> overdue) {
        StringBuilder text = new StringBuilder()
                .append("Kính gửi: Đại diện lãnh đạo về chất lượng (QMR) — ").append(organisationId).append('\n')
                .append('\n')
                .append("Tổng hợp việc quá hạn tính đến ngày ").append(date(today)).append(" (tuần ").append(weekText(isoWeek))
                .append("): ").append(overdue.size()).append(" việc.").append('\n');
        if (overdue.isEmpty()) {
            text.append('\n').append("Không có việc quá hạn.").append('\n');
        }
        Map<String, List<DueWork>> byUnits = new LinkedHashMap<>();
        for (DueWork work : overdue) {
            byUnits.computeIfAbsent(String.join(", ", work.units()), key -> new java.util.ArrayList<>()).add(work);
        }
        byUnits.forEach((units, work) -> {
            text.append('\n').append(units.isEmpty() ? "(chưa giao đơn vị)" : units).append(": ").append(work.size()).append(" việc").append('\n');
            for (DueWork item : work) {
                text.append("  - ").append(item.objectiveCode()).append(" · ").append(item.measureCode()).append(" ")
                        .append(item.measureTitle()).append(" — hạn ").append(date(item.dueDate()));
                if (item.person() != null) {
                    text.append(" — ").append(item.person());
                }
                text.append('\n').append("    ").append(link(item)).append('\n');
            }
        });
        return text.append(FOOTER).toString();
    }

    /** 2023-W20 as people write it: 20/2023. */
    static String weekText(String isoWeek) {
        return isoWeek.substring(6) + "/" + isoWeek.substring(0, 4);
    }
}
