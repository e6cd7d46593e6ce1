-- Reports without journal scans, and payments applied to invoices.
--
-- 1. Every entry gets an accounting date (entry_date, what reports group by; posted_at stays the time it
--    was recorded) and an optional invoice it belongs to.
-- 2. account_daily_totals holds each account's debits and credits per day. A statement trigger on
--    journal_lines keeps it in step inside the posting transaction, so no code path can post without it;
--    a trial balance "as of" a date sums at most one row per account and day, however long the journal.
-- 3. invoice_payments / payment_refunds / unmatched_payments record what the payment events did; their
--    primary keys are the payment and refund ids, so a re-published event cannot be applied twice even if
--    it arrives under a new CloudEvent id.

ALTER TABLE journal_entries ADD COLUMN entry_date date NULL;
ALTER TABLE journal_entries ADD COLUMN invoice_id uuid NULL;
-- Backfilling the new column is the one sanctioned write to posted rows; the trigger is back before commit.
ALTER TABLE journal_entries DISABLE TRIGGER journal_entries_immutable;
UPDATE journal_entries SET entry_date = (posted_at AT TIME ZONE 'UTC')::date;
ALTER TABLE journal_entries ENABLE TRIGGER journal_entries_immutable;
ALTER TABLE journal_entries ALTER COLUMN entry_date SET NOT NULL;
ALTER TABLE journal_entries ALTER COLUMN entry_date SET DEFAULT (now() AT TIME ZONE 'UTC')::date;

-- The ledger listing: own entries by date, newest first.
CREATE INDEX journal_entries_user_date ON journal_entries (user_id, entry_date DESC, posted_at DESC, id DESC);

CREATE TABLE account_daily_totals (
    account_id   uuid   NOT NULL REFERENCES accounts (id),
    day          date   NOT NULL,
    debit_minor  bigint NOT NULL DEFAULT 0 CHECK (debit_minor >= 0),
    credit_minor bigint NOT NULL DEFAULT 0 CHECK (credit_minor >= 0),
    PRIMARY KEY (account_id, day)
);

CREATE FUNCTION account_daily_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Rows are locked in account order, so concurrent postings that share accounts cannot deadlock here.
    INSERT INTO account_daily_totals AS t (account_id, day, debit_minor, credit_minor)
    SELECT l.account_id, e.entry_date,
           coalesce(sum(l.amount_minor) FILTER (WHERE l.side = 'D'), 0),
           coalesce(sum(l.amount_minor) FILTER (WHERE l.side = 'C'), 0)
      FROM new_lines l JOIN journal_entries e ON e.id = l.entry_id
     GROUP BY l.account_id, e.entry_date
     ORDER BY l.account_id, e.entry_date
    ON CONFLICT (account_id, day) DO UPDATE
       SET debit_minor = t.debit_minor + EXCLUDED.debit_minor,
           credit_minor = t.credit_minor + EXCLUDED.credit_minor;
    RETURN NULL;
END $$;

CREATE TRIGGER journal_lines_daily_totals AFTER INSERT ON journal_lines
    REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION account_daily_totals_add();

INSERT INTO account_daily_totals (account_id, day, debit_minor, credit_minor)
SELECT l.account_id, e.entry_date,
       coalesce(sum(l.amount_minor) FILTER (WHERE l.side = 'D'), 0),
       coalesce(sum(l.amount_minor) FILTER (WHERE l.side = 'C'), 0)
  FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
 GROUP BY l.account_id, e.entry_date;

-- Payments can never make an invoice look paid beyond its amount.
ALTER TABLE invoices ADD CONSTRAINT invoices_paid_within_amount CHECK (amount_paid_minor <= amount_minor);
ALTER TABLE invoices ADD COLUMN voided_at timestamptz NULL;

-- A payment applied to one of the owner's invoices: applied_minor reduced the receivable, credit_minor
-- (over-payment) became a customer credit, fee_minor is what the processor kept.
CREATE TABLE invoice_payments (
    payment_id          uuid        PRIMARY KEY,
    invoice_id          uuid        NOT NULL REFERENCES invoices (id),
    user_id             uuid        NOT NULL,
    currency            char(3)     NOT NULL,
    amount_minor        bigint      NOT NULL CHECK (amount_minor > 0),
    applied_minor       bigint      NOT NULL CHECK (applied_minor >= 0),
    credit_minor        bigint      NOT NULL CHECK (credit_minor >= 0),
    fee_minor           bigint      NOT NULL CHECK (fee_minor >= 0 AND fee_minor <= amount_minor),
    refunded_minor      bigint      NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor),
    processor_reference text        NOT NULL,
    completed_at        timestamptz NOT NULL,
    journal_entry_id    uuid        NOT NULL,
    CONSTRAINT invoice_payments_split CHECK (applied_minor + credit_minor = amount_minor)
);

CREATE INDEX invoice_payments_invoice ON invoice_payments (invoice_id, completed_at);

-- A payment whose invoice is unknown, another user's, void, or in another currency: the cash is booked
-- against Suspense and listed for a person to resolve, never dropped.
CREATE TABLE unmatched_payments (
    payment_id          uuid        PRIMARY KEY,
    invoice_id          uuid        NOT NULL,
    user_id             uuid        NOT NULL,
    currency            char(3)     NOT NULL,
    amount_minor        bigint      NOT NULL CHECK (amount_minor > 0),
    fee_minor           bigint      NOT NULL CHECK (fee_minor >= 0 AND fee_minor <= amount_minor),
    refunded_minor      bigint      NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor),
    reason              text        NOT NULL,
    processor_reference text        NOT NULL,
    received_at         timestamptz NOT NULL,
    journal_entry_id    uuid        NOT NULL
);

CREATE INDEX unmatched_payments_user ON unmatched_payments (user_id, received_at DESC);

CREATE TABLE payment_refunds (
    refund_id        uuid        PRIMARY KEY,
    payment_id       uuid        NOT NULL,
    user_id          uuid        NOT NULL,
    currency         char(3)     NOT NULL,
    amount_minor     bigint      NOT NULL CHECK (amount_minor > 0),
    refunded_at      timestamptz NOT NULL,
    journal_entry_id uuid        NOT NULL
);

CREATE INDEX payment_refunds_payment ON payment_refunds (payment_id);
