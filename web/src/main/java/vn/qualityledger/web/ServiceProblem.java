package vn.qualityledger.web;

import java.util.List;

/**
 * A service answered with an RFC 9457 problem (or not at all): its status, stable {@code code} and {@code detail}, to
 * be shown to the user as a readable message; for a refused form, which fields failed which rule ({@code errors} of a
 * 400, or the one {@code field} a 422 names).
 */
public class ServiceProblem extends RuntimeException {

    /** One failing field of a request as the service named it ({@code document.date}), the rule it broke and its words. */
    public record FieldProblem(String field, String rule, String message) {
    }

    private final int status;
    private final String code;
    private final String detail;
    private final List<FieldProblem> fieldProblems;

    public ServiceProblem(int status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public ServiceProblem(int status, String code, String detail, List<FieldProblem> fieldProblems) {
        super(status + " " + code + ": " + detail);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    /** The failing fields: each entry of a 400's {@code errors}, or the {@code field} of a broken rule (with the code as its rule). */
    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** The service no longer accepts the session's token (revoked or expired): the user must sign in again. */
    public boolean unauthenticated() {
        return status == 401;
    }
}
