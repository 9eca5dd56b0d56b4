package vn.qualityledger.web.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.qualityledger.web.Pages;

/**
 * A measure's schedule rules as a form takes them, one a line, into the plan document's rule objects: a day
 * ({@code 30/06/2023}: {@code due}), two days ({@code 01/07/2023 - 31/12/2023}: a {@code window}), an RFC 5545 rule
 * ({@code FREQ=MONTHLY;BYMONTHDAY=25}, optionally after {@code RRULE:}), {@code liên tục} (continuous) or
 * {@code đột xuất: …} (ad hoc). Only the notation: whether a rule holds (a window's order, a rule's syntax) is the
 * service's verdict.
 */
final class ScheduleRules {

    /** A line that is none of the notations; the message is the line. */
    static final class NotARule extends Exception {
        NotARule(String line) {
            super(line);
        }
    }

    private ScheduleRules() {
    }

    static List<Map<String, Object>> parse(String text) throws NotARule {
        List<Map<String, Object>> rules = new ArrayList<>();
        if (text == null) {
            return rules;
        }
        for (String raw : text.split("\\R")) {
            String line = raw.trim();
            if (!line.isEmpty()) {
                rules.add(rule(line));
            }
        }
        return rules;
    }

    /**
     * The recorded rules ({@code schedule_rules} of the plan read) in the notation {@link #parse} reads, one a line, so
     * that a revision starts from what is recorded; empty when there are none recorded (a measure projected before
     * query-service's V25) or a rule has no notation here (a window whose due day is not its last day).
     */
    static Optional<String> format(Object recorded) {
        if (!(recorded instanceof List<?> rules) || rules.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (Object entry : rules) {
            if (!(entry instanceof Map<?, ?> rule)) {
                return Optional.empty();
            }
            if (rule.get("rrule") != null) {
                lines.add(rule.get("rrule").toString());
            } else if (Boolean.TRUE.equals(rule.get("continuous"))) {
                lines.add("liên tục");
            } else if (rule.get("adhoc") != null) {
                lines.add("đột xuất: " + rule.get("adhoc"));
            } else if (rule.get("window") instanceof List<?> window && window.size() == 2) {
                if (rule.get("due") != null && !rule.get("due").equals(window.get(1))) {
                    return Optional.empty();
                }
                lines.add(typed(window.get(0)) + " - " + typed(window.get(1)));
            } else if (rule.get("due") != null) {
                lines.add(typed(rule.get("due")));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(String.join("\n", lines));
    }

    private static String typed(Object isoDay) {
        return LocalDate.parse(isoDay.toString()).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private static Map<String, Object> rule(String line) throws NotARule {
        Map<String, Object> rule = new LinkedHashMap<>();
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("rrule:")) {
            rule.put("rrule", line.substring("rrule:".length()).trim());
            return rule;
        }
        if (lower.startsWith("freq=") || lower.contains(";freq=")) {
            rule.put("rrule", line);
            return rule;
        }
        if (lower.equals("liên tục") || lower.equals("continuous")) {
            rule.put("continuous", true);
            return rule;
        }
        for (String prefix : List.of("đột xuất", "adhoc", "ad hoc")) {
            if (lower.startsWith(prefix)) {
                String description = line.substring(prefix.length()).replaceFirst("^\\s*[:–-]\\s*", "").trim();
                rule.put("adhoc", description.isEmpty() ? line : description);
                return rule;
            }
        }
        String[] days = line.split("\\s+[-–]\\s+|\\s*[–]\\s*");
        if (days.length == 2) {
            Optional<LocalDate> start = Pages.parseDate(days[0]);
            Optional<LocalDate> end = Pages.parseDate(days[1]);
            if (start.isPresent() && end.isPresent()) {
                rule.put("window", List.of(start.get().toString(), end.get().toString()));
                return rule;
            }
        }
        Optional<LocalDate> due = Pages.parseDate(line);
        if (due.isPresent()) {
            rule.put("due", due.get().toString());
            return rule;
        }
        throw new NotARule(line);
    }
}
