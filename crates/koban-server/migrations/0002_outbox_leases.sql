-- Delivery leases. A worker owns an outbox row while `lease_until` (Unix ms) is in the future:
-- it takes the row with
--   UPDATE outbox SET lease_until = <now + lease>, lease_owner = <worker>
--   WHERE id = <row> AND (lease_until IS NULL OR lease_until < <now>) ...
-- and only delivers when exactly one row was affected, so several server instances on one
-- database never deliver a row twice at the same time. A worker that dies lets its lease expire.
ALTER TABLE outbox ADD COLUMN lease_until BIGINT;
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
