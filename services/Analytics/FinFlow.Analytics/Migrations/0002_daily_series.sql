-- Each user's daily series, kept from the events (payment_completed: cash received net of fees;
-- invoice_created: amounts invoiced), in exact decimals per currency.
CREATE TABLE daily_cash (
    user_id  uuid          NOT NULL,
    currency char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    day      date          NOT NULL,
    received numeric(20,4) NOT NULL DEFAULT 0,
    invoiced numeric(20,4) NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, currency, day)
);

-- Users whose series changed since their forecast was last checked: the refresher works through these,
-- so a burst of payments costs one forecast per user, not one per event.
CREATE TABLE forecast_refresh (
    user_id      uuid        NOT NULL,
    currency     char(3)     NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, currency)
);

-- The 30-day total of the last cashflow_forecast published per user, to publish again only on a change > 5%.
CREATE TABLE published_forecasts (
    user_id      uuid          NOT NULL,
    currency     char(3)       NOT NULL,
    total_30d    numeric(24,4) NOT NULL,
    published_at timestamptz   NOT NULL,
    PRIMARY KEY (user_id, currency)
);
