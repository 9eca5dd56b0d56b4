-- Reminders (issue 11): one row per occurrence and step, ever. The unique key is what makes a reminder happen once
-- whatever runs the sweep (two replicas at the same minute, a restart midway): the sweep inserts with ON CONFLICT DO
-- NOTHING and sends only rows it holds locked. Not a projection: nothing here can be rebuilt from the event store
-- (what was sent, when, to whom), so no rebuild or reset touches these tables.
CREATE TABLE reminder (
    id               BIGSERIAL    PRIMARY KEY,
    organisation_id  VARCHAR(128) NOT NULL,
    objective_id     VARCHAR(128) NOT NULL,
    occurrence_id    VARCHAR(128) NOT NULL,
    step             VARCHAR(16)  NOT NULL CHECK (step IN ('DUE_SOON', 'OVERDUE')),
    objective_code   TEXT         NOT NULL,
    measure_id       VARCHAR(128) NOT NULL,
    measure_code     TEXT         NOT NULL,
    measure_title    TEXT         NOT NULL,
    due_date         DATE         NOT NULL,
    -- whose work it is on the day the reminder was recorded: the assigned unit, else the measure's lead units
    units            TEXT[]       NOT NULL,
    person           TEXT,
    recorded_on      DATE         NOT NULL, -- the agency's day (Asia/Ho_Chi_Minh) the sweep found it
    recorded_at      TIMESTAMPTZ  NOT NULL,
    subject          TEXT         NOT NULL,
    body             TEXT         NOT NULL,
    recipients       TEXT[]       NOT NULL DEFAULT '{}',
    mail_status      VARCHAR(16)  NOT NULL CHECK (mail_status IN ('PENDING', 'SENT', 'FAILED', 'WITHDRAWN', 'NO_RECIPIENTS', 'MAIL_DISABLED')),
    attempts         INTEGER      NOT NULL DEFAULT 0,
    last_attempt_at  TIMESTAMPTZ,
    last_error       TEXT,
    sent_at          TIMESTAMPTZ,
    CONSTRAINT reminder_once UNIQUE (objective_id, occurrence_id, step)
);
CREATE INDEX reminder_organisation ON reminder (organisation_id, recorded_at DESC, id DESC);
CREATE INDEX reminder_units ON reminder USING GIN (units);
CREATE INDEX reminder_pending ON reminder (last_attempt_at NULLS FIRST, id) WHERE mail_status = 'PENDING';

-- The QMR's weekly digest of overdue work: one per organisation and ISO week (e.g. 2023-W20), ever.
CREATE TABLE reminder_digest (
    organisation_id  VARCHAR(128) NOT NULL,
    iso_week         VARCHAR(8)   NOT NULL,
    as_of            DATE         NOT NULL,
    overdue_count    INTEGER      NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL,
    subject          TEXT         NOT NULL,
    body             TEXT         NOT NULL,
    recipients       TEXT[]       NOT NULL DEFAULT '{}',
    mail_status      VARCHAR(16)  NOT NULL CHECK (mail_status IN ('PENDING', 'SENT', 'FAILED', 'WITHDRAWN', 'NO_RECIPIENTS', 'MAIL_DISABLED')),
    attempts         INTEGER      NOT NULL DEFAULT 0,
    last_attempt_at  TIMESTAMPTZ,
    last_error       TEXT,
    sent_at          TIMESTAMPTZ,
    PRIMARY KEY (organisation_id, iso_week)
);
