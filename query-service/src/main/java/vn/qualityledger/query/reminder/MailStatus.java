package vn.qualityledger.query.reminder;

/** Where a reminder's or a digest's e-mail stands. */
public enum MailStatus {
    /** To be sent (again) by the next sweep. */
    PENDING,
    /** Sent; never sent again. */
    SENT,
    /** Every attempt failed up to the configured maximum; no longer retried. */
    FAILED,
    /** The work was done or cancelled (or its objective closed) before the e-mail went out: not sent any more. */
    WITHDRAWN,
    /** No address is configured for its units (or the organisation's QMR): recorded in the application only. */
    NO_RECIPIENTS,
    /** No SMTP server was configured when it was recorded: in the application only. */
    MAIL_DISABLED
}
