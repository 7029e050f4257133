-- A restore begun and never finished is not kept (found in review of 0017/0028).
--
-- residesk_restore_begin() (0017) disables every user trigger (stamps, audit, checks) and
-- makes the foreign keys deferrable, for the one transaction of a restore, and
-- residesk_restore_finish() turns them back. An administrator who ran `BEGIN; SELECT
-- residesk_restore_begin(); COMMIT;` on an empty database left them off for good: every
-- later change unaudited, unstamped, unchecked.
--
-- Now begin also queues a deferred constraint trigger on its (owner's, temporary) state
-- table, which at the commit refuses it unless finish has run in the same transaction:
-- the whole transaction rolls back, the triggers and keys as they were. Finish records
-- 'finished' in the state table before it checks the deferred constraints, and keeps the
-- table until the commit drops it. Nobody but the owner may change, drop or disable
-- triggers of that table; SET CONSTRAINTS ALL IMMEDIATE before finish fires the check at
-- once and fails the same way. After finish, the restore functions refuse (a finished
-- restore takes no more rows).
-- Runs as residesk_owner (models/db/migrator.cpp), which owns these functions.

CREATE FUNCTION residesk_restore_refuse_unfinished() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_temp.residesk_restore_state WHERE kind = 'finished') THEN
        RAISE EXCEPTION 'a restore was begun and not finished (residesk_restore_finish): nothing of it is kept'
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION residesk_restore_refuse_unfinished() FROM PUBLIC;

CREATE OR REPLACE FUNCTION residesk_restore_check() RETURNS void
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
    IF EXISTS (SELECT 1 FROM pg_temp.residesk_restore_state WHERE kind = 'finished') THEN
        RAISE EXCEPTION 'the restore of this transaction is finished (residesk_restore_finish)'
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION residesk_restore_begin() RETURNS void
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
    -- The commit is refused unless residesk_restore_finish ran: see above.
    CREATE CONSTRAINT TRIGGER residesk_restore_unfinished AFTER INSERT ON pg_temp.residesk_restore_state
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.kind = 'begun')
        EXECUTE FUNCTION public.residesk_restore_refuse_unfinished();
    INSERT INTO residesk_restore_state VALUES ('begun', '', '');
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

CREATE OR REPLACE FUNCTION residesk_restore_finish(p_sequences json) RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    t record;
    v_max bigint;
BEGIN
    PERFORM residesk_restore_check();
    INSERT INTO residesk_restore_state VALUES ('finished', '', '');
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
    -- The state table stays until the commit (ON COMMIT DROP) for the check above; its
    -- 'finished' row ends the restore: residesk_restore_check() refuses from now on.
END
$$;
