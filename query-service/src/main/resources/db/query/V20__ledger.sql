-- The verifiable ledger (issue 15): one leaf per event, in the feed's order, and the signed checkpoints.
-- The leaves are a cache of hashes the service recomputes nothing from: an edit here changes the tree the service
-- proves from, which no longer matches the checkpoints it signed before, and every verifier sees that.
CREATE TABLE ledger_leaf (
    leaf_index           bigint       PRIMARY KEY,
    global_index         bigint       NOT NULL UNIQUE,
    event_identifier     varchar(255) NOT NULL UNIQUE,
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    leaf_hash            bytea        NOT NULL
);
CREATE INDEX ledger_leaf_stream ON ledger_leaf (aggregate_identifier, leaf_index);

-- How far the leaves reach; the row is locked by whoever appends, so replicas append in turn.
CREATE TABLE ledger_state (
    id            int    PRIMARY KEY CHECK (id = 1),
    leaves        bigint NOT NULL,
    last_position bigint NOT NULL
);
INSERT INTO ledger_state (id, leaves, last_position) VALUES (1, 0, 0);

CREATE TABLE ledger_checkpoint (
    id           bigserial    PRIMARY KEY,
    origin       varchar(255) NOT NULL,
    tree_size    bigint       NOT NULL,
    root_hash    bytea        NOT NULL,
    stream_count bigint       NOT NULL,
    streams_root bytea        NOT NULL,
    signed_at    varchar(64)  NOT NULL,
    key_id       varchar(16)  NOT NULL,
    signature    bytea        NOT NULL
);
CREATE INDEX ledger_checkpoint_size ON ledger_checkpoint (tree_size);
