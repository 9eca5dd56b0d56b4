-- The replicas of a service that are alive now (SegmentBalancer): each writes its heartbeat here, so that one holding
-- more than its share of a processor's segments can release some to a replica that holds fewer.
CREATE TABLE replica_heartbeat (
    node      VARCHAR(255)             NOT NULL PRIMARY KEY,
    last_seen TIMESTAMP WITH TIME ZONE NOT NULL
);
