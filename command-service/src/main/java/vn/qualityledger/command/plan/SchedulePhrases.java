package vn.qualityledger.command.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.qualityledger.api.objective.ScheduleRule;
import vn.qualityledger.support.input.RequestText;

/**
 * Reads the "Thời gian thực hiện" column of a plan as the seeds word it into the schedule rules of a plan document,
 * the same rules {@code data/mtcl-2023.json} gives those words. A text is split into parts at ";", " và " and
 * " hoặc "; each part must be one of the {@link #PHRASES}, possibly inside a label ("Chương trình năm (Tháng
 * 12/2022)") or followed by a remark in brackets ("Trước ngày 30 tháng 8 hàng năm (Tùy từng đơn vị …)"). "Trước"
 * (before) a day means due the day before it, as the JSON reads it; recurring work is due on the last day of its
 * period. A text any part of which is none of them is not read at all: a plan row is never half understood.
 */
public final class SchedulePhrases {

    /** One accepted phrase: its pattern, an example (for the template and the README) and what it becomes. */
    public record Phrase(String example, String reading, Pattern pattern, BiFunction<Matcher, Integer, ScheduleRule> rule) {
    }

    /** The text read: its rules, or the first part that is no accepted phrase. */
    public record Reading(List<ScheduleRule> rules, String unreadPart) {
        public boolean read() {
            return rules != null;
        }
    }

