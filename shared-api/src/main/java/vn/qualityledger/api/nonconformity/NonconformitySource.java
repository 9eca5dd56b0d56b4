package vn.qualityledger.api.nonconformity;

/** Where a nonconformity came from. */
public enum NonconformitySource {
    /** A major or minor nonconformity finding of an internal audit; raised automatically. */
    AUDIT_FINDING,
    /** An objective closed as not achieved; raised automatically. */
    OBJECTIVE_NOT_ACHIEVED,
    /** A complaint (phản ánh, kiến nghị) from a citizen or organisation. */
    COMPLAINT,
    /** Raised by hand, e.g. found in daily work. */
    MANUAL
}
