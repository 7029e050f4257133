-- The audit trail of an UPDATE (0020: only the changed columns, compared column by
-- column) without building and planning its statement anew for every statement.
--
-- 0020 read the table's columns from the catalogue and EXECUTEd a freshly built
-- INSERT … SELECT each time a statement fired the trigger: PostgreSQL parsed and planned
-- that statement (two CASE expressions per column) every time. For a bulk change of
-- 10,000 protocols in chunks of 500 that was about 40 % of what the audit trigger cost
-- each chunk (measured: 10-11 ms a chunk before, about 6 ms after; a bare trigger that
-- inserts the same rows without before/after takes 3.5-5 ms, and the trail's two B-tree
-- indexes besides its key about 2 ms of that).
--
-- Now every table audited by residesk_audit() gets a trigger function of its own for
-- UPDATE, residesk_audit_update_<table>(), generated here from the catalogue with the
-- same statement written out (residesk_audit_update_sql), so PL/pgSQL plans it once per
-- session. The trail is the same, row for row. A generated function checks that the
-- table's columns are still those it was generated for (residesk_audit_columns: number,
-- name and type of each, a catalogue read per statement, no planning); if a later
-- change to the table (a migration, psql) added, dropped, renamed or retyped a column,
-- it builds the statement from the catalogue as 0020 did, so a column is never left out
-- of the trail. A migration that changes an audited table's columns runs
-- `SELECT residesk_audit_refresh();` to generate the functions anew.
--
-- INSERT and DELETE keep residesk_audit() (their statements are static already).
-- Runs as residesk_owner (models/db/migrator.cpp), which owns the functions.

-- The columns of a table as a generated function knows them: attnum:name:type, in order.
CREATE FUNCTION residesk_audit_columns(p_table regclass) RETURNS text
    LANGUAGE sql
    STABLE
AS $$
    SELECT pg_catalog.string_agg(pg_catalog.format('%s:%s:%s', a.attnum, a.attname, a.atttypid), ','
                                 ORDER BY a.attnum)
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = p_table::oid AND a.attnum > 0 AND NOT a.attisdropped
$$;

-- The INSERT … SELECT that records an UPDATE of `p_table` as entity `p_entity`, from the
-- transition tables old_rows and new_rows: one entry per changed row, before and after
-- holding only the columns it changed (0020). The time, person, login and job are the
-- expressions given: parameters ($1…) for EXECUTE, variables for a generated function.
CREATE FUNCTION residesk_audit_update_sql(p_table regclass, p_entity text, p_at text, p_person text,
                                          p_login text, p_job text) RETURNS text
    LANGUAGE plpgsql
    STABLE
    SET search_path = pg_catalog, public
AS $$
DECLARE
    v_before text;
    v_after text;
    v_action text;
    v_key text := CASE WHEN p_entity = 'person' THEN 'login' ELSE 'id' END;
BEGIN
    -- '{' || the changed columns as "name":value, comma-separated || '}'.
    SELECT '''{'' || concat_ws('','', '
               || string_agg(format('CASE WHEN o.%1$I%3$s IS DISTINCT FROM n.%1$I%3$s THEN %2$L || '
                                    'COALESCE(to_json(o.%1$I)::text, ''null'') END',
                                    a.attname, to_json(a.attname::text)::text || ':', c.cmp),
                             E',\n        ' ORDER BY a.attnum)
               || ') || ''}''',
           '''{'' || concat_ws('','', '
               || string_agg(format('CASE WHEN o.%1$I%3$s IS DISTINCT FROM n.%1$I%3$s THEN %2$L || '
                                    'COALESCE(to_json(n.%1$I)::text, ''null'') END',
                                    a.attname, to_json(a.attname::text)::text || ':', c.cmp),
                             E',\n        ' ORDER BY a.attnum)
               || ') || ''}'''
    INTO v_before, v_after
    FROM pg_attribute a
    -- Types without an equality operator are compared in a form that has one.
    CROSS JOIN LATERAL (SELECT CASE WHEN a.atttypid = 'json'::regtype THEN '::jsonb'
                                    WHEN a.atttypid IN ('xml'::regtype, 'point'::regtype) THEN '::text'
                                    ELSE '' END AS cmp) c
    WHERE a.attrelid = p_table::oid AND a.attnum > 0 AND NOT a.attisdropped;

    -- What the changed state columns show (see 0012_audit.sql).
    v_action := CASE p_entity
        WHEN 'protocol' THEN
            $a$CASE
                   WHEN o.state = n.state THEN 'update'
                   WHEN array_position('{submitted,received,in_analysis,finalized,cancelled}'::text[], n.state::text)
                        > array_position('{submitted,received,in_analysis,finalized,cancelled}'::text[], o.state::text)
                       THEN 'transition'
                   ELSE 'restore'
               END$a$
        WHEN 'allocation' THEN
            $a$CASE o.state::text || '>' || n.state::text
                   WHEN 'reserved>checked_in' THEN 'check_in'
                   WHEN 'checked_in>checked_out' THEN 'check_out'
                   WHEN 'reserved>cancelled' THEN 'cancel'
                   WHEN 'checked_in>reserved' THEN 'undo_check_in'
                   WHEN 'checked_out>checked_in' THEN 'undo_check_out'
                   WHEN 'cancelled>reserved' THEN 'undo_cancel'
                   ELSE CASE WHEN o.state = n.state THEN 'move' ELSE 'transition' END
               END$a$
        WHEN 'report' THEN
            $a$CASE
                   WHEN o.state = 'draft' AND n.state = 'finalized' THEN 'finalize'
                   WHEN o.superseded_by_id IS NULL AND n.superseded_by_id IS NOT NULL THEN 'supersede'
                   WHEN o.finalizing_job_id IS NULL AND n.finalizing_job_id IS NOT NULL THEN 'hold'
                   WHEN o.finalizing_job_id IS NOT NULL AND n.finalizing_job_id IS NULL THEN 'release'
                   ELSE 'update'
               END$a$
        ELSE $a$'update'$a$
    END;

    -- People are keyed by login (entity_id 0, record_key the login); the rest by id.
    RETURN format(
        'INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, '
        'after, job_id)' || E'\n    SELECT %s, %s, %s, %L, %s, %s,\n    %s,\n    %s,\n    %s,\n    %s\n'
        || '    FROM old_rows o JOIN new_rows n ON n.%I = o.%I',
        p_at, p_person, p_login, p_entity,
        CASE WHEN v_key = 'login' THEN '0' ELSE 'n.id' END,
        CASE WHEN v_key = 'login' THEN 'n.login' ELSE 'NULL' END,
        v_action, v_before, v_after, p_job, v_key, v_key);
