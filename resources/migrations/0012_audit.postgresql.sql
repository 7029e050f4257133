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
    v_person text := current_setting('role');
    v_login text := session_user;
    v_job_text text := current_setting('residesk.job_id', true);
    v_job bigint;
    v_at bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
BEGIN
    IF v_person IS NULL OR v_person = 'none' THEN
        v_person := v_login;
    END IF;
    IF v_job_text ~ '^[0-9]{1,18}$' AND v_job_text::bigint > 0 THEN
        v_job := v_job_text::bigint;
    END IF;

    -- Each statement below is planned for the table it first runs on (PL/pgSQL keeps
    -- one copy of a trigger function per table), so a branch may name that table's
    -- columns; row_to_json writes a row's text at once.
    IF v_entity = 'person' THEN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before,
                                       after, job_id)
            SELECT v_at, v_person, v_login, v_entity, 0, n.login, 'create', NULL, row_to_json(n)::text, v_job
            FROM new_rows n;
        ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before,
                                       after, job_id)
            SELECT v_at, v_person, v_login, v_entity, 0, o.login, 'delete', row_to_json(o)::text, NULL, v_job
            FROM old_rows o;
        ELSE
            INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before,
                                       after, job_id)
            SELECT v_at, v_person, v_login, v_entity, 0, n.login, 'update', row_to_json(o)::text,
                   row_to_json(n)::text, v_job
            FROM old_rows o JOIN new_rows n ON n.login = o.login;
        END IF;
    ELSIF TG_OP = 'INSERT' THEN
        IF v_entity = 'report' THEN
            INSERT INTO audit_entries (at, username, session_login, entity, entity_id, action, after, job_id)
            SELECT v_at, v_person, v_login, v_entity, n.id,
                   CASE WHEN n.supersedes_id IS NOT NULL THEN 'amend' ELSE 'create' END, row_to_json(n)::text, v_job
            FROM new_rows n;
        ELSE
            INSERT INTO audit_entries (at, username, session_login, entity, entity_id, action, after, job_id)
            SELECT v_at, v_person, v_login, v_entity, n.id,
                   CASE WHEN v_entity = 'allocation' THEN 'reserve' ELSE 'create' END, row_to_json(n)::text, v_job
            FROM new_rows n;
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO audit_entries (at, username, session_login, entity, entity_id, action, before, job_id)
        SELECT v_at, v_person, v_login, v_entity, o.id, 'delete', row_to_json(o)::text, v_job
        FROM old_rows o;
    ELSIF v_entity = 'protocol' THEN
        -- Forward along submitted → received → in analysis → finalized, or to
        -- cancelled: a transition; back: an undo restoring it.
        INSERT INTO audit_entries (at, username, session_login, entity, entity_id, action, before, after, job_id)
        SELECT v_at, v_person, v_login, v_entity, n.id,
               CASE
                   WHEN o.state = n.state THEN 'update'
                   WHEN array_position('{submitted,received,in_analysis,finalized,cancelled}'::text[], n.state::text)
                        > array_position('{submitted,received,in_analysis,finalized,cancelled}'::text[], o.state::text)
                       THEN 'transition'
                   ELSE 'restore'
               END,
               row_to_json(o)::text, row_to_json(n)::text, v_job
        FROM old_rows o JOIN new_rows n ON n.id = o.id;
    ELSIF v_entity = 'allocation' THEN
        INSERT INTO audit_entries (at, username, session_login, entity, entity_id, action, before, after, job_id)
        SELECT v_at, v_person, v_login, v_entity, n.id,
               CASE o.state::text || '>' || n.state::text
                   WHEN 'reserved>checked_in' THEN 'check_in'
                   WHEN 'checked_in>checked_out' THEN 'check_out'
                   WHEN 'reserved>cancelled' THEN 'cancel'
                   WHEN 'checked_in>reserved' THEN 'undo_check_in'
                   WHEN 'checked_out>checked_in' THEN 'undo_check_out'
                   WHEN 'cancelled>reserved' THEN 'undo_cancel'
                   ELSE CASE WHEN o.state = n.state THEN 'move' ELSE 'transition' END
               END,
               row_to_json(o)::text, row_to_json(n)::text, v_job
        FROM old_rows o JOIN new_rows n ON n.id = o.id;
    ELSIF v_entity = 'report' THEN
        INSERT INTO audit_entries (at, username, session_login, entity, entity_id, action, before, after, job_id)
        SELECT v_at, v_person, v_login, v_entity, n.id,
               CASE
                   WHEN o.state = 'draft' AND n.state = 'finalized' THEN 'finalize'
                   WHEN o.superseded_by_id IS NULL AND n.superseded_by_id IS NOT NULL THEN 'supersede'
                   WHEN o.finalizing_job_id IS NULL AND n.finalizing_job_id IS NOT NULL THEN 'hold'
                   WHEN o.finalizing_job_id IS NOT NULL AND n.finalizing_job_id IS NULL THEN 'release'
                   ELSE 'update'
               END,
               row_to_json(o)::text, row_to_json(n)::text, v_job
        FROM old_rows o JOIN new_rows n ON n.id = o.id;
    ELSE
        INSERT INTO audit_entries (at, username, session_login, entity, entity_id, action, before, after, job_id)
        SELECT v_at, v_person, v_login, v_entity, n.id, 'update', row_to_json(o)::text, row_to_json(n)::text, v_job
        FROM old_rows o JOIN new_rows n ON n.id = o.id;
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
