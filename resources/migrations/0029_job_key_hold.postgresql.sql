-- A drain merged into by another person is brought forward and share-locked
-- (OutboxStore::ensureDrain, tasks/mail/outboxstore.cpp).
--
-- Queuing an e-mail or a text message merges into the drain job that holds the outbox's
-- unique key, whoever queued it (0027 finds that job). Two things the merging
-- transaction then does to the drain ran under row-level security: bringing a drain
-- that waits for a later time forward to now, and share-locking it so that no worker
-- starts it (and scans the outbox) before the new message is visible. A person reads and
-- changes only their own jobs (0011), so when the drain was another person's both did
-- nothing: the message could wait for the next drain or the ten-minute safety net.
--
-- This function, owned by residesk_owner (this migration runs as it), does both for the
-- one job that holds the key, and only for a kind the acting person may queue (the test
-- of 0027, itself the jobs table's insert policy): it moves the job's start earlier,
-- never later, and returns its state and nothing else. The share lock is the calling
-- transaction's, held until it ends, as a SELECT … FOR SHARE of the caller's own would be.

-- Whether the acting person (the role setting, else session_user, as in 0012) may queue
-- jobs of `p_kind`: the test of the jobs table's insert policy (jobs_queue, 0011), in one
-- place for 0027's residesk_job_key_holder and residesk_job_key_hold below.
CREATE FUNCTION residesk_may_queue(p_kind text) RETURNS boolean
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_person text := current_setting('role');
BEGIN
    IF v_person IS NULL OR v_person = 'none' OR v_person = '' THEN
        v_person := session_user;
    END IF;
    RETURN EXISTS (SELECT 1 FROM public.job_kind_roles k
                   WHERE k.kind = p_kind AND pg_has_role(v_person, k.role, 'USAGE'))
        OR (NOT EXISTS (SELECT 1 FROM public.job_kind_roles k WHERE k.kind = p_kind)
            AND (pg_has_role(v_person, 'residesk_admin', 'USAGE')
                 OR pg_has_role(v_person, 'residesk_worker', 'USAGE')));
END
$$;

REVOKE ALL ON FUNCTION residesk_may_queue(text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION residesk_job_key_holder(p_key text, p_kind text) RETURNS TABLE (id bigint, state text)
    LANGUAGE plpgsql STABLE
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF NOT residesk_may_queue(p_kind) THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT j.id::bigint, j.state::text FROM public.jobs j
        WHERE j.unique_key = p_key AND j.state IN ('queued', 'running');
END
$$;

-- The owner may change queued and running jobs (through this function only: no person
-- can become the owner).
CREATE POLICY jobs_owner_hold ON jobs FOR UPDATE TO residesk_owner
    USING (unique_key IS NOT NULL AND state IN ('queued', 'running'));

CREATE FUNCTION residesk_job_key_hold(p_id bigint, p_key text, p_kind text, p_at bigint, p_now bigint)
    RETURNS text
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_state text;
BEGIN
    IF NOT residesk_may_queue(p_kind) THEN
        RAISE EXCEPTION 'permission denied to queue jobs of kind %', p_kind
            USING ERRCODE = '42501';
    END IF;
    UPDATE public.jobs j SET run_after = p_at, updated_at = p_now
    WHERE j.id = p_id AND j.unique_key = p_key AND j.kind = p_kind AND j.state = 'queued'
      AND j.run_after > p_at;
    SELECT j.state INTO v_state FROM public.jobs j
    WHERE j.id = p_id AND j.unique_key = p_key AND j.kind = p_kind AND j.state IN ('queued', 'running')
    FOR SHARE;
    RETURN v_state;
END
$$;

REVOKE ALL ON FUNCTION residesk_job_key_hold(bigint, text, text, bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION residesk_job_key_hold(bigint, text, text, bigint, bigint)
    TO residesk_admin, residesk_housing, residesk_vet, residesk_worker;
