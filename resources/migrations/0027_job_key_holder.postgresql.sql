-- The job holding a unique key, for whoever asks for the same key (JobStore::enqueue).
-- The key is unique across everybody's jobs (jobs_unique_key_active), but a person reads
-- only their own jobs (0011): a person, or a job a worker runs for them (SET ROLE), who
-- asked for a key another person's active job holds found a conflict on insert and then
-- no job to merge into, and the request failed ("could not be queued; try again").
--
-- This function, owned by residesk_owner (this migration runs as it; 0017 gave the owner
-- a read policy on jobs), returns the active holder's id and state and nothing else of
-- it. It answers only about a kind the acting person may queue (the test of the jobs
-- table's insert policy, jobs_queue), so it tells nobody more than an insert of that
-- kind with that key would: that the key is taken, and by which job. The acting person
-- is the role setting (SET ROLE), else session_user, as in 0012.
CREATE FUNCTION residesk_job_key_holder(p_key text, p_kind text) RETURNS TABLE (id bigint, state text)
    LANGUAGE plpgsql STABLE
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_person text := current_setting('role');
BEGIN
    IF v_person IS NULL OR v_person = 'none' OR v_person = '' THEN
        v_person := session_user;
    END IF;
    IF NOT (EXISTS (SELECT 1 FROM public.job_kind_roles k
                    WHERE k.kind = p_kind AND pg_has_role(v_person, k.role, 'USAGE'))
            OR (NOT EXISTS (SELECT 1 FROM public.job_kind_roles k WHERE k.kind = p_kind)
                AND (pg_has_role(v_person, 'residesk_admin', 'USAGE')
                     OR pg_has_role(v_person, 'residesk_worker', 'USAGE')))) THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT j.id::bigint, j.state::text FROM public.jobs j
        WHERE j.unique_key = p_key AND j.state IN ('queued', 'running');
END
$$;

REVOKE ALL ON FUNCTION residesk_job_key_holder(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION residesk_job_key_holder(text, text)
    TO residesk_admin, residesk_housing, residesk_vet, residesk_worker;
