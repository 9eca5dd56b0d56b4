package vn.qualityledger.web;

/**
 * A service answered with an RFC 9457 problem (or not at all): its status, stable {@code code} and {@code detail}, to
 * be shown to the user as a readable message.
 */
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String detail;

    public ServiceProblem(int status, String code, String detail) {
        super(status + " " + code + ": " + detail);
        this.status = status;
        this.code = code;
        this.detail = detail;
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

    /** The service no longer accepts the session's token (revoked or expired): the user must sign in again. */
    public boolean unauthenticated() {
        return status == 401;
    }
}
