-- Idempotency-Key records of POST /payments/charge, per user. A request claims its key by inserting
-- the row (the primary key makes concurrent claims queue behind one another); the owner holds a lease
-- while it works and stores the answer when done. A lease that runs out (the process died) lets a
-- retry resume the same payment, whose processor call is itself idempotent, so nothing is charged twice.
CREATE TABLE idempotency_keys (
    user_id           uuid        NOT NULL,
    key               text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
    request_hash      bytea       NOT NULL,
    lease_token       uuid        NULL,
    locked_until      timestamptz NULL,
    payment_id        uuid        NULL,
    response_status   integer     NULL,
    response_body     text        NULL,
    response_location text        NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    completed_at      timestamptz NULL,
    PRIMARY KEY (user_id, key),
    CONSTRAINT idempotency_keys_completed_has_answer CHECK (completed_at IS NULL OR response_status IS NOT NULL)
);

CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
