-- Backups and restore (models/backup): what an administrator's backup reads and a
-- restore writes goes through the SECURITY DEFINER functions below, owned by
-- residesk_owner (this migration runs as it), because a faithful copy needs more than
-- any person's role may do:
--  - a backup reads every row, also those row-level security hides from a person
--    (other people's notifications);
--  - a restore keeps the stored creators, signers and audit trail (the stamping and
--    audit triggers would overwrite them with the restoring administrator) and
--    writes audit_entries, which nobody may write.
-- Who may: backups, members of residesk_admin and residesk_worker (scheduled backups;
-- a worker may act as any administrator anyway); restores, residesk_admin only, and
-- only into an empty database (every table but schema_migrations, job_kind_roles,
-- recurring_jobs and the maintenance rates and response targets, which the schema and
-- the application fill by themselves; the restore replaces their rows through
-- residesk_restore_clear): a restore can never forge history
-- into a live database. The acting person is the role setting (SET ROLE), else
-- session_user, as in 0012_audit.
--
-- A restore disables the user triggers of every table and makes every foreign key
-- deferred for its transaction only (transactional DDL: the tables are locked until
-- it ends; nobody ever sees them without their triggers), and puts both back, resets
-- the identity sequences and drops its state before it commits.
--
-- Tables with forced row-level security get policies for residesk_owner (reachable
-- only through functions like these): read all, insert all. A table added later with
-- forced row-level security needs the same two policies; backups refuse such a table
-- without them rather than miss its rows.

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relforcerowsecurity LOOP
        EXECUTE format('CREATE POLICY %I ON public.%I FOR SELECT TO residesk_owner USING (true)',
                       t.relname || '_owner_backup', t.relname);
        EXECUTE format('CREATE POLICY %I ON public.%I FOR INSERT TO residesk_owner WITH CHECK (true)',
                       t.relname || '_owner_restore', t.relname);
    END LOOP;
END
$$;

CREATE FUNCTION residesk_backup_person() RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT CASE WHEN coalesce(current_setting('role'), 'none') IN ('none', '') THEN session_user::text
                ELSE current_setting('role') END
$$;

-- Opens the cursor p_cursor over every row of public.p_table in primary-key order, with
-- portable values: timestamps as UTC ISO-8601 text with microseconds, dates as text,
-- types other than integers, booleans, floats, text and bytea as their text form.
-- Read with FETCH in the caller's (REPEATABLE READ) transaction.
CREATE FUNCTION residesk_backup_open(p_table text, p_cursor text) RETURNS refcursor
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_person text := residesk_backup_person();
    v_rel oid;
    v_cols text;
    v_order text;
    c refcursor := p_cursor;
BEGIN
    IF NOT (pg_has_role(v_person, 'residesk_admin', 'USAGE') OR pg_has_role(v_person, 'residesk_worker', 'USAGE')) THEN
        RAISE EXCEPTION 'permission denied: backups need membership in the residesk_admin role, which % does not have', v_person
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT c2.oid INTO v_rel FROM pg_class c2 JOIN pg_namespace n ON n.oid = c2.relnamespace
    WHERE n.nspname = 'public' AND c2.relname = p_table AND c2.relkind IN ('r', 'p');
    IF v_rel IS NULL THEN
        RAISE EXCEPTION 'no table % to back up', p_table USING ERRCODE = 'undefined_table';
    END IF;
    IF (SELECT relforcerowsecurity FROM pg_class WHERE oid = v_rel)
       AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = v_rel AND p.polcmd IN ('r', '*')
                       AND 'residesk_owner'::regrole = ANY (p.polroles)) THEN
        RAISE EXCEPTION 'table % has forced row-level security without a read policy for residesk_owner: a backup would miss rows', p_table;
    END IF;
    SELECT string_agg(CASE
               WHEN a.atttypid = 'timestamptz'::regtype
                   THEN format('to_char(%I AT TIME ZONE ''UTC'', ''YYYY-MM-DD"T"HH24:MI:SS.US"Z"'')', a.attname)
               WHEN a.atttypid = 'timestamp'::regtype
                   THEN format('to_char(%I, ''YYYY-MM-DD"T"HH24:MI:SS.US'')', a.attname)
               WHEN a.atttypid = 'date'::regtype THEN format('to_char(%I, ''YYYY-MM-DD'')', a.attname)
               WHEN a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype, 'bool'::regtype,
                                   'bytea'::regtype, 'float4'::regtype, 'float8'::regtype, 'text'::regtype,
                                   'varchar'::regtype) THEN format('%I', a.attname)
               ELSE format('%I::text', a.attname)
           END, ', ' ORDER BY a.attnum)
    INTO v_cols
    FROM pg_attribute a WHERE a.attrelid = v_rel AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';
    SELECT string_agg(format('%I', a.attname), ', ' ORDER BY k.ord) INTO v_order
    FROM pg_constraint con CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
    WHERE con.conrelid = v_rel AND con.contype = 'p';
    OPEN c FOR EXECUTE format('SELECT %s FROM public.%I', v_cols, p_table)
                       || CASE WHEN v_order IS NULL THEN '' ELSE ' ORDER BY ' || v_order END;
    RETURN c;
