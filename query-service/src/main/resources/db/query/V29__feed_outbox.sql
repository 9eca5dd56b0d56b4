-- The feed outbox (issues 14 and 15): every event as Axon's EventStore API delivers it to the tracking processor
-- feed-outbox, keyed by its global index (the position consumers already hold), so that the feed and the ledger read
-- the same rows whether the events live in PostgreSQL or in Axon Server. Filled from the oldest event on; the
-- processor's token, these rows and feed_outbox are written in one transaction.
CREATE TABLE feed_event (
    position             BIGINT       PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,  -- ISO-8601 as Axon formats it (the ledger hashes this text)
    payload              BYTEA        NOT NULL,  -- the serialized payload in its current revision (after upcasting)
    meta_data            BYTEA,
    organisation_id      VARCHAR(128)            -- of the stream's first event; null when it names none
);
CREATE INDEX feed_event_organisation ON feed_event (organisation_id, position);
CREATE INDEX feed_event_stream ON feed_event (aggregate_identifier, position);

-- How far the outbox is safe to serve: no event can still arrive at or below watermark (the token's index, or the
-- position before its first gap). token_index and gaps are the token of the last stored event, from which the next
-- event's position is told when it fills a gap (its own token then keeps the same index).
CREATE TABLE feed_outbox (
    id          SMALLINT PRIMARY KEY CHECK (id = 1),
    watermark   BIGINT   NOT NULL,
    token_index BIGINT   NOT NULL,
    gaps        BIGINT[] NOT NULL
);
INSERT INTO feed_outbox (id, watermark, token_index, gaps) VALUES (1, 0, 0, '{}');

-- The hand-written gap rule is gone (Axon's gap-aware token does it). feed_stream stays as the feed recorded it (the
-- organisation of each stream's first event, the same rule the outbox follows), so that the ledger's organisation
-- exports keep their streams while the outbox catches up; the outbox adds the streams it sees begin.
DROP TABLE feed_watermark;