END
$$;

-- Writes residesk_audit_update_<table>() for `p_table` (audited as `p_entity`) from its
-- columns now.
CREATE FUNCTION residesk_audit_generate(p_table regclass, p_entity text) RETURNS text
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public
AS $gen$
DECLARE
    v_name text := 'residesk_audit_update_' || (SELECT c.relname FROM pg_class c WHERE c.oid = p_table);
BEGIN
    EXECUTE format($f$
CREATE OR REPLACE FUNCTION public.%1$I() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $residesk_audit_body$
DECLARE
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
    -- Generated by residesk_audit_generate for these columns; the table has others now:
    -- built from the catalogue instead (until residesk_audit_refresh() runs).
    IF residesk_audit_columns(TG_RELID) IS DISTINCT FROM %2$L THEN
        EXECUTE residesk_audit_update_sql(TG_RELID, %3$L, '$1', '$2', '$3', '$4')
            USING v_at, v_person, v_login, v_job;
        RETURN NULL;
    END IF;
    %4$s;
    RETURN NULL;
END
$residesk_audit_body$
$f$,
        v_name, residesk_audit_columns(p_table), p_entity,
        residesk_audit_update_sql(p_table, p_entity, 'v_at', 'v_person', 'v_login', 'v_job'));
    EXECUTE format('REVOKE ALL ON FUNCTION public.%I() FROM PUBLIC', v_name);
    RETURN v_name;
END
$gen$;

-- The audited tables' UPDATE triggers call generated functions: the ones already
-- generated are written anew from the columns now; a trigger still on residesk_audit()
-- gets its function, under the same trigger name (AFTER triggers fire in name order).
CREATE FUNCTION residesk_audit_refresh() RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public
AS $$
DECLARE
    t record;
    v_function text;
    v_count integer := 0;
BEGIN
    FOR t IN SELECT tg.tgname, tg.tgrelid, c.relname, p.proname,
                    convert_from(substring(tg.tgargs FROM 1 FOR position('\x00'::bytea IN tg.tgargs) - 1),
                                 'UTF8') AS entity
             FROM pg_trigger tg
             JOIN pg_class c ON c.oid = tg.tgrelid
             JOIN pg_namespace s ON s.oid = c.relnamespace
             JOIN pg_proc p ON p.oid = tg.tgfoid
             WHERE s.nspname = 'public' AND NOT tg.tgisinternal AND tg.tgnargs = 1
               AND (tg.tgtype & 16) <> 0 -- UPDATE
               AND (p.proname = 'residesk_audit' OR p.proname = 'residesk_audit_update_' || c.relname)
             ORDER BY c.relname LOOP
        v_function := residesk_audit_generate(t.tgrelid, t.entity);
        IF t.proname = 'residesk_audit' THEN
            EXECUTE format('DROP TRIGGER %I ON public.%I', t.tgname, t.relname);
            EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON public.%I '
                           'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                           'FOR EACH STATEMENT EXECUTE FUNCTION public.%I(%L)',
                           t.tgname, t.relname, v_function, t.entity);
        END IF;
        v_count := v_count + 1;
    END LOOP;
    RETURN v_count;
END
$$;

REVOKE ALL ON FUNCTION residesk_audit_columns(regclass) FROM PUBLIC;
REVOKE ALL ON FUNCTION residesk_audit_update_sql(regclass, text, text, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION residesk_audit_generate(regclass, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION residesk_audit_refresh() FROM PUBLIC;

SELECT residesk_audit_refresh();

-- residesk_audit() itself builds an UPDATE's statement with the same function (a table
-- given to it later, before residesk_audit_refresh() runs), so there is one definition.
CREATE OR REPLACE FUNCTION residesk_audit() RETURNS trigger
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

    IF TG_OP = 'INSERT' THEN
        IF v_entity = 'person' THEN
            INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before,
                                       after, job_id)
            SELECT v_at, v_person, v_login, v_entity, 0, n.login, 'create', NULL, row_to_json(n)::text, v_job
            FROM new_rows n;
        ELSIF v_entity = 'report' THEN
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
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        IF v_entity = 'person' THEN
            INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before,
                                       after, job_id)
            SELECT v_at, v_person, v_login, v_entity, 0, o.login, 'delete', row_to_json(o)::text, NULL, v_job
            FROM old_rows o;
        ELSE
            INSERT INTO audit_entries (at, username, session_login, entity, entity_id, action, before, job_id)
            SELECT v_at, v_person, v_login, v_entity, o.id, 'delete', row_to_json(o)::text, v_job
            FROM old_rows o;
        END IF;
        RETURN NULL;
    END IF;

    EXECUTE residesk_audit_update_sql(TG_RELID, v_entity, '$1', '$2', '$3', '$4')
        USING v_at, v_person, v_login, v_job;
    RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION residesk_audit() FROM PUBLIC;
