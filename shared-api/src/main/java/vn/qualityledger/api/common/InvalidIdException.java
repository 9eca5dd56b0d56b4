package vn.qualityledger.api.common;

/**
 * A value given as an identifier does not obey {@link Ids#PATTERN}. The one {@link IllegalArgumentException} whose
 * words are meant for the client: the services answer it as a 400 naming the id's field and the pattern, and every
 * other {@code IllegalArgumentException} as a fault of theirs, so that no internal message reaches a client.
 */
public class InvalidIdException extends IllegalArgumentException {

    private final String what;

    public InvalidIdException(String what, String value) {
        super(what + " must match " + Ids.PATTERN + " but was '" + value + "'");
        this.what = what;
    }

    /** The field the id came in, by the convention of request bodies: {@code ObjectiveId} is {@code objectiveId}. */
    public String field() {
        return what.isEmpty() ? what : Character.toLowerCase(what.charAt(0)) + what.substring(1);
    }

    /** What the client must change, in words. */
    public String reason() {
        return "must match " + Ids.PATTERN;
    }
}
