-- PostgreSQL: statement-level AFTER triggers with transition tables write the audit
-- trail (see 0012_audit.sql for what a row holds), so a bulk change of thousands of
-- records costs one INSERT … SELECT per statement, not one per row.
--
-- The trigger function runs as the owner (SECURITY DEFINER): nobody else may write
-- audit_entries at all, nor change or delete a row of it. Inside it current_user is
-- the owner, so the acting person is read from the role setting: what SET ROLE (the
-- worker acting for a job's creator) made it, else session_user. A person who SETs
-- ROLE to one of their groups is recorded as that group: that is who acted.
-- This migration runs as residesk_owner (models/db/migrator.cpp), which thus owns
-- the function.

-- The owner creates objects in the schema from now on (0011 gave it the tables only):
-- granted by whoever migrates (a superuser), for this and later migrations.
RESET ROLE;
GRANT CREATE ON SCHEMA public TO residesk_owner;
SET LOCAL ROLE residesk_owner;

CREATE INDEX audit_entries_username_idx ON audit_entries (username, id);

CREATE FUNCTION residesk_audit() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
DECLARE
    v_entity text := TG_ARGV[0];
    v_key text := CASE WHEN TG_ARGV[0] = 'person' THEN 'login' ELSE 'id' END;
    v_person text := current_setting('role');
    v_job_text text := current_setting('residesk.job_id', true);
    v_job bigint;
    v_at bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
BEGIN
    IF v_person IS NULL OR v_person = 'none' THEN
        v_person := session_user;
    END IF;
    IF v_job_text ~ '^[0-9]{1,18}$' AND v_job_text::bigint > 0 THEN
        v_job := v_job_text::bigint;
    END IF;

    IF TG_OP = 'INSERT' THEN
        INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before,
                                   after, job_id)
        SELECT v_at, v_person, session_user, v_entity,
               CASE WHEN v_key = 'id' THEN (n.j ->> 'id')::bigint ELSE 0 END,
               CASE WHEN v_key = 'id' THEN NULL ELSE n.j ->> v_key END,
               CASE
                   WHEN v_entity = 'allocation' THEN 'reserve'
                   WHEN v_entity = 'report' AND (n.j ->> 'supersedes_id') IS NOT NULL THEN 'amend'
                   ELSE 'create'
               END,
               NULL, n.j::text, v_job
        FROM (SELECT to_jsonb(r) AS j FROM new_rows r) n;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before,
                                   after, job_id)
        SELECT v_at, v_person, session_user, v_entity,
               CASE WHEN v_key = 'id' THEN (o.j ->> 'id')::bigint ELSE 0 END,
               CASE WHEN v_key = 'id' THEN NULL ELSE o.j ->> v_key END,
               'delete', o.j::text, NULL, v_job
        FROM (SELECT to_jsonb(r) AS j FROM old_rows r) o;
    ELSE
        INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before,
                                   after, job_id)
        SELECT v_at, v_person, session_user, v_entity,
               CASE WHEN v_key = 'id' THEN (n.j ->> 'id')::bigint ELSE 0 END,
               CASE WHEN v_key = 'id' THEN NULL ELSE n.j ->> v_key END,
               CASE v_entity
                   WHEN 'protocol' THEN
                       CASE
                           WHEN o.j ->> 'state' = n.j ->> 'state' THEN 'update'
                           -- Forward along submitted → received → in analysis → finalized,
                           -- or to cancelled: a transition; back: an undo restoring it.
                           WHEN array_position(ARRAY['submitted', 'received', 'in_analysis', 'finalized',
                                                     'cancelled'], n.j ->> 'state')
                                > array_position(ARRAY['submitted', 'received', 'in_analysis', 'finalized',
                                                       'cancelled'], o.j ->> 'state') THEN 'transition'
                           ELSE 'restore'
                       END
                   WHEN 'allocation' THEN
                       CASE (o.j ->> 'state') || '>' || (n.j ->> 'state')
                           WHEN 'reserved>checked_in' THEN 'check_in'
                           WHEN 'checked_in>checked_out' THEN 'check_out'
                           WHEN 'reserved>cancelled' THEN 'cancel'
                           WHEN 'checked_in>reserved' THEN 'undo_check_in'
                           WHEN 'checked_out>checked_in' THEN 'undo_check_out'
                           WHEN 'cancelled>reserved' THEN 'undo_cancel'
                           ELSE CASE WHEN o.j ->> 'state' = n.j ->> 'state' THEN 'move' ELSE 'transition' END
                       END
                   WHEN 'report' THEN
                       CASE
                           WHEN o.j ->> 'state' = 'draft' AND n.j ->> 'state' = 'finalized' THEN 'finalize'
                           WHEN (o.j ->> 'superseded_by_id') IS NULL AND (n.j ->> 'superseded_by_id') IS NOT NULL
                               THEN 'supersede'
                           WHEN (o.j ->> 'finalizing_job_id') IS NULL AND (n.j ->> 'finalizing_job_id') IS NOT NULL
                               THEN 'hold'
                           WHEN (o.j ->> 'finalizing_job_id') IS NOT NULL AND (n.j ->> 'finalizing_job_id') IS NULL
                               THEN 'release'
                           ELSE 'update'
                       END
                   ELSE 'update'
               END,
               o.j::text, n.j::text, v_job
        FROM (SELECT to_jsonb(r) AS j FROM old_rows r) o
        JOIN (SELECT to_jsonb(r) AS j FROM new_rows r) n ON n.j -> v_key = o.j -> v_key;
    END IF;
    RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION residesk_audit() FROM PUBLIC;

-- Three triggers per table: a trigger with transition tables has one event.
DO $$
DECLARE
    t text[];
BEGIN
    FOREACH t SLICE 1 IN ARRAY ARRAY[['buildings', 'building'], ['rooms', 'room'], ['residents', 'resident'],
                                     ['allocations', 'allocation'], ['clients', 'client'],
                                     ['protocols', 'protocol'], ['work_orders', 'work_order'],
                                     ['work_order_analyses', 'work_order_analysis'], ['reports', 'report'],
                                     ['report_results', 'report_result'], ['people', 'person']] LOOP
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

-- Only the trigger function writes the trail; administrators and workers read it.
-- Nobody but the owner (whom nobody signs in as) may change or delete it.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_entries
    FROM residesk_admin, residesk_housing, residesk_vet, residesk_worker, PUBLIC;
