package vn.qualityledger.api.common;

/** What a user may do in the service; the permission matrix in the README says which role may issue which command. */
public enum Role {
    /** Runs the deployment for an organisation: every command, projection rebuilds. */
    ADMIN,
    /** Thư ký ISO: defines objectives and plans, assigns work, records measurements, files evidence. */
    ISO_SECRETARY,
    /** Quality management representative: as the secretary, and closes the year; reviews evidence it monitors. */
    QMR,
    /** Trưởng phòng: hands out the work of their own unit and files its evidence. */
    UNIT_HEAD,
    /** Công chức, viên chức: files evidence for the work of their own unit. */
    STAFF,
    /** Internal auditor: reads everything of their organisation. */
    AUDITOR,
    /** Reads the dashboards of their organisation. */
    VIEWER,
    /** The provincial ISO steering committee: reads every organisation. */
    PROVINCE_AUDITOR,
    /** A downstream system that consumes the event feed. */
    FEED_CONSUMER
}
