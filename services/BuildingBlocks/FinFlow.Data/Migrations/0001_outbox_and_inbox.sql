-- Transactional outbox: rows are written in the same transaction as the business change and
-- relayed to Dapr pub/sub afterwards. The row id becomes the CloudEvent id, so a message that is
-- published twice (relay crash between publish and mark) carries the same id both times.
CREATE TABLE outbox_messages (
    id              uuid        PRIMARY KEY,
    topic           text        NOT NULL CHECK (topic <> ''),
    payload         jsonb       NOT NULL,
    traceparent     text        NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text        NULL,
    sent_at         timestamptz NULL
);

CREATE INDEX outbox_messages_due ON outbox_messages (next_attempt_at, created_at) WHERE sent_at IS NULL;

-- Inbox: one row per (event, consumer), inserted in the same transaction as the consumer's effect.
-- The primary key is what makes a redelivered event a no-op.
CREATE TABLE processed_events (
    event_id     text        NOT NULL,
    consumer     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);
