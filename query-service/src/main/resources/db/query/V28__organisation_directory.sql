-- Organisation directory (issue 12): the names an organisation is known by, from OrganisationDirectoryRecorded (the
-- organisation-directory projection). Each event holds the whole directory, so its handler replaces the organisation's
-- row and its units; the history of names stays in the event stream (directory-<organisation code>). Rebuilt from
-- nothing by a replay (TRUNCATE of both). A code without a row here is shown as the code.
CREATE TABLE organisation_directory (
    organisation_id VARCHAR(128) PRIMARY KEY,
    name            TEXT         NOT NULL,
    parent_name     TEXT
);

CREATE TABLE directory_unit (
    organisation_id VARCHAR(128) NOT NULL,
    code            VARCHAR(50)  NOT NULL,
    name            TEXT         NOT NULL,
    kind            VARCHAR(50),
    position        INTEGER      NOT NULL, -- the order the directory lists its units in
    PRIMARY KEY (organisation_id, code)
);
