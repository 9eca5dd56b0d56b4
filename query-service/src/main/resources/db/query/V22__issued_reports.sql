-- The results reports an organisation issued (ResultsReportIssued), for the list of its reports: what was issued,
-- read as known when, under which number and signer, the SHA-256 of both files, and who issued it (the event's
-- metadata). The files themselves are never stored: they are generated again from the recorded parameters.
CREATE TABLE issued_report (
    report_id        VARCHAR(128) PRIMARY KEY,
    organisation_id  VARCHAR(128) NOT NULL,
    year             INTEGER      NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    cut_off          TEXT         NOT NULL,   -- the instant as recorded (ISO-8601, to the nanosecond)
    number           TEXT         NOT NULL,
    signer_authority TEXT,
    signer_title     TEXT,
    signer_name      TEXT,
    docx_sha256      CHAR(64)     NOT NULL,
    xlsx_sha256      CHAR(64)     NOT NULL,
    generator        TEXT,
    issued_on        DATE         NOT NULL,
    issued_by        TEXT,
    issued_by_name   TEXT
);
CREATE INDEX issued_report_organisation_year ON issued_report (organisation_id, year, issued_on);
