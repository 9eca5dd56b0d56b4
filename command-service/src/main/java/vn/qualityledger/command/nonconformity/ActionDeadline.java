package vn.qualityledger.command.nonconformity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.command.CommandServiceApplication;

/**
 * When an unimplemented corrective action becomes overdue, and who records it. The due date is the last day on which
 * implementing counts as on time, so the action is overdue from the start of the next day in the agency's zone; the
 * instant follows from the date alone, so a fixture asserts it exactly.
 */
final class ActionDeadline {

    /** The deadline's name; its payload is the action id. */
    static final String OVERDUE = "corrective-action-overdue";

    private ActionDeadline() {
    }

    static Instant overdueAt(LocalDate dueDate) {
        return dueDate.plusDays(1).atStartOfDay(CommandServiceApplication.AGENCY_ZONE).toInstant();
    }

    /**
     * The actor of an event no user caused (a deadline): every event's metadata names an actor with all five keys, so
     * the service itself is one, of the stream's organisation and with no roles.
     */
    static Actor system(String organisationId) {
        return new Actor("system", "Quality Ledger", List.of(), organisationId, null);
    }
}
