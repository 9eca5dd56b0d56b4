package vn.qualityledger.query.web;

/** The addressed objective, unit or other read-model entry does not exist; becomes a 404 problem. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
