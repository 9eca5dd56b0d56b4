package vn.qualityledger.api.review;

/**
 * Why a management review is held: the plan's measure I.4 says "Định kỳ 6 tháng/lần hoặc đột xuất/sau hoạt động ĐGNB"
 * (every 6 months, or extraordinarily, or after an internal audit).
 */
public enum ReviewTrigger {
    /** The review due every 6 months (định kỳ). */
    PERIODIC,
    /** The review that follows an internal audit round (sau hoạt động ĐGNB); it names the audit. */
    AFTER_INTERNAL_AUDIT,
    /** An extraordinary review (đột xuất), e.g. after a major change or complaint. */
    EXTRAORDINARY
}
