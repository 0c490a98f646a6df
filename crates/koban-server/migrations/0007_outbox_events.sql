-- Outbox events: besides new tickets, the outbox now carries the user's follow-ups and
-- satisfaction ratings to the same targets. `event` is what happened ('ticket_created',
-- 'ticket_message' or 'ticket_rated'; rows written before this migration are new tickets), and
-- `event_data` the event's own part as JSON text, taken in the transaction that stored it (the
-- message: id, body, time, attachment ids; the rating: score, comment), so a later change (a
-- rating changed again within its 7 days) does not rewrite what an earlier delivery says.
ALTER TABLE outbox ADD COLUMN event TEXT NOT NULL DEFAULT 'ticket_created';
ALTER TABLE outbox ADD COLUMN event_data TEXT;
