-- The event feed's push to RabbitMQ (issue 6): how far each publisher has delivered, advanced only after the broker has
-- confirmed every message up to that position, so that an outage or a restart resumes where delivery stopped.
CREATE TABLE feed_publication (
    publisher  VARCHAR(128) PRIMARY KEY,
    position   BIGINT       NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
