-- Accounts. Email is unique regardless of case (the index on lower(email)), but kept as typed.
-- failed_attempts and locked_until implement the per-account lockout.
CREATE TABLE users (
    id              uuid        PRIMARY KEY,
    email           text        NOT NULL CHECK (email <> '' AND length(email) <= 254),
    password_hash   text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('USER', 'ADMIN')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    failed_attempts integer     NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until    timestamptz NULL
);

CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
