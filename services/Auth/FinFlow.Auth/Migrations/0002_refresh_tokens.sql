-- A family is one login: every refresh token it produces by rotation belongs to it, so presenting a
-- spent token (stolen and used by someone else first, or the other way round) revokes all of them.
CREATE TABLE refresh_token_families (
    id             uuid        PRIMARY KEY,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz NULL,
    revoked_reason text        NULL
);

CREATE INDEX refresh_token_families_user ON refresh_token_families (user_id);

-- Only the SHA-256 of a token is stored: a leaked table cannot be replayed. The tokens are 256 random
-- bits, so a fast hash is enough (no salt or stretching needed, unlike passwords).
CREATE TABLE refresh_tokens (
    token_hash bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    family_id  uuid        NOT NULL REFERENCES refresh_token_families (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz NULL
);

CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
