-- Registrar sync on PostgreSQL: grants, the job kind, the audit trail and the one step
-- housing staff take on the recurring jobs table (their sync's schedule).

REVOKE ALL ON registrar_sync_settings, registrar_sync_state, registrar_flags FROM PUBLIC;

-- Housing staff and administrators configure the sync; the job (run as its creator, or
-- by a worker for the scheduler) reads the settings and writes the state and the flags.
GRANT SELECT, INSERT, UPDATE ON registrar_sync_settings TO residesk_housing, residesk_admin;
GRANT SELECT ON registrar_sync_settings TO residesk_worker;
GRANT SELECT, INSERT, UPDATE, DELETE ON registrar_sync_state, registrar_flags
    TO residesk_housing, residesk_admin, residesk_worker;

-- Housing and administrators may queue a sync; workers fire the recurring one.
INSERT INTO job_kind_roles (kind, role) VALUES
    ('residents.sync', 'residesk_housing'),
    ('residents.sync', 'residesk_admin'),
    ('residents.sync', 'residesk_worker');

-- The settings and the flags are audited like the records they concern (0012); the
-- state is the job's own bookkeeping, like the jobs table.
DO $$
DECLARE
    t text[];
BEGIN
    FOREACH t SLICE 1 IN ARRAY ARRAY[['registrar_sync_settings', 'registrar_sync_settings'],
                                     ['registrar_flags', 'registrar_flag']] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON public.%I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION residesk_audit(%L)', t[1] || '_audit_insert', t[1], t[2]);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON public.%I '
                       'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION residesk_audit(%L)', t[1] || '_audit_update', t[1], t[2]);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON public.%I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION residesk_audit(%L)', t[1] || '_audit_delete', t[1], t[2]);
    END LOOP;
END
$$;

-- Recurring jobs are administrators' and workers' (0011). Housing staff schedule the
-- sync through this function, which touches the one row named residents.sync and
-- nothing else; the client computes next_run_at from the cron expression (CronSchedule)
-- and the function keeps the stored one when the schedule did not change.
CREATE FUNCTION residesk_schedule_registrar_sync(p_schedule text, p_next_run_at bigint, p_enabled boolean,
                                                 p_now bigint) RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    -- Inside the function current_user is the owner: the caller is the role SET ROLE
    -- made it (a worker acting for a person), else the signed-in one (as in 0012).
    v_person text := current_setting('role');
BEGIN
    IF v_person IS NULL OR v_person = 'none' THEN
        v_person := session_user;
    END IF;
    IF NOT (pg_has_role(v_person, 'residesk_housing', 'USAGE')
            OR pg_has_role(v_person, 'residesk_admin', 'USAGE')) THEN
        RAISE EXCEPTION 'permission denied: scheduling the registrar sync needs membership in residesk_housing or residesk_admin'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_schedule IS NULL OR length(p_schedule) = 0 OR length(p_schedule) > 100 OR p_next_run_at IS NULL THEN
        RAISE EXCEPTION 'invalid schedule for the registrar sync' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO recurring_jobs (name, kind, payload, schedule, enabled, next_run_at, updated_at)
    VALUES ('residents.sync', 'residents.sync', '{}', p_schedule, CASE WHEN p_enabled THEN 1 ELSE 0 END,
            p_next_run_at, p_now)
    ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, payload = excluded.payload,
        next_run_at = CASE WHEN recurring_jobs.schedule = excluded.schedule
                            AND (recurring_jobs.enabled = 1 OR excluded.enabled = 0)
                           THEN recurring_jobs.next_run_at ELSE excluded.next_run_at END,
        schedule = excluded.schedule, enabled = excluded.enabled, updated_at = excluded.updated_at;
END
$$;

REVOKE ALL ON FUNCTION residesk_schedule_registrar_sync(text, bigint, boolean, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION residesk_schedule_registrar_sync(text, bigint, boolean, bigint)
    TO residesk_housing, residesk_admin;
