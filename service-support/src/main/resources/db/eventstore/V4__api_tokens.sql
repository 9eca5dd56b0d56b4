-- API tokens of machine clients (issue 13): issued and revoked by an administrator, verified by both services.
-- Only the SHA-256 of a token is stored; the token itself is shown once, when it is issued.
CREATE SCHEMA IF NOT EXISTS identity;

CREATE TABLE identity.api_token (
    id                 VARCHAR(64)  PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    token_hash         BYTEA        NOT NULL UNIQUE,
    actor_id           VARCHAR(128) NOT NULL,
    actor_name         VARCHAR(200) NOT NULL,
    roles              VARCHAR(500) NOT NULL,
    organisation       VARCHAR(128),
    unit               VARCHAR(128),
    feed_organisations VARCHAR(2000) NOT NULL DEFAULT '',
    issued_by          VARCHAR(128) NOT NULL,
    issued_at          TIMESTAMPTZ  NOT NULL,
    expires_at         TIMESTAMPTZ  NOT NULL,
    revoked_by         VARCHAR(128),
    revoked_at         TIMESTAMPTZ,
    last_used_at       TIMESTAMPTZ
);
