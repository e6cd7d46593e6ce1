CREATE TABLE notes (
    id         uuid          PRIMARY KEY,
    text       text          NOT NULL UNIQUE,
    amount     numeric(18,2) NOT NULL,
    created_at timestamptz   NOT NULL DEFAULT now()
);
