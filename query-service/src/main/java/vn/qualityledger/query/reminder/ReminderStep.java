package vn.qualityledger.query.reminder;

/** The two moments a piece of work is reminded of, each at most once per occurrence. */
public enum ReminderStep {
    /** Due within the configured days ahead and not done. */
    DUE_SOON,
    /** Due (on or before today, as the board counts it) and not done. */
    OVERDUE
}
