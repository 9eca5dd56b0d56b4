package vn.qualityledger.api.objective;

import java.util.List;

/**
 * When a measure's work is due.
 *
 * @param text  the plan's own wording, e.g. "Trước 15/5 và trước 30/10 hằng năm"
 * @param rules one reading of it as rules; together they yield the measure's occurrences
 */
public record Schedule(String text, List<ScheduleRule> rules) {
}
