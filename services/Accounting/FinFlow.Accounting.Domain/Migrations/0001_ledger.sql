-- Ledger core. The rules of double entry are enforced here, not only in FinFlow.Accounting.Domain,
-- so that no code path (a bug, a manual psql session, a future service) can post an entry that is
-- out of balance or rewrite history. Errors use SQLSTATE 23514 (check_violation) for content rules
-- and 55000 (object_not_in_prerequisite_state) for attempts to modify posted rows.

CREATE TABLE accounts (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL,
    code       text        NOT NULL CHECK (code <> ''),
    name       text        NOT NULL CHECK (name <> ''),
    type       text        NOT NULL CHECK (type IN ('asset', 'liability', 'equity', 'revenue', 'expense')),
    currency   char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    -- One chart per user and currency: "1100 Accounts Receivable" exists once in each currency used.
    CONSTRAINT accounts_user_code_currency UNIQUE (user_id, code, currency)
);

CREATE TABLE journal_entries (
    id                uuid        PRIMARY KEY,
    user_id           uuid        NOT NULL,
    posted_at         timestamptz NOT NULL DEFAULT now(),
    memo              text        NULL CHECK (char_length(memo) <= 500),
    currency          char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- An entry is reversed at most once; a second reversal would double the correction.
    reverses_entry_id uuid        NULL UNIQUE REFERENCES journal_entries (id),
    -- The transaction that posted the entry: lines may only be added by that same transaction,
    -- otherwise a balanced pair appended later would silently edit a posted entry.
    created_xact      xid8        NOT NULL DEFAULT pg_current_xact_id()
);

CREATE INDEX journal_entries_user_posted ON journal_entries (user_id, posted_at);

CREATE TABLE journal_lines (
    id           bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id     uuid    NOT NULL REFERENCES journal_entries (id),
    account_id   uuid    NOT NULL REFERENCES accounts (id),
    side         char(1) NOT NULL CHECK (side IN ('D', 'C')),
    amount_minor bigint  NOT NULL CONSTRAINT journal_lines_amount_positive CHECK (amount_minor > 0)
);

CREATE INDEX journal_lines_entry ON journal_lines (entry_id);
CREATE INDEX journal_lines_account ON journal_lines (account_id);

-- Row checks that need other tables: the line's account and entry must agree on owner and currency.
CREATE FUNCTION journal_lines_check_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    entry   journal_entries%ROWTYPE;
    account accounts%ROWTYPE;
BEGIN
    SELECT * INTO entry FROM journal_entries WHERE id = NEW.entry_id;
    SELECT * INTO account FROM accounts WHERE id = NEW.account_id;
    IF entry.id IS NULL OR account.id IS NULL THEN
        RETURN NEW; -- the foreign keys report the missing row with their own message
    END IF;
    IF entry.created_xact <> pg_current_xact_id() THEN
        RAISE EXCEPTION 'journal entry % is already posted: lines cannot be added to it', NEW.entry_id
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF account.currency <> entry.currency THEN
        RAISE EXCEPTION 'journal line currency % (account %) differs from entry % currency %',
            account.currency, NEW.account_id, NEW.entry_id, entry.currency
            USING ERRCODE = 'check_violation';
    END IF;
    IF account.user_id <> entry.user_id THEN
        RAISE EXCEPTION 'account % does not belong to the owner of journal entry %', NEW.account_id, NEW.entry_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER journal_lines_check_row BEFORE INSERT ON journal_lines
    FOR EACH ROW EXECUTE FUNCTION journal_lines_check_row();

-- A reversal must stay within the original's owner and currency.
CREATE FUNCTION journal_entries_check_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    original journal_entries%ROWTYPE;
BEGIN
    IF NEW.reverses_entry_id IS NOT NULL THEN
        SELECT * INTO original FROM journal_entries WHERE id = NEW.reverses_entry_id;
        IF original.id IS NOT NULL AND (original.user_id <> NEW.user_id OR original.currency <> NEW.currency) THEN
            RAISE EXCEPTION 'reversal % must have the same owner and currency as entry %', NEW.id, NEW.reverses_entry_id
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER journal_entries_check_row BEFORE INSERT ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION journal_entries_check_row();

-- Balance and line count are properties of the whole entry, so they are checked at COMMIT
-- (deferred), after every line of the transaction has been inserted.
CREATE FUNCTION journal_entry_check_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    -- TG_ARGV[0] names the column holding the entry id ('id' or 'entry_id'); PL/pgSQL cannot
    -- reference a field that only one of the two tables has, even in an untaken branch.
    target  uuid := (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
    lines   bigint;
    debits  numeric;
    credits numeric;
BEGIN
    SELECT count(*),
           coalesce(sum(amount_minor) FILTER (WHERE side = 'D'), 0),
           coalesce(sum(amount_minor) FILTER (WHERE side = 'C'), 0)
      INTO lines, debits, credits
      FROM journal_lines WHERE entry_id = target;
    IF lines < 2 THEN
        RAISE EXCEPTION 'journal entry % has % line(s); at least two are required', target, lines
            USING ERRCODE = 'check_violation';
    END IF;
    IF debits <> credits THEN
        RAISE EXCEPTION 'journal entry % is unbalanced: debits % <> credits %', target, debits, credits
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON journal_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_check_balance('id');

CREATE CONSTRAINT TRIGGER journal_lines_balanced AFTER INSERT ON journal_lines
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_check_balance('entry_id');

-- The journal is append-only: corrections are reversal entries, never edits.
CREATE FUNCTION journal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed: posted journal entries are immutable; post a reversal entry instead',
        TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'object_not_in_prerequisite_state';
END $$;

CREATE TRIGGER journal_entries_immutable BEFORE UPDATE OR DELETE ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_lines_immutable BEFORE UPDATE OR DELETE ON journal_lines
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries
    FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_lines_no_truncate BEFORE TRUNCATE ON journal_lines
    FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();

-- An account's owner and currency are what posted lines were checked against; changing them
-- would re-denominate history. Name and code stay editable.
CREATE FUNCTION accounts_refuse_rekey() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.currency <> OLD.currency OR NEW.user_id <> OLD.user_id OR NEW.id <> OLD.id THEN
        RAISE EXCEPTION 'account % cannot change its id, owner or currency', OLD.id
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER accounts_refuse_rekey BEFORE UPDATE ON accounts
    FOR EACH ROW EXECUTE FUNCTION accounts_refuse_rekey();
