package vn.qualityledger.command.nonconformity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
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

    /**
     * The overdue event's metadata: the system actor, and as its cause the planning of the action (the deadline message
     * itself is never stored, so naming it would lead nowhere): causationId and correlationId are the planning event's
     * id, traceId its trace (the conversation's first message). No commandId: no command caused it.
     */
    static MetaData metaData(String organisationId, Cause planned) {
        return MetaData.from(system(organisationId).toMetaData())
                .and("causationId", planned.eventId()).and("correlationId", planned.eventId()).and("traceId", planned.traceId());
    }

    /** The planning event of an action: its id, and the trace it belongs to (its own id when it records none). */
    record Cause(String eventId, String traceId) {

        static Cause of(EventMessage<?> planned) {
            Map<String, ?> metaData = planned.getMetaData();
            Object trace = metaData.get("traceId");
            return new Cause(planned.getIdentifier(), trace == null ? planned.getIdentifier() : trace.toString());
        }
    }
}
