package vn.qualityledger.query.web;

/** A download whose filters match more rows than one file may hold; becomes a 422 problem asking for narrower filters. */
public class TooManyRowsException extends RuntimeException {

    private final long matching;
    private final int limit;

    public TooManyRowsException(long matching, int limit) {
        super("The filters match " + matching + " rows; an export holds at most " + limit + ": narrow the filters (year, unit, status, dates)");
        this.matching = matching;
        this.limit = limit;
    }

    public long matching() {
        return matching;
    }

    public int limit() {
        return limit;
    }
}
