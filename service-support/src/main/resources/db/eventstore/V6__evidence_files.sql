-- Files filed as evidence (issue 11), written by command-service (POST /api/files) and served by query-service.
-- The content is kept once per SHA-256 (computed by the service): in stored_file.content, or, when the services are
-- configured with a directory (QUALITY_LEDGER_FILE_DIRECTORY), in a file of that directory named by the hash, with
-- content null here. Each organisation's uploads of it (a name, a type, who uploaded it first and when) are rows of
-- upload: evidence may cite a file only when its own organisation uploaded it.
CREATE SCHEMA IF NOT EXISTS files;

CREATE TABLE files.stored_file (
    sha256    CHAR(64)                 PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size      BIGINT                   NOT NULL CHECK (size > 0),
    content   BYTEA,
    stored_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE files.upload (
    organisation VARCHAR(128)             NOT NULL,
    sha256       CHAR(64)                 NOT NULL REFERENCES files.stored_file (sha256),
    name         VARCHAR(255)             NOT NULL,
    content_type VARCHAR(100)             NOT NULL,
    uploaded_by  VARCHAR(128)             NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organisation, sha256, name)
);
