-- Corrections users make to categories. Each correction writes an exact-description rule and a
-- same-merchant rule; the latest correction of a key wins (upsert on the primary key).
CREATE TABLE category_rules (
    user_id    uuid        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('exact', 'merchant')),
    key        text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 500),
    category   text        NOT NULL CHECK (char_length(category) BETWEEN 1 AND 100),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, kind, key)
);
