package vn.qualityledger.api.nonconformity;

/** How serious a nonconformity is; a finding's kind decides it, otherwise whoever raises it. */
public enum Severity {
    MAJOR,
    MINOR
}