END
$$;

-- The last value the identity sequence of public.p_table handed out (0: none, or none yet).
CREATE FUNCTION residesk_backup_sequence(p_table text) RETURNS bigint
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_person text := residesk_backup_person();
    v_seq text;
BEGIN
    IF NOT (pg_has_role(v_person, 'residesk_admin', 'USAGE') OR pg_has_role(v_person, 'residesk_worker', 'USAGE')) THEN
        RAISE EXCEPTION 'permission denied: backups need membership in the residesk_admin role, which % does not have', v_person
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT pg_get_serial_sequence(format('public.%I', p_table), a.attname) INTO v_seq
    FROM pg_attribute a
    WHERE a.attrelid = format('public.%I', p_table)::regclass AND a.attnum > 0 AND NOT a.attisdropped
      AND a.attidentity <> ''
    LIMIT 1;
    IF v_seq IS NULL THEN
        RETURN 0;
    END IF;
    RETURN coalesce(pg_sequence_last_value(v_seq::regclass), 0);
END
$$;

-- The restore's state in this transaction: a temporary table that only the owner can
-- have made (a person's own temporary table of that name does not count).
CREATE FUNCTION residesk_restore_check() RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF NOT pg_has_role(residesk_backup_person(), 'residesk_admin', 'USAGE') THEN
        RAISE EXCEPTION 'permission denied: restoring a backup needs membership in the residesk_admin role, which % does not have',
            residesk_backup_person() USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = to_regclass('pg_temp.residesk_restore_state')
                   AND c.relowner = 'residesk_owner'::regrole) THEN
        RAISE EXCEPTION 'no restore was begun in this transaction (residesk_restore_begin)'
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
END
$$;

CREATE FUNCTION residesk_restore_begin() RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_person text := residesk_backup_person();
    t record;
    v_any boolean;
BEGIN
    IF NOT pg_has_role(v_person, 'residesk_admin', 'USAGE') THEN
        RAISE EXCEPTION 'permission denied: restoring a backup needs membership in the residesk_admin role, which % does not have', v_person
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF to_regclass('pg_temp.residesk_restore_state') IS NOT NULL THEN
        RAISE EXCEPTION 'a restore is already under way in this session' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    CREATE TEMPORARY TABLE residesk_restore_state (kind text NOT NULL, rel text NOT NULL, name text NOT NULL)
        ON COMMIT DROP;
    FOR t IN SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations'
             ORDER BY c.relname LOOP
        EXECUTE format('LOCK TABLE public.%I IN ACCESS EXCLUSIVE MODE', t.relname);
        IF t.relname NOT IN ('job_kind_roles', 'recurring_jobs', 'maintenance_rates', 'maintenance_targets') THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM public.%I)', t.relname) INTO v_any;
            IF v_any THEN
                RAISE EXCEPTION 'the database is not empty: table % has rows; a backup is restored only into an empty database', t.relname
                    USING ERRCODE = 'object_not_in_prerequisite_state';
            END IF;
        END IF;
    END LOOP;
    -- User triggers (stamps, audit, checks) off for this transaction.
    FOR t IN SELECT c.relname, tg.tgname FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND NOT tg.tgisinternal AND tg.tgenabled <> 'D' LOOP
        EXECUTE format('ALTER TABLE public.%I DISABLE TRIGGER %I', t.relname, t.tgname);
        INSERT INTO residesk_restore_state VALUES ('trigger', t.relname, t.tgname);
    END LOOP;
    -- Foreign keys checked at the end (rows that point at later rows of their own table).
    FOR t IN SELECT c.relname, con.conname FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND con.contype = 'f' AND NOT con.condeferrable LOOP
        EXECUTE format('ALTER TABLE public.%I ALTER CONSTRAINT %I DEFERRABLE INITIALLY DEFERRED', t.relname, t.conname);
        INSERT INTO residesk_restore_state VALUES ('fkey', t.relname, t.conname);
    END LOOP;
    SET CONSTRAINTS ALL DEFERRED;
