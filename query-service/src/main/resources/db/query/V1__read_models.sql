-- Read models of query-service, in schema query (Flyway's default schema here). All text is UTF-8 text/varchar:
-- Vietnamese names and statements must round-trip unchanged.

-- Axon's token store, as its JPA entity maps it. The token is bytea, never oid (see ByteaPostgreSQLDialect).
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    owner          VARCHAR(255),
    timestamp      VARCHAR(255) NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- No foreign keys between the projection tables: they are a disposable copy of the event store, written in stream
-- order by one processor, and a reset must be able to empty them in any order.

CREATE TABLE objective (
    id                VARCHAR(128) PRIMARY KEY,
    organisation_id   VARCHAR(128) NOT NULL,
    year              INTEGER      NOT NULL,
    code              TEXT         NOT NULL,
    statement         TEXT         NOT NULL,
    target_indicator  TEXT,
    target_comparator VARCHAR(16),   -- Comparator's name (AT_LEAST ...); null when the objective has no target
    target_value      NUMERIC,
    target_unit       TEXT,
    decision_number   TEXT,
    decision_date     DATE,
    closed_on         DATE,
    achieved          BOOLEAN,
    assessment_reason TEXT
);
CREATE INDEX objective_organisation_year ON objective (organisation_id, year, code);

CREATE TABLE measure (
    objective_id       VARCHAR(128) NOT NULL,
    measure_id         VARCHAR(128) NOT NULL,
    parent_measure_id  VARCHAR(128),
    code               TEXT         NOT NULL,
    title              TEXT         NOT NULL,
    lead_units         TEXT[]       NOT NULL DEFAULT '{}',
    coordinating_units TEXT[]       NOT NULL DEFAULT '{}',
    monitors           TEXT[]       NOT NULL DEFAULT '{}',
    expected_evidence  TEXT[]       NOT NULL DEFAULT '{}',
    schedule_text      TEXT,
    cancelled_on       DATE,
    cancel_reason      TEXT,
    assigned_unit      TEXT,
    assigned_person    TEXT,
    assigned_on        DATE,
    PRIMARY KEY (objective_id, measure_id)
);
CREATE INDEX measure_assigned_unit ON measure (assigned_unit);

-- Assignment columns hold only an occurrence-level assignment; the effective unit is the occurrence's own, else the
-- measure's (each counting from its assigned_on).
CREATE TABLE occurrence (
    objective_id    VARCHAR(128) NOT NULL,
    occurrence_id   VARCHAR(128) NOT NULL,
    measure_id      VARCHAR(128) NOT NULL,
    due_date        DATE         NOT NULL,
    ad_hoc          BOOLEAN      NOT NULL DEFAULT FALSE,
    note            TEXT,
    cancelled_on    DATE,
    completed_on    DATE,
    assigned_unit   TEXT,
    assigned_person TEXT,
    assigned_on     DATE,
    PRIMARY KEY (objective_id, occurrence_id)
);
CREATE INDEX occurrence_measure ON occurrence (objective_id, measure_id);
CREATE INDEX occurrence_due_date ON occurrence (due_date);
CREATE INDEX occurrence_assigned_unit ON occurrence (assigned_unit);

CREATE TABLE evidence (
    objective_id    VARCHAR(128) NOT NULL,
    evidence_id     VARCHAR(128) NOT NULL,
    occurrence_id   VARCHAR(128) NOT NULL,
    measure_id      VARCHAR(128) NOT NULL,
    document_number TEXT         NOT NULL,
    document_date   DATE         NOT NULL,
    document_issuer TEXT         NOT NULL,
    document_title  TEXT         NOT NULL,
    document_link   TEXT,
    document_sha256 VARCHAR(64),
    submitted_on    DATE         NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'REJECTED')),
    decided_on      DATE,
    effective_on    DATE,
    reason          TEXT,
    PRIMARY KEY (objective_id, evidence_id)
);
CREATE INDEX evidence_occurrence ON evidence (objective_id, occurrence_id);

CREATE TABLE measurement (
    objective_id    VARCHAR(128) NOT NULL,
    measurement_id  VARCHAR(128) NOT NULL,
    period_from     DATE         NOT NULL,
    period_to       DATE         NOT NULL,
    numerator       NUMERIC,
    denominator     NUMERIC,
    value           NUMERIC,
    source          TEXT,
    recorded_on     DATE,
    stream_sequence BIGINT       NOT NULL, -- position in the objective's stream: a later recording for a period wins
    PRIMARY KEY (objective_id, measurement_id)
);
CREATE INDEX measurement_latest ON measurement (objective_id, period_to DESC, stream_sequence DESC);
