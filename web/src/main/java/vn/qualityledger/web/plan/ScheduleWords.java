package vn.qualityledger.web.plan;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import vn.qualityledger.web.ProblemMessages;
import vn.qualityledger.web.Reads;

/**
 * A measure's schedule rules, as the plan read gives them back ({@code schedule_rules}: due, window, rrule, continuous,
 * adhoc), said in the page's language the way an agency writes its plan: "Hằng tháng, trước ngày 10", "Hằng quý, hạn
 * ngày cuối tháng, bắt đầu từ 31/03/2023", "Trong tháng 01/2023", "Thường xuyên (kiểm tra hằng quý)".
 *
 * <p>An RFC 5545 rule is read with lib-recur (the parser command-service expands the same rules with, so both read a
 * rule alike); no maintained Java library says a rule in words, in Vietnamese or otherwise (rrule.js's {@code toText}
 * is JavaScript and English only), so the words are put together here from the rule's parts, from the bundles. A due
 * day is the last day the work counts as on time, so "due on the 9th" is written as the agency writes it, "trước ngày
 * 10", while the next day is in the same month; a month's last day is "ngày cuối tháng". A rule with parts these words
 * do not cover (BYSETPOS, BYWEEKNO, BYYEARDAY, times of day) is shown as written, after "Theo quy tắc lặp lại".
 */
