package vn.qualityledger.api.review;

/** What a management review decided, as ISO 9001:2015 9.3.3 names the outputs of a review. */
public enum ReviewDecisionKind {
    /** An opportunity for improvement (cơ hội cải tiến), 9.3.3 a. */
    IMPROVEMENT,
    /** A change to the quality management system (thay đổi HTQLCL), 9.3.3 b. */
    QMS_CHANGE,
    /** A need for resources (nhu cầu nguồn lực), 9.3.3 c. */
    RESOURCE_NEED
}
