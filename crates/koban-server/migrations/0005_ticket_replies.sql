-- Replies of agents to tickets (`koban tickets reply`). `public` is 1 for a reply shown to the
-- submitter (GET /api/v1/tickets/{reference}) and 0 for an internal note, which only agents see.
-- `created_at` (Unix ms) is strictly increasing per ticket, so "oldest first" is well defined.
CREATE TABLE ticket_replies (
    id         TEXT PRIMARY KEY,
    ticket_id  TEXT NOT NULL REFERENCES tickets (id),
    body       TEXT NOT NULL,
    public     BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX ticket_replies_ticket ON ticket_replies (ticket_id, created_at);
