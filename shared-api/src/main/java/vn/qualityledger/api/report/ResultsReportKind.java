package vn.qualityledger.api.report;

/** Which objective results report: the plan's 6-month or annual report, or one at any other cut-off. Only the title differs. */
public enum ResultsReportKind {
    /** Báo cáo kết quả thực hiện MTCL 6 tháng. */
    SIX_MONTH,
    /** Báo cáo kết quả thực hiện MTCL năm. */
    ANNUAL,
    /** A report at any other cut-off (đến ngày …). */
    CUT_OFF
}