END
$$;

-- Inserts the rows of a JSON array of objects (column name: value in the column's text
-- form; bytea as \x hex) into public.p_table. Returns how many.
CREATE FUNCTION residesk_restore_rows(p_table text, p_rows json) RETURNS bigint
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_count bigint;
BEGIN
    PERFORM residesk_restore_check();
    IF p_table = 'schema_migrations' OR NOT EXISTS (
           SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relname = p_table AND c.relkind IN ('r', 'p')) THEN
        RAISE EXCEPTION 'no table % to restore into', p_table USING ERRCODE = 'undefined_table';
    END IF;
    EXECUTE format('INSERT INTO public.%I SELECT * FROM json_populate_recordset(NULL::public.%I, $1)', p_table, p_table)
        USING p_rows;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END
$$;

-- Empties one of the tables the schema fills by itself (see the top), for the backup's
-- rows to replace its defaults; only while a restore is under way.
CREATE FUNCTION residesk_restore_clear(p_table text) RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    PERFORM residesk_restore_check();
    IF p_table NOT IN ('job_kind_roles', 'recurring_jobs', 'maintenance_rates', 'maintenance_targets') THEN
        RAISE EXCEPTION 'table % is not one a restore replaces', p_table USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('DELETE FROM public.%I', p_table);
END
$$;

-- Checks the foreign keys, puts triggers and constraints back and moves every identity
-- sequence past both the highest id and the value the backup recorded (p_sequences:
-- {"table": last value}), so that no id is ever handed out twice.
CREATE FUNCTION residesk_restore_finish(p_sequences json) RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    t record;
    v_max bigint;
BEGIN
    PERFORM residesk_restore_check();
    SET CONSTRAINTS ALL IMMEDIATE;
    FOR t IN SELECT rel, name FROM residesk_restore_state WHERE kind = 'fkey' LOOP
        EXECUTE format('ALTER TABLE public.%I ALTER CONSTRAINT %I NOT DEFERRABLE', t.rel, t.name);
    END LOOP;
    FOR t IN SELECT rel, name FROM residesk_restore_state WHERE kind = 'trigger' LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE TRIGGER %I', t.rel, t.name);
    END LOOP;
    FOR t IN SELECT c.relname, a.attname, pg_get_serial_sequence(format('public.%I', c.relname), a.attname) AS seq
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
               AND a.attidentity <> '' LOOP
        EXECUTE format('SELECT max(%I) FROM public.%I', t.attname, t.relname) INTO v_max;
        v_max := greatest(coalesce(v_max, 0), coalesce((p_sequences ->> t.relname)::bigint, 0));
        IF v_max > 0 THEN
            PERFORM setval(t.seq, v_max, true);
        END IF;
    END LOOP;
    DROP TABLE pg_temp.residesk_restore_state;
END
$$;

DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['residesk_backup_person()', 'residesk_backup_open(text, text)',
                             'residesk_backup_sequence(text)', 'residesk_restore_check()',
                             'residesk_restore_begin()', 'residesk_restore_rows(text, json)',
                             'residesk_restore_clear(text)', 'residesk_restore_finish(json)'] LOOP
        EXECUTE 'REVOKE ALL ON FUNCTION ' || f || ' FROM PUBLIC';
    END LOOP;
END
$$;
GRANT EXECUTE ON FUNCTION residesk_backup_person() TO residesk_admin, residesk_worker;
GRANT EXECUTE ON FUNCTION residesk_backup_open(text, text), residesk_backup_sequence(text)
    TO residesk_admin, residesk_worker;
GRANT EXECUTE ON FUNCTION residesk_restore_check(), residesk_restore_begin(), residesk_restore_rows(text, json),
    residesk_restore_clear(text), residesk_restore_finish(json) TO residesk_admin;
