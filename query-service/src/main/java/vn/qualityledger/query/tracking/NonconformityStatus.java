package vn.qualityledger.query.tracking;

/** Where a nonconformity stands as of a date; derived from the dates of its steps ({@link TrackingSql#NONCONFORMITIES}). */
public enum NonconformityStatus {
    /** Raised; no corrective action planned by the date. */
    RAISED,
    /** At least one action planned by the date is not implemented by then. */
    ACTIONS_PLANNED,
    /** Every action planned by the date is implemented, not every one verified effective (a verification may have failed). */
    IMPLEMENTED,
    /** Every action planned by the date was last verified effective: ready to close. */
    VERIFIED,
    /** Closed, and not reopened since. */
    CLOSED,
    /** Reopened after a closure, and not closed again. */
    REOPENED;

    public boolean open() {
        return this != CLOSED;
    }
}
