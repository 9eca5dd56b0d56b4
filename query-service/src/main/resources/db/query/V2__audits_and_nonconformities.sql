-- Read model of internal audits and nonconformities (processing group nonconformity-tracking), in schema query.
-- Every step keeps its date, so that each figure is computed for any local date D at read time; a step that can
-- happen more than once (holding a unit audit, verifying an action, closing and reopening) is a row of its own.
-- As in V1: no foreign keys, so that a reset can empty the tables in any order.

CREATE TABLE audit (
    id                VARCHAR(128) PRIMARY KEY,
    organisation_id   VARCHAR(128) NOT NULL,
    year              INTEGER      NOT NULL,
    title             TEXT         NOT NULL,
    scope_units       TEXT[]       NOT NULL DEFAULT '{}',
    criteria          TEXT,
    clauses           TEXT[]       NOT NULL DEFAULT '{}',
    planned_from      DATE,
    planned_to        DATE,
    planned_on        DATE         NOT NULL,
    lead_auditor      TEXT,
    team              TEXT[]       NOT NULL DEFAULT '{}', -- user ids of the lead auditor and members
    decision_number   TEXT,
    decision_date     DATE,
    team_appointed_on DATE,
    report_number     TEXT,
    report_summary    TEXT,
    report_issued_on  DATE,
    closed_on         DATE
);
CREATE INDEX audit_organisation_year ON audit (organisation_id, year);

-- The latest schedule of a unit's audit (a later scheduling replaces it).
CREATE TABLE unit_audit (
    audit_id       VARCHAR(128) NOT NULL,
    unit           TEXT         NOT NULL,
    scheduled_date DATE,
    auditors       TEXT[]       NOT NULL DEFAULT '{}',
    PRIMARY KEY (audit_id, unit)
);

-- Each day a unit was audited, with how its checklist notes came out.
CREATE TABLE unit_audit_held (
    audit_id            VARCHAR(128) NOT NULL,
    unit                TEXT         NOT NULL,
    held_on             DATE         NOT NULL,
    note_count          INTEGER      NOT NULL,
    nonconforming_notes INTEGER      NOT NULL,
    PRIMARY KEY (audit_id, unit, held_on)
);

CREATE TABLE finding (
    audit_id             VARCHAR(128) NOT NULL,
    finding_id           VARCHAR(128) NOT NULL,
    organisation_id      VARCHAR(128) NOT NULL,
    year                 INTEGER      NOT NULL,
    unit                 TEXT         NOT NULL,
    clause               VARCHAR(20)  NOT NULL,
    kind                 VARCHAR(32)  NOT NULL, -- FindingKind's name
    description          TEXT         NOT NULL,
    evidence_seen        TEXT,
    related_objective_id VARCHAR(128),
    related_measure_id   VARCHAR(128),
    recorded_on          DATE         NOT NULL,
    PRIMARY KEY (audit_id, finding_id)
);
CREATE INDEX finding_organisation_year ON finding (organisation_id, year);
CREATE INDEX finding_related_objective ON finding (related_objective_id);

CREATE TABLE nonconformity (
    id                  VARCHAR(128) PRIMARY KEY,
    organisation_id     VARCHAR(128) NOT NULL,
    source              VARCHAR(32)  NOT NULL, -- NonconformitySource's name
    origin_audit_id     VARCHAR(128),
    origin_finding_id   VARCHAR(128),
    origin_objective_id VARCHAR(128),
    origin_measure_id   VARCHAR(128),
    complaint_reference TEXT,
    severity            VARCHAR(16)  NOT NULL, -- Severity's name
    unit                TEXT,
    clause              VARCHAR(20),
    description         TEXT         NOT NULL,
    raised_on           DATE         NOT NULL,
    correction          TEXT,
    corrected_on        DATE,
    root_cause          TEXT,
    root_cause_method   TEXT,
    analysed_on         DATE
);
CREATE INDEX nonconformity_organisation ON nonconformity (organisation_id, raised_on);
CREATE INDEX nonconformity_origin_finding ON nonconformity (origin_audit_id, origin_finding_id);
CREATE INDEX nonconformity_origin_objective ON nonconformity (origin_objective_id);

-- Closures and reopenings in stream order: the latest one on or before D says whether the NC is closed as of D.
CREATE TABLE nonconformity_closure (
    nonconformity_id VARCHAR(128) NOT NULL,
    stream_sequence  BIGINT       NOT NULL,
    closed           BOOLEAN      NOT NULL, -- true: closed; false: reopened
    on_date          DATE         NOT NULL,
    note             TEXT,
    PRIMARY KEY (nonconformity_id, stream_sequence)
);

CREATE TABLE corrective_action (
    nonconformity_id  VARCHAR(128) NOT NULL,
    action_id         VARCHAR(128) NOT NULL,
    owner_unit        TEXT         NOT NULL,
    description       TEXT         NOT NULL,
    due_date          DATE         NOT NULL,
    planned_on        DATE         NOT NULL,
    implemented_on    DATE,
    evidence_number   TEXT,
    evidence_date     DATE,
    evidence_issuer   TEXT,
    evidence_title    TEXT,
    evidence_link     TEXT,
    evidence_sha256   VARCHAR(64),
    implementation_note TEXT,
    overdue_recorded  BOOLEAN      NOT NULL DEFAULT FALSE, -- the service recorded CorrectiveActionOverdue
    PRIMARY KEY (nonconformity_id, action_id)
);
CREATE INDEX corrective_action_owner_unit ON corrective_action (owner_unit);

CREATE TABLE verification (
    nonconformity_id VARCHAR(128) NOT NULL,
    stream_sequence  BIGINT       NOT NULL,
    action_id        VARCHAR(128) NOT NULL,
    effective        BOOLEAN      NOT NULL,
    reason           TEXT,
    verified_on      DATE         NOT NULL,
    PRIMARY KEY (nonconformity_id, stream_sequence)
);
CREATE INDEX verification_action ON verification (nonconformity_id, action_id);
