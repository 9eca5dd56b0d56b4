package vn.qualityledger.command.web;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.qualityledger.command.common.Refusal;

/**
 * The day a fact applied in the real world, as a request states it: by default today in the agency's zone
 * (Asia/Ho_Chi_Minh), and never after today, since a fact is recorded once it has happened. The instant it was
 * recorded is the event's own and is never taken from a request. Rules relating one fact's date to another's (not
 * before the fact it depends on, within the year) are the aggregates'; only "today" is known here.
 */
@Component
class AppliedDates {

    static final String IN_THE_FUTURE = "DATED_IN_THE_FUTURE";

    private final Clock clock;

    AppliedDates(Clock clock) {
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The stated day, or today; refused with {@link #IN_THE_FUTURE}, naming the field, when it is after today. */
    LocalDate of(LocalDate stated, String field) {
        return of(stated, field, IN_THE_FUTURE);
    }

    /** As {@link #of(LocalDate, String)}, with the rule's code of the endpoint (kept where clients already know it). */
    LocalDate of(LocalDate stated, String field, String code) {
        LocalDate today = today();
        if (stated == null) {
            return today;
        }
        if (stated.isAfter(today)) {
            throw Refusal.ruleBroken(code, field, field + " " + stated + " is after today (" + today + "); a fact is recorded once it has happened");
        }
        return stated;
    }
}
