package vn.qualityledger.api.audit;

/** The auditor's verdict on one checklist question. */
public enum Conformity {
    CONFORMING,
    NONCONFORMING,
    NOT_APPLICABLE
}
