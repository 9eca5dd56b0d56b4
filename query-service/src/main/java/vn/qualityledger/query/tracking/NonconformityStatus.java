package vn.qualityledger.query.tracking;

/** Where a nonconformity stands as of a date; derived from the dates of its steps ({@link TrackingSql#NONCONFORMITIES}). */
public enum NonconformityStatus {
    /** Raised; no corrective action planned by the date. */
    RAISED,
    /** At least one action planned by the date is not implemented by then. */
    ACTIONS_PLANNED,
    /**
     * Every action planned by the date is implemented, but one is not verified yet, or the latest verification found its
     * action not effective (a new action is due).
     */
    IMPLEMENTED,
    /** Every action planned by the date is implemented and verified, and the latest verification found it effective: ready to close. */
    VERIFIED,
    /** Closed, and not reopened since. */
    CLOSED,
    /** Reopened after a closure, and not closed again. */
    REOPENED;

    public boolean open() {
        return this != CLOSED;
    }
}
