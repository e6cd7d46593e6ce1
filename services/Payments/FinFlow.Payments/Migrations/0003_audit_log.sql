-- Every charge attempt, webhook and refund, with who (when known), the W3C trace id and the outcome.
-- No foreign keys: the trail must outlive what it describes.
CREATE TABLE audit_log (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    action      text        NOT NULL,
    outcome     text        NOT NULL,
    user_id     uuid        NULL,
    payment_id  uuid        NULL,
    trace_id    text        NULL,
    detail      jsonb       NULL
);

CREATE INDEX audit_log_user ON audit_log (user_id, occurred_at);
CREATE INDEX audit_log_payment ON audit_log (payment_id, occurred_at);
