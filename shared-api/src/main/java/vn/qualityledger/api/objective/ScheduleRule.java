package vn.qualityledger.api.objective;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * One rule of a measure's schedule, in the plan document's own form: exactly one of
 * <ul>
 *   <li>{@code due} alone: a one-off due date (the last day the work counts as on time);</li>
 *   <li>{@code window} [start, end] with an optional {@code due} (default: the window's end);</li>
 *   <li>{@code rrule}: an RFC 5545 recurrence rule whose instances in the objective's year are due dates
 *       (a {@code DTSTART=yyyyMMdd} part is accepted; without it the rule starts on 1 January);</li>
 *   <li>{@code continuous: true}: ongoing work, checked once per calendar quarter (due on the quarter's last day);</li>
 *   <li>{@code adhoc}: work on demand, described by the text; occurrences are added one by one.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleRule(LocalDate due, @Size(min = 2, max = 2) List<LocalDate> window, @Size(max = 500) String rrule,
                           Boolean continuous, @Size(max = 500) String adhoc) {

    public enum Kind { ONE_OFF, WINDOW, RRULE, CONTINUOUS, AD_HOC }

    public static ScheduleRule oneOff(LocalDate due) {
        return new ScheduleRule(due, null, null, null, null);
    }

    public static ScheduleRule window(LocalDate start, LocalDate end) {
        return new ScheduleRule(end, List.of(start, end), null, null, null);
    }

    public static ScheduleRule recurring(String rrule) {
        return new ScheduleRule(null, null, rrule, null, null);
    }

    public static ScheduleRule continuousWork() {
        return new ScheduleRule(null, null, null, true, null);
    }

    public static ScheduleRule adHoc(String description) {
        return new ScheduleRule(null, null, null, null, description);
    }

    /** For validation: a rule describes exactly one kind of schedule. */
    @JsonIgnore
    @AssertTrue(message = "must be exactly one of: due, window [start, end] (with optional due), rrule, continuous, adhoc")
    public boolean isOneKind() {
        return kind() != null;
    }

    /** The kind of rule, or {@code null} when the fields do not describe exactly one kind. */
    @JsonIgnore
    public Kind kind() {
        int kinds = (window != null ? 1 : 0) + (rrule != null ? 1 : 0) + (Boolean.TRUE.equals(continuous) ? 1 : 0)
                + (adhoc != null ? 1 : 0);
        if (kinds > 1 || (kinds == 1 && due != null && window == null)) {
            return null;
        }
        if (window != null) {
            return Kind.WINDOW;
        }
        if (rrule != null) {
            return Kind.RRULE;
        }
        if (Boolean.TRUE.equals(continuous)) {
            return Kind.CONTINUOUS;
        }
        if (adhoc != null) {
            return Kind.AD_HOC;
        }
        return due != null ? Kind.ONE_OFF : null;
    }
}
