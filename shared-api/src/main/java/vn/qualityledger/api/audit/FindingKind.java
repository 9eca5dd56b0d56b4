package vn.qualityledger.api.audit;

/** What an audit finding is, in the terms of ISO 9001:2015 audit practice. */
public enum FindingKind {
    /** Sự không phù hợp nặng: a requirement is not met at all, or the system fails to achieve intended results. */
    MAJOR_NONCONFORMITY,
    /** Sự không phù hợp nhẹ: a single lapse against a requirement. */
    MINOR_NONCONFORMITY,
    /** Điểm lưu ý: not a nonconformity yet, but could become one. */
    OBSERVATION,
    /** Cơ hội cải tiến: an opportunity for improvement. */
    OPPORTUNITY_FOR_IMPROVEMENT;

    /** Major and minor nonconformity findings each raise a nonconformity automatically. */
    public boolean raisesNonconformity() {
        return this == MAJOR_NONCONFORMITY || this == MINOR_NONCONFORMITY;
    }
}
