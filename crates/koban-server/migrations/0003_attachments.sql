-- Files uploaded with POST /api/v1/attachments. The bytes live on disk under `attachments_dir`
-- as `stored_name` (random, never derived from user input); `filename` is only shown to agents.
-- `ticket_id` is set when a ticket references the upload (once); uploads never referenced are
-- pruned after a day.
CREATE TABLE attachments (
    id           TEXT PRIMARY KEY,
    stored_name  TEXT NOT NULL UNIQUE,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    ticket_id    TEXT REFERENCES tickets (id),
    created_at   BIGINT NOT NULL
);
CREATE INDEX attachments_ticket ON attachments (ticket_id);
CREATE INDEX attachments_created_at ON attachments (created_at);
