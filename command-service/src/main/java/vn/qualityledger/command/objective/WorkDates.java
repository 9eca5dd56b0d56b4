package vn.qualityledger.command.objective;

import java.time.LocalDate;
import java.util.stream.Stream;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.command.common.Refusal;

/**
 * When the work of an objective (assignments, evidence) may be dated: from the start of its year, or earlier where the
 * plan itself reaches back: a decision signed in the year before, or an occurrence due before the year (II.1's yearly
 * programme of the 2023 plan is due 31/12/2022). A date before that is a slip of the keyboard, not work entered late.
 */
final class WorkDates {

    private WorkDates() {
    }

    /** The first day work of the objective's {@code year} may carry, given its decision and the due dates concerned. */
    static LocalDate opensOn(int year, Decision decision, Stream<LocalDate> dueDates) {
        LocalDate opens = LocalDate.of(year, 1, 1);
        if (decision != null && decision.date().isBefore(opens)) {
            opens = decision.date();
        }
        LocalDate earliestDueYear = dueDates.map(due -> LocalDate.of(due.getYear(), 1, 1)).min(LocalDate::compareTo).orElse(opens);
        return earliestDueYear.isBefore(opens) ? earliestDueYear : opens;
    }

    static void requireNotBefore(LocalDate date, LocalDate opensOn, String field) {
        if (date.isBefore(opensOn)) {
            throw Refusal.ruleBroken("DATED_BEFORE_YEAR", field,
                    field + " " + date + " is before the objective's work opens (" + opensOn + ")");
        }
    }
}
