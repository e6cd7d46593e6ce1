-- The simulated processor's own state (it stands in for Stripe, which keeps this on its side).
-- An intent is keyed by the idempotency key it was created with, as Stripe does, so a retried
-- charge gets the same intent back. Its webhook is written in the same transaction as the intent
-- and delivered by a background worker until the endpoint answers 2xx: a crash between the charge
-- and the webhook loses nothing.
CREATE TABLE simulated_intents (
    idempotency_key text        PRIMARY KEY,
    intent_id       text        NOT NULL UNIQUE,
    amount_minor    bigint      NOT NULL,
    currency        char(3)     NOT NULL,
    payment_method  text        NOT NULL,
    outcome         text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE simulated_webhook_deliveries (
    event_id     text        PRIMARY KEY,
    intent_id    text        NOT NULL,
    payload      text        NOT NULL,
    due_at       timestamptz NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text        NULL,
    delivered_at timestamptz NULL
);

CREATE INDEX simulated_webhook_deliveries_due ON simulated_webhook_deliveries (due_at) WHERE delivered_at IS NULL;
