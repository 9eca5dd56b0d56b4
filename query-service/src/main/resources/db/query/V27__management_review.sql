-- Management reviews (issue 12, ISO 9001:2015 9.3): the management-review projection. One row per review with the
-- date and actor of every step, one row per decision. Figures (decision status, whether a review is due) are computed
-- at read time for any date, like the nonconformity tracker. Rebuilt from nothing by a replay (TRUNCATE of both).
CREATE TABLE management_review (
    id                     VARCHAR(128) PRIMARY KEY,
    organisation_id        VARCHAR(128) NOT NULL,
    title                  TEXT         NOT NULL,
    trigger                VARCHAR(32)  NOT NULL,
    audit_id               VARCHAR(128),
    period_from            DATE         NOT NULL,
    period_to              DATE         NOT NULL,
    scheduled_on           DATE         NOT NULL,
    chair_name             TEXT         NOT NULL,
    chair_title            TEXT,
    participant_names      TEXT[]       NOT NULL DEFAULT '{}',
    participant_titles     TEXT[]       NOT NULL DEFAULT '{}', -- '' where a participant has no title
    planned_on             DATE         NOT NULL,
    planned_by             TEXT,
    -- the latest notes (they can only be recorded before the review is held, so these are the meeting's)
    notes_context_changes  TEXT,
    notes_stakeholder_feedback TEXT,
    notes_external_providers TEXT,
    notes_resource_adequacy TEXT,
    notes_risks_and_opportunities TEXT,
    notes_improvement_proposals TEXT,
    notes_other            TEXT,
    notes_recorded_on      DATE,
    notes_recorded_by      TEXT,
    held_on                DATE,
    cut_off                TIMESTAMPTZ,
    attendee_names         TEXT[],
    attendee_titles        TEXT[],
    minutes_summary        TEXT,
    qms_suitable           BOOLEAN,
    qms_adequate           BOOLEAN,
    qms_effective          BOOLEAN,
    conclusion_statement   TEXT,
    held_by                TEXT,
    minutes_number         TEXT,
    minutes_docx_sha256    VARCHAR(64),
    minutes_issued_on      DATE,
    minutes_issued_by      TEXT,
    cancelled_on           DATE,
    cancel_reason          TEXT,
    cancelled_by           TEXT
);
CREATE INDEX management_review_organisation ON management_review (organisation_id, period_to);

CREATE TABLE review_decision (
    review_id        VARCHAR(128) NOT NULL,
    decision_id      VARCHAR(128) NOT NULL,
    organisation_id  VARCHAR(128) NOT NULL,
    kind             VARCHAR(32)  NOT NULL,
    description      TEXT         NOT NULL,
    owner_unit       TEXT         NOT NULL,
    due_date         DATE         NOT NULL,
    recorded_on      DATE         NOT NULL,
    recorded_by      TEXT,
    completed_on     DATE,
    completed_by     TEXT,
    evidence_number  TEXT,
    evidence_title   TEXT,
    completion_note  TEXT,
    overdue_recorded BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (review_id, decision_id)
);
CREATE INDEX review_decision_organisation ON review_decision (organisation_id, due_date);
