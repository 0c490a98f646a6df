-- Koban ticket store. Portable SQL: the same file runs on SQLite and PostgreSQL.
-- Times are Unix milliseconds (BIGINT), JSON is stored as TEXT, flags as 0/1.

CREATE TABLE tickets (
    id                TEXT PRIMARY KEY,
    reference         TEXT NOT NULL UNIQUE,
    access_token_hash TEXT NOT NULL,
    status            TEXT NOT NULL,
    name              TEXT NOT NULL,
    email             TEXT NOT NULL,
    category          TEXT NOT NULL,
    subject           TEXT NOT NULL,
    description       TEXT NOT NULL,
    fields            TEXT NOT NULL,
    context           TEXT NOT NULL,
    verified          BIGINT NOT NULL DEFAULT 0,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL
);
CREATE INDEX tickets_created_at ON tickets (created_at);

CREATE TABLE idempotency_keys (
    idem_key     TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    state        TEXT NOT NULL,
    ticket_id    TEXT,
    response     TEXT,
    created_at   BIGINT NOT NULL
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

CREATE TABLE outbox (
    id              TEXT PRIMARY KEY,
    ticket_id       TEXT NOT NULL REFERENCES tickets (id),
    target          TEXT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    delivered_at    BIGINT,
    last_error      TEXT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX outbox_due ON outbox (delivered_at, next_attempt_at);

CREATE TABLE rejections (
    reason TEXT PRIMARY KEY,
    count  BIGINT NOT NULL
);
