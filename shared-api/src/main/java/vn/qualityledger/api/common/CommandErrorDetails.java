package vn.qualityledger.api.common;

/**
 * Why a command was refused, carried in {@code CommandExecutionException} details so that it survives the
 * command bus (also through Axon Server) and becomes an RFC 9457 problem response at the edge.
 *
 * @param kind   what sort of refusal it is; decides the HTTP status
 * @param code   a stable machine-readable code, e.g. {@code EVIDENCE_ALREADY_DECIDED}
 * @param field  the request field the refusal is about, or {@code null}
 */
public record CommandErrorDetails(Kind kind, String code, String field) {

    public enum Kind {
        /** The addressed objective, measure, occurrence or evidence does not exist (404). */
        NOT_FOUND,
        /** The id is taken by something else, or the stream changed concurrently (409). */
        CONFLICT,
        /** A business rule forbids the command in the current state (422). */
        RULE_BROKEN,
        /** The user may not issue this command on this objective (403). */
        FORBIDDEN
    }
}