public final class ScheduleWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DAY_OF_YEAR = DateTimeFormatter.ofPattern("dd/MM");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private ScheduleWords() {
    }

    /** One phrase per rule, in the plan's order; none when the read has no rules (a measure projected before V25). */
    public static List<String> of(Object rules, ProblemMessages texts) {
        List<String> phrases = new ArrayList<>();
        for (Map<String, Object> rule : Reads.list(rules)) {
            phrases.add(phrase(rule, texts));
        }
        return phrases;
    }

    static String phrase(Map<String, Object> rule, ProblemMessages texts) {
        if (rule.get("rrule") != null) {
            return recurrence(rule.get("rrule").toString(), texts);
        }
        if (Boolean.TRUE.equals(rule.get("continuous"))) {
            return texts.text("schedule.continuous");
        }
        if (rule.get("adhoc") != null) {
            return texts.text("schedule.adhoc", rule.get("adhoc").toString());
        }
        List<String> window = Reads.strings(rule.get("window"));
        LocalDate due = day(rule.get("due"));
        if (window.size() == 2) {
            LocalDate start = day(window.get(0));
            LocalDate end = day(window.get(1));
            if (start == null || end == null) {
                return texts.text("schedule.unreadable", String.join(" – ", window));
            }
            String said = start.getDayOfMonth() == 1 && end.equals(start.withDayOfMonth(start.lengthOfMonth()))
                    ? texts.text("schedule.window.month", MONTH.format(start))
                    : texts.text("schedule.window", DAY.format(start), DAY.format(end));
            return due == null || due.equals(end) ? said : said + ", " + texts.text("schedule.window.due", DAY.format(due));
        }
        if (due != null) {
            return due.getDayOfMonth() < due.lengthOfMonth()
                    ? texts.text("schedule.oneOff.before", DAY.format(due.plusDays(1)))
                    : texts.text("schedule.oneOff.on", DAY.format(due));
        }
        return texts.text("schedule.unreadable", Objects.toString(rule));
    }

    private static String recurrence(String written, ProblemMessages texts) {
        String text = written.trim().regionMatches(true, 0, "RRULE:", 0, 6) ? written.trim().substring(6) : written.trim();
        LocalDate start = null;
        StringBuilder withoutStart = new StringBuilder();
        for (String part : text.split(";")) {
            if (part.regionMatches(true, 0, "DTSTART=", 0, 8)) {
                try {
                    start = LocalDate.parse(part.substring(8), BASIC_DATE);
                } catch (DateTimeParseException notADay) {
                    return texts.text("schedule.unreadable", written);
                }
            } else if (!part.isBlank()) {
                withoutStart.append(withoutStart.isEmpty() ? "" : ";").append(part);
            }
        }
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(withoutStart.toString(), RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException notARule) {
            return texts.text("schedule.unreadable", written);
        }
        // Parts these words do not cover (named only once a rule is parsed: lib-recur's Part must not be initialised before RecurrenceRule).
        List<Part> unsaid = List.of(Part.BYWEEKNO, Part.BYYEARDAY, Part.BYSETPOS, Part.BYHOUR, Part.BYMINUTE, Part.BYSECOND);
        if (unsaid.stream().anyMatch(rule::hasPart) || rule.getFreq().ordinal() > Freq.DAILY.ordinal()) {
            return texts.text("schedule.unreadable", written);
        }
        List<String> phrase = new ArrayList<>();
        phrase.add(frequency(rule, texts));
        String days = days(rule, texts);
        if (days != null) {
            phrase.add(days);
        }
        if (start != null) {
            phrase.add(texts.text("schedule.from", DAY.format(start)));
        }
        if (rule.getCount() != null) {
            phrase.add(texts.text("schedule.count", String.valueOf(rule.getCount())));
        }
        DateTime until = rule.getUntil();
        if (until != null) {
            phrase.add(texts.text("schedule.until", DAY.format(LocalDate.of(until.getYear(), until.getMonth() + 1, until.getDayOfMonth()))));
        }
        return String.join(", ", phrase);
    }

    private static String frequency(RecurrenceRule rule, ProblemMessages texts) {
        int interval = rule.getInterval();
        if (interval <= 1) {
            return texts.text("schedule.freq." + rule.getFreq().name());
        }
        if (rule.getFreq() == Freq.MONTHLY && interval == 3) {
            return texts.text("schedule.quarterly");
        }
        return texts.text("schedule.every." + rule.getFreq().name(), String.valueOf(interval));
    }

    /** The days a rule names within its period, or null when it names none (every period from the start). */
    private static String days(RecurrenceRule rule, ProblemMessages texts) {
        List<String> said = new ArrayList<>();
        List<Integer> monthDays = rule.hasPart(Part.BYMONTHDAY) ? rule.getByPart(Part.BYMONTHDAY) : List.of();
        // lib-recur numbers months from 0, as java.util.Calendar does.
        List<Integer> months = rule.hasPart(Part.BYMONTH) ? rule.getByPart(Part.BYMONTH).stream().map(m -> m + 1).toList() : List.of();
        if (!monthDays.isEmpty() && !months.isEmpty()) {
            for (Integer month : months) {
                for (Integer day : monthDays) {
                    said.add(dayOfYear(Month.of(month), day, texts));
                }
            }
        } else if (!monthDays.isEmpty()) {
            for (Integer day : monthDays) {
                said.add(day == -1 ? texts.text("schedule.day.lastOfMonth")
                        : day > 0 && day < Month.FEBRUARY.minLength() ? texts.text("schedule.day.before", String.valueOf(day + 1))
                        : texts.text("schedule.day.on", String.valueOf(day)));
            }
        } else if (!months.isEmpty()) {
            for (Integer month : months) {
                said.add(texts.text("schedule.inMonth", String.valueOf(month)));
            }
        }
        if (rule.hasPart(Part.BYDAY)) {
            for (RecurrenceRule.WeekdayNum weekday : rule.getByDayPart()) {
                String name = texts.text("schedule.weekday." + weekday.weekday.name());
                said.add(weekday.pos == 0 ? name : weekday.pos == -1 ? texts.text("schedule.weekday.last", name)
                        : texts.text("schedule.weekday.nth", name, String.valueOf(weekday.pos)));
            }
        }
        return said.isEmpty() ? null : String.join(", ", said);
    }

    private static String dayOfYear(Month month, int day, ProblemMessages texts) {
        if (day == -1) {
            return texts.text("schedule.day.lastOfMonthIn", String.valueOf(month.getValue()));
        }
        if (day > 0 && day < month.minLength()) {
            return texts.text("schedule.dayOfYear.before", DAY_OF_YEAR.format(LocalDate.of(2001, month, day + 1)));
        }
        return texts.text("schedule.dayOfYear.on", day > 0 && day <= month.maxLength() ? DAY_OF_YEAR.format(LocalDate.of(2000, month, day))
                : day + "/" + month.getValue());
    }

    private static LocalDate day(Object iso) {
        if (iso == null) {
            return null;
        }
        try {
            return LocalDate.parse(iso.toString());
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }
}
