package vn.qualityledger.query.report;

/** Which results report: the plan's 6-month and annual reports, or one at any cut-off; only the title differs. */
public enum ReportKind {
    /** Báo cáo kết quả thực hiện MTCL 6 tháng. */
    SIX_MONTH,
    /** Báo cáo kết quả thực hiện MTCL năm. */
    ANNUAL,
    /** A report at any other cut-off (đến ngày …). */
    CUT_OFF
}
