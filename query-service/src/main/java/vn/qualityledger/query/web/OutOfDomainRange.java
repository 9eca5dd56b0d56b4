package vn.qualityledger.query.web;

/** A date or instant parameter that parses but lies outside what the domain can mean ({@link DomainRange}). */
class OutOfDomainRange extends IllegalArgumentException {

    private final String reason;

    OutOfDomainRange(String reason) {
        super(reason);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
