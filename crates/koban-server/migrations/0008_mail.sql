-- Replies by email. `mail_received` records every mail `koban mail ingest` was given, never its
-- body: the audit log (who wrote, what became of it, how big it was) and the "exactly once per
-- Message-ID" guard, a unique index over the stored ones. `message_id` is the header without
-- `<>` (at most 250 characters), or `sha256:<hex>` of the mail's sender, date, subject and body
-- when it has none. `outcome`: stored | auto_reply | refused | bad_message.
CREATE TABLE mail_received (
    id TEXT PRIMARY KEY,
    ticket_id TEXT REFERENCES tickets (id),
    message_id TEXT NOT NULL,
    sender TEXT NOT NULL,
    outcome TEXT NOT NULL,
    reply_id TEXT,
    size BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX mail_received_once ON mail_received (ticket_id, message_id) WHERE outcome = 'stored';
CREATE INDEX mail_received_ticket ON mail_received (ticket_id, created_at);
-- How a message arrived: NULL (the widget, the admin API, the CLI) or 'email'.
ALTER TABLE ticket_replies ADD COLUMN via TEXT;
