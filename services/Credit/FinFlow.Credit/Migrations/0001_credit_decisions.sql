-- Every credit decision, a score or an assessment, kept as anonymized metrics only: no names, emails or free
-- text. The input is kept as its SHA-256 fingerprint (Decisions/CanonicalInput.cs) and the reasons as fixed codes
-- with their point impacts; the wording comes from the model's reason catalog when read.
-- Offers are priced from the newest assessment, so assessments also keep the cash-flow figures the debt-service
-- cap needs, in minor units of the books' currency (null currency: no books yet).
CREATE TABLE credit_decisions (
    id                     uuid             PRIMARY KEY,
    user_id                uuid             NOT NULL,
    kind                   text             NOT NULL CHECK (kind IN ('score', 'assess')),
    model_version          text             NOT NULL CHECK (char_length(model_version) BETWEEN 1 AND 50),
    input_sha256           text             NOT NULL CHECK (input_sha256 ~ '^[0-9a-f]{64}$'),
    credit_score           integer          NOT NULL CHECK (credit_score BETWEEN 300 AND 850),
    probability_of_default double precision NOT NULL CHECK (probability_of_default BETWEEN 0 AND 1),
    risk_band              text             NOT NULL CHECK (risk_band IN ('A', 'B', 'C', 'D', 'E')),
    reasons                jsonb            NOT NULL CHECK (jsonb_typeof(reasons) = 'array'),
    currency               text             NULL CHECK (currency ~ '^[A-Z]{3}$'),
    avg_cashflow_minor     bigint           NULL,
    forecast_p10_minor     bigint           NULL,
    trace_id               text             NULL,
    created_at             timestamptz      NOT NULL,
    CHECK (kind = 'assess' OR (currency IS NULL AND avg_cashflow_minor IS NULL AND forecast_p10_minor IS NULL)),
    CHECK (kind = 'score' OR avg_cashflow_minor IS NOT NULL)
);

CREATE INDEX credit_decisions_user_newest ON credit_decisions (user_id, created_at DESC, id DESC);
CREATE INDEX credit_decisions_user_assessments ON credit_decisions (user_id, created_at DESC, id DESC) WHERE kind = 'assess';
