-- Invoices and their line items. Amounts are integers in the currency's minor unit; quantities and
-- tax rates are exact numerics. The journal entry an invoice posts lives in the ledger (0001).

CREATE TABLE invoices (
    id                uuid        PRIMARY KEY,
    user_id           uuid        NOT NULL,
    client            text        NOT NULL CHECK (char_length(client) BETWEEN 1 AND 200),
    amount_minor      bigint      NOT NULL CHECK (amount_minor > 0),
    currency          char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    due_date          date        NOT NULL,
    status            text        NOT NULL DEFAULT 'PENDING'
                                  CHECK (status IN ('PENDING', 'PARTIALLY_PAID', 'PAID', 'VOID')),
    amount_paid_minor bigint      NOT NULL DEFAULT 0 CHECK (amount_paid_minor >= 0),
    -- The entry the invoice posted. Deliberately no foreign key: one would make TRUNCATE journal_entries
    -- fail on the reference (0A000) before the ledger's own immutability trigger can refuse it (55000).
    journal_entry_id  uuid        NULL,
    created_at        timestamptz NOT NULL DEFAULT now()
);

-- The list endpoint: own invoices, newest first, optionally by status.
CREATE INDEX invoices_user_created ON invoices (user_id, created_at DESC, id DESC);
CREATE INDEX invoices_user_status_created ON invoices (user_id, status, created_at DESC);

CREATE TABLE invoice_lines (
    id               bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id       uuid          NOT NULL REFERENCES invoices (id),
    position         int           NOT NULL CHECK (position >= 0),
    description      text          NOT NULL CHECK (char_length(description) BETWEEN 1 AND 500),
    quantity         numeric(18,6) NOT NULL CHECK (quantity > 0),
    unit_price_minor bigint        NOT NULL CHECK (unit_price_minor >= 0),
    tax_rate         numeric(9,6)  NOT NULL DEFAULT 0 CHECK (tax_rate >= 0 AND tax_rate <= 1),
    CONSTRAINT invoice_lines_position UNIQUE (invoice_id, position)
);
