package vn.qualityledger.command.web;

/**
 * The request thread was interrupted while waiting for its command (Axon's {@code sendAndWait} then returns as if it
 * had succeeded): the client must not be told it was stored. Answered 503; a retry with the same ids is safe.
 */
class CommandOutcomeUnknown extends RuntimeException {

    CommandOutcomeUnknown() {
        super("Interrupted while waiting for the command's outcome");
    }
}
