package vn.qualityledger.command.web;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What every command endpoint answers: the id of the thing the command created or changed. */
public record CommandAccepted(String id) {

    /** 201 with the read that shows the new thing ({@link vn.qualityledger.command.reads.ReadLocations}). */
    public static ResponseEntity<CommandAccepted> created(URI location, String id) {
        requireCompleted();
        return ResponseEntity.created(location).body(new CommandAccepted(id));
    }

    /** 202: the events are stored. */
    static ResponseEntity<CommandAccepted> accepted(String id) {
        requireCompleted();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new CommandAccepted(id));
    }

    /** {@code sendAndWait} returns normally when interrupted; an interrupted wait is no success. */
    private static void requireCompleted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CommandOutcomeUnknown();
        }
    }

    /** The id a client chose (which makes its retries safe), or a new one. */
    static String orNewId(String clientId) {
        return clientId != null ? clientId : UUID.randomUUID().toString();
    }
}
