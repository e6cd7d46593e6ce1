-- Payments and refunds. Amounts are integers in the currency's minor unit. A payment never holds a
-- card number: only the processor's ids and the card's brand and last four digits, encrypted by the
-- app (AES-GCM, key from the secret store) before they reach this table.

-- The legal status changes, as data: the trigger below refuses any other, so a bug in the app (or a
-- hand-written UPDATE) cannot move a refunded payment back to SUCCEEDED. PaymentStateMachine in the
-- app holds the same list; a test checks that the two agree.
CREATE TABLE payment_transitions (
    from_status text NOT NULL,
    to_status   text NOT NULL,
    PRIMARY KEY (from_status, to_status)
);

INSERT INTO payment_transitions (from_status, to_status) VALUES
    ('PENDING', 'SUCCEEDED'),
    ('PENDING', 'FAILED'),
    ('PENDING', 'REQUIRES_ACTION'),
    -- After the customer completes 3-D Secure the intent settles either way.
    ('REQUIRES_ACTION', 'SUCCEEDED'),
    ('REQUIRES_ACTION', 'FAILED'),
    ('SUCCEEDED', 'PARTIALLY_REFUNDED'),
    ('SUCCEEDED', 'REFUNDED'),
    ('PARTIALLY_REFUNDED', 'REFUNDED');

CREATE TABLE payments (
    id                    uuid        PRIMARY KEY,
    user_id               uuid        NOT NULL,
    invoice_id            uuid        NOT NULL,
    amount_minor          bigint      NOT NULL CHECK (amount_minor > 0),
    currency              char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status                text        NOT NULL DEFAULT 'PENDING'
                                      CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'REQUIRES_ACTION', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    processor             text        NOT NULL CHECK (processor IN ('simulated', 'stripe')),
    -- A payment-method token such as pm_card_visa: a reference the processor resolves, not card data.
    payment_method        text        NOT NULL CHECK (payment_method ~ '^pm_[A-Za-z0-9_]+$'),
    processor_payment_id  text        NULL UNIQUE,
    card_details          bytea       NULL,
    failure_code          text        NULL,
    failure_message       text        NULL,
    fee_minor             bigint      NULL CHECK (fee_minor >= 0),
    amount_refunded_minor bigint      NOT NULL DEFAULT 0 CHECK (amount_refunded_minor >= 0),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    completed_at          timestamptz NULL,
    -- The refunded total and the status tell the same story.
    CONSTRAINT payments_refunds_match_status CHECK (
        CASE status
            WHEN 'REFUNDED' THEN amount_refunded_minor = amount_minor
            WHEN 'PARTIALLY_REFUNDED' THEN amount_refunded_minor > 0 AND amount_refunded_minor < amount_minor
            ELSE amount_refunded_minor = 0
        END),
    CONSTRAINT payments_failure_has_code CHECK (status <> 'FAILED' OR failure_code IS NOT NULL)
);

-- Own payments, newest first; and what is already committed against one invoice.
CREATE INDEX payments_user_created ON payments (user_id, created_at DESC, id DESC);
CREATE INDEX payments_invoice ON payments (invoice_id);

CREATE FUNCTION payments_check_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.user_id <> OLD.user_id OR NEW.invoice_id <> OLD.invoice_id
       OR NEW.amount_minor <> OLD.amount_minor OR NEW.currency <> OLD.currency OR NEW.processor <> OLD.processor THEN
        RAISE EXCEPTION 'payment %: owner, invoice, amount, currency and processor never change', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.processor_payment_id IS NOT NULL AND NEW.processor_payment_id IS DISTINCT FROM OLD.processor_payment_id THEN
        RAISE EXCEPTION 'payment %: the processor id % is already set', OLD.id, OLD.processor_payment_id
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.amount_refunded_minor < OLD.amount_refunded_minor THEN
        RAISE EXCEPTION 'payment %: the refunded total cannot decrease', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.status <> OLD.status
       AND NOT EXISTS (SELECT 1 FROM payment_transitions WHERE from_status = OLD.status AND to_status = NEW.status) THEN
        RAISE EXCEPTION 'payment %: illegal transition % -> %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END $$;

CREATE TRIGGER payments_check_update BEFORE UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION payments_check_update();

-- A payment starts PENDING: every later state is reached through a checked transition.
CREATE FUNCTION payments_check_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status <> 'PENDING' OR NEW.amount_refunded_minor <> 0 THEN
        RAISE EXCEPTION 'payment % must be created PENDING with nothing refunded', NEW.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER payments_check_insert BEFORE INSERT ON payments
    FOR EACH ROW EXECUTE FUNCTION payments_check_insert();

-- Refunds against a payment. A refund row is written PENDING before the processor is asked, so two
-- concurrent refunds cannot both pass the "not more than what is left" check.
CREATE TABLE refunds (
    id                  uuid        PRIMARY KEY,
    payment_id          uuid        NOT NULL REFERENCES payments (id),
    user_id             uuid        NOT NULL,
    amount_minor        bigint      NOT NULL CHECK (amount_minor > 0),
    currency            char(3)     NOT NULL,
    status              text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    processor_refund_id text        NULL UNIQUE,
    failure_message     text        NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    completed_at        timestamptz NULL
);

CREATE INDEX refunds_payment ON refunds (payment_id, created_at);
