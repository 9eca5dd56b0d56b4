package vn.qualityledger.support.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A request value refused while reading the JSON, with the rule it broke and a message in domain words (never a Java
 * type). Jackson adds the field's path as the exception travels up, so the problem names the field.
 */
public class InvalidInput extends MismatchedInputException {

    private final String rule;
    private final String reason;

    public InvalidInput(JsonParser parser, String rule, String reason) {
        super(parser, reason);
        this.rule = rule;
        this.reason = reason;
    }

    /** A stable rule name, like the Bean Validation constraint names of other 400s ({@code NoControlCharacters}). */
    public String rule() {
        return rule;
    }

    /** What the value must be, e.g. "must be an ISO date yyyy-MM-dd". */
    public String reason() {
        return reason;
    }
}
