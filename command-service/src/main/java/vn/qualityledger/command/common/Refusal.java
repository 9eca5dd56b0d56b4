package vn.qualityledger.command.common;

import org.axonframework.commandhandling.CommandExecutionException;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.CommandErrorDetails.Kind;

/**
 * Refusals of a command, as exceptions whose details survive the command bus (also through Axon Server).
 * A refused command applies no event.
 */
public final class Refusal {

    private Refusal() {
    }

    public static CommandExecutionException ruleBroken(String code, String field, String message) {
        return refusal(Kind.RULE_BROKEN, code, field, message);
    }

    public static CommandExecutionException notFound(String code, String field, String message) {
        return refusal(Kind.NOT_FOUND, code, field, message);
    }

    public static CommandExecutionException conflict(String code, String field, String message) {
        return refusal(Kind.CONFLICT, code, field, message);
    }

    public static CommandExecutionException forbidden(String code, String message) {
        return refusal(Kind.FORBIDDEN, code, null, message);
    }

    private static CommandExecutionException refusal(Kind kind, String code, String field, String message) {
        return new CommandExecutionException(message, null, new CommandErrorDetails(kind, code, field));
    }
}
