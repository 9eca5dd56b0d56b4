-- Tamper evidence: one link per stored event, HMAC-SHA-256 over the event's stored columns and the previous link of
-- its stream (see EventChain). Written in the same transaction as the event by TamperEvidentEventStorageEngine.
CREATE TABLE event_chain (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    link                 BYTEA        NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);
