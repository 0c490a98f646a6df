-- Feedback events from the widget (POST /api/v1/feedback), one row per event; read by
-- `koban report`. `kind` is the event's `type`; the other columns are filled as the kind needs
-- them and NULL otherwise:
--   articleRated                    article_id, helpful (0/1)
--   searchNoResults, searchToTicket query (trimmed, as typed), query_norm (grouping form)
--   flowOutcome                     flow_id, outcome (resolved/escalated/abandoned), step_id
-- `query_norm` is the query trimmed, whitespace collapsed and lowercased, so that the same gap
-- reported by many users is counted once. No client address or identity is stored.
CREATE TABLE feedback (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    locale     TEXT NOT NULL,
    article_id TEXT,
    helpful    BIGINT,
    query      TEXT,
    query_norm TEXT,
    flow_id    TEXT,
    outcome    TEXT,
    step_id    TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX feedback_kind_created_at ON feedback (kind, created_at);
