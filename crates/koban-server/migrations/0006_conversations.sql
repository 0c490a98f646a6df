-- Conversations: the user's follow-ups stand beside agents' replies in `ticket_replies`
-- (`author` 'agent' or 'user'; `author_name` is the agent's display name, when given), status
-- changes are kept in order, a finished ticket may carry one satisfaction rating, and `read_at`
-- is the user's read mark (Unix ms; 0: never read). A follow-up's files are linked to the ticket
-- and to the message (`reply_id`).
ALTER TABLE ticket_replies ADD COLUMN author TEXT NOT NULL DEFAULT 'agent';
ALTER TABLE ticket_replies ADD COLUMN author_name TEXT;
ALTER TABLE tickets ADD COLUMN read_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE attachments ADD COLUMN reply_id TEXT;
CREATE INDEX tickets_email ON tickets (email);

CREATE TABLE ticket_status_changes (
    id          TEXT PRIMARY KEY,
    ticket_id   TEXT NOT NULL REFERENCES tickets (id),
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX ticket_status_changes_ticket ON ticket_status_changes (ticket_id, created_at);

CREATE TABLE ticket_ratings (
    ticket_id  TEXT PRIMARY KEY REFERENCES tickets (id),
    score      TEXT NOT NULL,
    comment    TEXT,
    rated_at   BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
