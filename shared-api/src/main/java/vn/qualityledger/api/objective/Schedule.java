package vn.qualityledger.api.objective;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * When a measure's work is due.
 *
 * @param text  the plan's own wording, e.g. "Trước 15/5 và trước 30/10 hằng năm"
 * @param rules one reading of it as rules; together they yield the measure's occurrences
 */
public record Schedule(@Size(max = 1000) String text, @NotEmpty @Size(max = 20) List<@Valid ScheduleRule> rules) {

    public Schedule {
        rules = rules == null ? null : List.copyOf(rules);
    }
}
