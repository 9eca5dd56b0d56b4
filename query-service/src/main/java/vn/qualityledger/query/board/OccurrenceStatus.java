package vn.qualityledger.query.board;

/** Where one occurrence stands as of a date; the first that applies, in this order. */
public enum OccurrenceStatus {
    /** Cancelled on or before the date. */
    CANCELLED,
    /** Completed by the date, on or before its due date. */
    DONE_ON_TIME,
    /** Completed by the date, after its due date. */
    DONE_LATE,
    /** Due by the date and not completed by then. */
    OVERDUE,
    /** Due after the date and not completed by then. */
    UPCOMING
}
