package vn.qualityledger.command.objective;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.OccurrenceId;
import vn.qualityledger.api.objective.Schedule;
import vn.qualityledger.api.objective.ScheduleRule;
import vn.qualityledger.api.objective.ScheduledOccurrence;
import vn.qualityledger.command.common.Refusal;

/**
 * Turns a measure's schedule into the occurrences it yields for an objective's year. Deterministic: the same schedule
 * and year always give the same occurrences, identified as {@code measureId@dueDate} (two rules that fall on the same
 * day give one occurrence).
 */
public final class ScheduleExpansion {

    /** A guard against rules such as FREQ=SECONDLY; the plans we know have at most one a month. */
    static final int MAX_OCCURRENCES_PER_RULE = 400;

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private ScheduleExpansion() {
    }

    /** The due dates of a schedule in {@code year}, or a refusal naming the first rule that cannot be read. */
    public static List<ScheduledOccurrence> occurrences(MeasureId measureId, Schedule schedule, int year) {
        TreeSet<LocalDate> dueDates = new TreeSet<>();
        List<ScheduleRule> rules = schedule.rules();
        for (int i = 0; i < rules.size(); i++) {
            dueDates.addAll(dueDates(rules.get(i), year, "details.schedule.rules[" + i + "]"));
        }
        List<ScheduledOccurrence> occurrences = new ArrayList<>();
        for (LocalDate due : dueDates) {
            occurrences.add(new ScheduledOccurrence(occurrenceId(measureId, due), due));
        }
        return occurrences;
    }

    static OccurrenceId occurrenceId(MeasureId measureId, LocalDate due) {
        return new OccurrenceId(measureId.value() + "@" + due);
    }

    private static List<LocalDate> dueDates(ScheduleRule rule, int year, String field) {
        ScheduleRule.Kind kind = rule.kind();
        if (kind == null) {
            throw Refusal.ruleBroken("SCHEDULE_RULE_AMBIGUOUS", field,
                    "A schedule rule must be exactly one of: due, window, rrule, continuous, adhoc");
        }
        return switch (kind) {
            case ONE_OFF -> List.of(rule.due());
            case WINDOW -> List.of(windowDue(rule, field));
            case RRULE -> recurrences(rule.rrule(), year, field + ".rrule");
            case CONTINUOUS -> List.of(LocalDate.of(year, 3, 31), LocalDate.of(year, 6, 30),
                    LocalDate.of(year, 9, 30), LocalDate.of(year, 12, 31));
            case AD_HOC -> List.of();
        };
    }

    private static LocalDate windowDue(ScheduleRule rule, String field) {
        List<LocalDate> window = rule.window();
        if (window.size() != 2 || window.get(0) == null || window.get(1) == null || window.get(0).isAfter(window.get(1))) {
            throw Refusal.ruleBroken("SCHEDULE_WINDOW_INVALID", field + ".window",
                    "A window is [start, end] with start on or before end");
        }
        LocalDate due = rule.due() != null ? rule.due() : window.get(1);
        if (due.isBefore(window.get(0))) {
            throw Refusal.ruleBroken("SCHEDULE_WINDOW_INVALID", field + ".due", "A window's due date cannot precede its start");
        }
        return due;
    }

    /**
     * Instances of an RFC 5545 rule within the year. A {@code DTSTART=yyyyMMdd} part (not RRULE syntax, but how plans
     * give a phase, e.g. "every 6 months from 30/06") sets the start; otherwise the rule starts on 1 January.
     */
    private static List<LocalDate> recurrences(String rrule, int year, String field) {
        LocalDate start = LocalDate.of(year, 1, 1);
        StringBuilder ruleWithoutStart = new StringBuilder();
        for (String part : rrule.trim().split(";")) {
            if (part.regionMatches(true, 0, "DTSTART=", 0, 8)) {
                try {
                    start = LocalDate.parse(part.substring(8), BASIC_DATE);
                } catch (DateTimeParseException e) {
                    throw Refusal.ruleBroken("SCHEDULE_RRULE_INVALID", field, "DTSTART must be a date as yyyyMMdd: " + part);
                }
            } else if (!part.isBlank()) {
                ruleWithoutStart.append(ruleWithoutStart.isEmpty() ? "" : ";").append(part);
            }
        }
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(ruleWithoutStart.toString(), RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            throw Refusal.ruleBroken("SCHEDULE_RRULE_INVALID", field, "Not an RFC 5545 recurrence rule: " + e.getMessage());
        }
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        List<LocalDate> dates = new ArrayList<>();
        RecurrenceRuleIterator instances = rule.iterator(new DateTime(start.getYear(), start.getMonthValue() - 1, start.getDayOfMonth()));
        int seen = 0;
        while (instances.hasNext() && seen++ < MAX_OCCURRENCES_PER_RULE) {
            DateTime instance = instances.nextDateTime();
            LocalDate date = LocalDate.of(instance.getYear(), instance.getMonth() + 1, instance.getDayOfMonth());
            if (date.isAfter(yearEnd)) {
                return dates;
            }
            if (date.getYear() == year) {
                dates.add(date);
            }
        }
        if (instances.hasNext()) {
            throw Refusal.ruleBroken("SCHEDULE_RRULE_TOO_FREQUENT", field,
                    "A rule may yield at most " + MAX_OCCURRENCES_PER_RULE + " occurrences a year");
        }
        return dates;
    }
}
