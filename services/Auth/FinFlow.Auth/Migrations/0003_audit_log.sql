-- Security-relevant actions. No foreign key to users: the trail must outlive the account.
CREATE TABLE audit_log (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    action      text        NOT NULL,
    user_id     uuid        NULL,
    email       text        NULL,
    ip          text        NULL,
    trace_id    text        NULL,
    detail      jsonb       NULL
);

CREATE INDEX audit_log_user ON audit_log (user_id, occurred_at);
CREATE INDEX audit_log_action ON audit_log (action, occurred_at);