    private static final String HANG = "h[àằ]ng"; // "hàng" and "hằng" are both written
    private static final Pattern SEPARATORS = Pattern.compile(";|\\s+và\\s+|\\s+hoặc\\s+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    public static final List<Phrase> PHRASES = List.of(
            phrase("Tháng 01/2023", "cả tháng, hạn ngày cuối tháng (window)", "tháng (\\d{1,2})/(\\d{4})", (m, year) -> {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                return ScheduleRule.window(month.atDay(1), month.atEndOfMonth());
            }),
            phrase("Trước ngày 10/02/2023", "hạn một lần, ngày liền trước (due 2023-02-09)", "trước (?:ngày )?(\\d{1,2})/(\\d{1,2})/(\\d{4})",
                    (m, year) -> ScheduleRule.oneOff(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(1))).minusDays(1))),
            phrase("Trước 15/5 hằng năm; Trước ngày 30 tháng 8 hàng năm", "hằng năm, ngày liền trước (FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=14)",
                    "trước (?:ngày )?(\\d{1,2})(?:/| tháng )(\\d{1,2})(?: " + HANG + " năm)?",
                    (m, year) -> dayBefore(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), year)),
            phrase("Trước ngày 05 hàng tháng", "hằng tháng, ngày liền trước (FREQ=MONTHLY;BYMONTHDAY=4)", "trước (?:ngày )?(\\d{1,2}) " + HANG + " tháng",
                    (m, year) -> monthlyOn(Integer.parseInt(m.group(1)) - 1)),
            phrase("Ngày 20 hàng tháng; Ngày 20/tháng", "hằng tháng vào ngày đó (FREQ=MONTHLY;BYMONTHDAY=20)",
                    "(?:định kỳ " + HANG + " tháng,? )?ngày (\\d{1,2})(?:/tháng| " + HANG + " tháng)",
                    (m, year) -> monthlyOn(Integer.parseInt(m.group(1)))),
            phrase("Hằng tháng; Hàng tháng", "cuối mỗi tháng (FREQ=MONTHLY;BYMONTHDAY=-1)", "(?:định kỳ )?" + HANG + " tháng",
                    (m, year) -> monthlyOn(0)),
            phrase("Hàng quý", "cuối mỗi quý (FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;DTSTART=<năm>0331)",
                    "(?:báo cáo )?(?:định kỳ )?" + HANG + " quý(?:/năm)?", (m, year) -> everyMonths(3, year)),
            phrase("Định kỳ 6 tháng/lần", "cuối mỗi kỳ n tháng, n chia hết 12 (FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1;DTSTART=<năm>0630)",
                    "định kỳ (1|2|3|4|6|12|0[1-6]) tháng/lần", (m, year) -> everyMonths(Integer.parseInt(m.group(1)), year)),
            phrase("Hàng năm", "ngày cuối năm (FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31)", "(?:định kỳ )?" + HANG + " năm",
                    (m, year) -> ScheduleRule.recurring("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31")),
            phrase("Thường xuyên; Cả năm; Định kỳ/Thường xuyên", "liên tục, kiểm tra mỗi quý (continuous)",
                    "(?:định kỳ/)?thường xuyên(?: theo dõi)?|cả năm|liên tục", (m, year) -> ScheduleRule.continuousWork()),
            phrase("Khi có phát sinh; Đột xuất", "khi có việc, không có lịch (adhoc)", "khi có phát sinh|đột xuất",
                    (m, year) -> ScheduleRule.adHoc(lowerFirst(m.group()))),
            phrase("Sau hoạt động ĐGNB; Theo Chương trình công tác", "khi có việc, mô tả bằng chính cụm từ (adhoc)",
                    "(?:đột xuất/)?((?:sau|theo) .+)", (m, year) -> ScheduleRule.adHoc(lowerFirst(m.group(1)))));

    private SchedulePhrases() {
    }

    /**
     * The rules {@code text} says for a plan of {@code year} (the year fixes where a recurrence starts).
     */
    public static Reading read(String text, int year) {
        String whole = tidy(text);
        if (whole.isEmpty()) {
            return new Reading(null, "");
        }
        List<ScheduleRule> rules = new ArrayList<>();
        for (String part : SEPARATORS.split(whole)) {
            ScheduleRule rule = readPart(tidy(part), year);
            if (rule == null) {
                return new Reading(null, tidy(part));
            }
            rules.add(rule);
        }
        return new Reading(List.copyOf(rules), null);
    }

    /** The part as it stands, else the phrase in its brackets (a label before them), else the part without them (a remark). */
    private static ScheduleRule readPart(String part, int year) {
        ScheduleRule rule = match(part, year);
        int open = part.indexOf('(');
        if (rule == null && open >= 0) {
            int close = part.lastIndexOf(')');
            String inner = close > open ? part.substring(open + 1, close) : part.substring(open + 1);
            rule = match(tidy(inner), year);
            if (rule == null) {
                String outer = part.substring(0, open) + (close > open ? part.substring(close + 1) : "");
                rule = match(tidy(outer), year);
            }
        }
        return rule;
    }

    private static ScheduleRule match(String part, int year) {
        if (part.isEmpty()) {
            return null;
        }
        for (Phrase phrase : PHRASES) {
            Matcher matcher = phrase.pattern().matcher(part);
            if (matcher.matches()) {
                try {
                    return phrase.rule().apply(matcher, year);
                } catch (java.time.DateTimeException noSuchDay) {
                    return null; // "Tháng 13/2023", "Trước ngày 31/02/2023": the phrase, but no date
                }
            }
        }
        return null;
    }

    /** NFC, one space between words, no list dash or square brackets around, no full stop at the end. */
    private static String tidy(String text) {
        String tidied = RequestText.normalised(text == null ? "" : text).replaceAll("\\s+", " ").replaceAll("^[\\[\\-–•+ ]+|[\\]. ]+$", "");
        return tidied.trim();
    }

    /** "Trước 15/5" every year: due the 14th of May; before the 1st, the last day of the month before. */
    private static ScheduleRule dayBefore(int day, int month, int year) {
        LocalDate before = LocalDate.of(year, month, day).minusDays(1);
        String monthDay = day == 1 ? "-1" : String.valueOf(before.getDayOfMonth());
        return ScheduleRule.recurring("FREQ=YEARLY;BYMONTH=" + before.getMonthValue() + ";BYMONTHDAY=" + monthDay);
    }

    /** Every month on {@code day}; 0 is the last day of the month ("trước ngày 01 hàng tháng" too). */
    private static ScheduleRule monthlyOn(int day) {
        if (day > 28) {
            throw new java.time.DateTimeException("not a day of every month: " + day);
        }
        return ScheduleRule.recurring("FREQ=MONTHLY;BYMONTHDAY=" + (day <= 0 ? -1 : day));
    }

    /** Every {@code months} months, due on the last day of each period of the year. */
    private static ScheduleRule everyMonths(int months, int year) {
        if (months == 1) {
            return monthlyOn(0);
        }
        if (months == 12) {
            return ScheduleRule.recurring("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31");
        }
        LocalDate first = YearMonth.of(year, months).atEndOfMonth();
        return ScheduleRule.recurring("FREQ=MONTHLY;INTERVAL=" + months + ";BYMONTHDAY=-1;DTSTART=" + first.toString().replace("-", ""));
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    private static Phrase phrase(String example, String reading, String regex, BiFunction<Matcher, Integer, ScheduleRule> rule) {
        return new Phrase(example, reading, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), rule);
    }
}
