package vn.qualityledger.command.files;

/** A refused upload: its HTTP status, the problem's code, and the field and rule it broke. Nothing was stored. */
class FileRefusal extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final String rule;

    FileRefusal(int status, String code, String field, String rule, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.rule = rule;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String field() {
        return field;
    }

    String rule() {
        return rule;
    }
}
