package vn.qualityledger.command.common;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.command.CommandServiceApplication;

/**
 * Events no user caused — those a persistent deadline records (an overdue corrective action, an overdue review
 * decision) — and when such a deadline is due. Shared so that every overdue event is attributed and caused alike.
 */
public final class SystemAttribution {

    private SystemAttribution() {
    }

    /**
     * A due date is the last day on which doing the work counts as on time, so it is overdue from the start of the next
     * day in the agency's zone; the instant follows from the date alone, so a fixture asserts it exactly.
     */
    public static Instant overdueAt(LocalDate dueDate) {
        return dueDate.plusDays(1).atStartOfDay(CommandServiceApplication.AGENCY_ZONE).toInstant();
    }

    /**
     * The actor of an event no user caused: every event's metadata names an actor with all five keys, so the service
     * itself is one, of the stream's organisation and with no roles.
     */
    public static Actor system(String organisationId) {
        return new Actor("system", "Quality Ledger", List.of(), organisationId, null);
    }

    /**
     * The metadata of an event a deadline records: the system actor, and as its cause the event that scheduled the
     * deadline (the deadline message itself is never stored, so naming it would lead nowhere): causationId and
     * correlationId are that event's id, traceId its trace (the conversation's first message). No commandId: no command
     * caused it.
     */
    public static MetaData metaData(String organisationId, Cause cause) {
        return MetaData.from(system(organisationId).toMetaData())
                .and("causationId", cause.eventId()).and("correlationId", cause.eventId()).and("traceId", cause.traceId());
    }

    /** The event that scheduled a deadline: its id, and the trace it belongs to (its own id when it records none). */
    public record Cause(String eventId, String traceId) {

        public static Cause of(EventMessage<?> event) {
            Map<String, ?> metaData = event.getMetaData();
            Object trace = metaData.get("traceId");
            return new Cause(event.getIdentifier(), trace == null ? event.getIdentifier() : trace.toString());
        }
    }
}
