-- The floor under bulk_receive_10000 on PostgreSQL: the same rows written by bare
-- set-based statements that build everything inside the server (no client work, no
-- parameters, no chunks), in one transaction that is rolled back.
--
-- Run it on a database the benchmark has seeded (its client "Bench 10000" and 10,000
-- submitted protocols) and compare the sum of its timings with the benchmark:
--   build/tests/bench/residesk-bench bulk_receive_10000 --database "$URL" --runs 1
--   psql "$URL" -c 'VACUUM ANALYZE' -f tests/bench/sql/bulk_receive_floor.sql
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO jobs (kind, payload, state, priority, max_attempts, run_after, created_by, created_at, updated_at)
VALUES ('protocols.transition', '{}', 'running', 0, 5, 0, 'floor', 0, 0);
INSERT INTO bulk_jobs (job_id, to_state, selection, selected, created_at)
SELECT currval(pg_get_serial_sequence('jobs', 'id')), 'received', '[]', 10000, 0;
CREATE TEMP TABLE floor_selection ON COMMIT DROP AS
SELECT p.id FROM protocols p JOIN clients c ON c.id = p.client_id WHERE c.name = 'Bench 10000';
\timing on
-- 1. lock the rows (with what the e-mail needs)
SELECT count(*) FROM (SELECT p.id, p.number, p.state, p.version, c.email FROM protocols p
    JOIN clients c ON c.id = p.client_id WHERE p.id IN (SELECT id FROM floor_selection)
    ORDER BY p.id FOR UPDATE OF p) locked;
-- 2. change them (and 3. one audit entry each: the statement's audit trigger, 0012_audit)
SELECT set_config('residesk.job_id', currval(pg_get_serial_sequence('jobs', 'id'))::text, true);
UPDATE protocols SET state = 'received', version = version + 1, received_at = now(), updated_at = now(),
    updated_by = 'floor' WHERE id IN (SELECT id FROM floor_selection);
-- 4. one e-mail each
INSERT INTO outbox_emails (dedupe_key, to_address, to_name, subject, body_text, next_attempt_at, message_id,
    related_entity, related_id, created_by, created_at, updated_at)
SELECT 'protocol-received/floor/' || p.id, c.email, c.name, 'Protocol ' || p.number || ': samples received',
    'Dear ' || c.name || E',\n\nprotocol ' || p.number || ' (' || p.species || ') is now received.\n\n'
    'This message was sent automatically by the veterinary diagnostic lab; you do not need to answer it.\n',
    0, '<floor.' || p.id || '@residesk.invalid>', 'protocol', p.id, 'floor', 0, 0
FROM protocols p JOIN clients c ON c.id = p.client_id WHERE p.id IN (SELECT id FROM floor_selection);
-- 5. one item each
INSERT INTO bulk_job_items (job_id, protocol_id, protocol_number, outcome, before_state, after_state,
    before_version, after_version)
SELECT currval(pg_get_serial_sequence('jobs', 'id')), p.id, p.number, 'changed', 'submitted', 'received', 1, 2
FROM protocols p WHERE p.id IN (SELECT id FROM floor_selection);
\timing off
ROLLBACK;
