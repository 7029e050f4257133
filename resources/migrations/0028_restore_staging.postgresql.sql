-- Restore of the tables an administrator may not write (the audit trail, tables with
-- row-level security) by COPY instead of JSON (models/backup/databaserestore.cpp):
--
--  1. residesk_restore_stage(table) makes a temporary table for that table's rows in the
--     restoring session, owned by residesk_owner, with the table's columns and types,
--     dropped when the transaction ends, and grants INSERT on it (nothing else) to the
--     acting person; it returns the table's name (in pg_temp).
--  2. The restore COPYs the backup's rows into it (a temporary table: no WAL).
--  3. residesk_restore_staged(table) inserts them into public.<table> as the owner (one
--     INSERT … SELECT; the restore's transaction has the table's triggers off, its
--     foreign keys deferred) and drops the temporary table. Returns how many. Into an
--     empty table without foreign keys (the audit trail) the indexes that back no
--     constraint are dropped before and built again after, in the same call: the
--     232,739 audit rows of the benchmark restore_100k went in in 2.1-2.3 s so, against
--     2.7-2.9 s with the indexes kept up row by row (and 2.4-3.0 s by COPY straight
--     into the table).
--
-- The same guard as residesk_restore_rows (0017): both functions refuse unless
-- residesk_restore_begin() ran in this transaction (it verified the database empty and
-- holds every table locked until the transaction ends), for members of residesk_admin
-- only. Nobody is ever granted anything on a public table: the rows reach it only
-- through the owner's INSERT, inside a restore. The staged rows are read only from the
-- table the owner made in this session's own temporary schema under a name derived
-- from the target table's oid (a person's own temporary table of that name is refused:
-- it is not the owner's; another table cannot be named), and only the target table's
-- own columns are read from it.
--
-- SQLite needs nothing: its restore writes every table itself.

CREATE FUNCTION residesk_restore_staging_name(p_table text) RETURNS text
    LANGUAGE plpgsql
    STABLE
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_rel oid;
BEGIN
    IF p_table IS NOT DISTINCT FROM 'schema_migrations' THEN
        RAISE EXCEPTION 'no table % to restore into', p_table USING ERRCODE = 'undefined_table';
    END IF;
    SELECT c.oid INTO v_rel FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relname = p_table AND c.relkind IN ('r', 'p');
    IF v_rel IS NULL THEN
        RAISE EXCEPTION 'no table % to restore into', p_table USING ERRCODE = 'undefined_table';
    END IF;
    RETURN 'residesk_restore_rows_' || v_rel::bigint;
END
$$;

CREATE FUNCTION residesk_restore_stage(p_table text) RETURNS text
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_name text;
BEGIN
    PERFORM residesk_restore_check();
    v_name := residesk_restore_staging_name(p_table);
    IF to_regclass(format('pg_temp.%I', v_name)) IS NOT NULL THEN
        RAISE EXCEPTION 'rows of table % are already being restored in this session', p_table
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    EXECUTE format('CREATE TEMPORARY TABLE pg_temp.%I (LIKE public.%I) ON COMMIT DROP', v_name, p_table);
    EXECUTE format('GRANT INSERT ON TABLE pg_temp.%I TO %I', v_name, residesk_backup_person());
    RETURN v_name;
END
$$;

CREATE FUNCTION residesk_restore_staged(p_table text) RETURNS bigint
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_name text;
    v_staged oid;
    v_rel oid;
    v_cols text;
    v_count bigint;
    v_any boolean;
    v_index record;
    v_rebuild text[] := '{}';
BEGIN
    PERFORM residesk_restore_check();
    v_name := residesk_restore_staging_name(p_table);
    -- pg_temp: this session's own temporary schema, nobody else's.
    v_staged := to_regclass(format('pg_temp.%I', v_name));
    IF v_staged IS NULL OR NOT EXISTS (
           SELECT 1 FROM pg_class c WHERE c.oid = v_staged AND c.relowner = 'residesk_owner'::regrole
           AND c.relpersistence = 't' AND c.relkind = 'r') THEN
        RAISE EXCEPTION 'no rows of table % were staged in this transaction (residesk_restore_stage)', p_table
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    v_rel := format('public.%I', p_table)::regclass;
    SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum) INTO v_cols
    FROM pg_attribute a
    WHERE a.attrelid = v_rel AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';
    -- Into an empty table without foreign keys or deferrable constraints (the audit
    -- trail; nothing of it waits for the end of the transaction): its indexes that back
    -- no constraint are built once after the rows, faster than kept up row by row, with
    -- the same definitions and names, in this same call.
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM public.%I)', p_table) INTO v_any;
    IF NOT v_any AND NOT EXISTS (SELECT 1 FROM pg_constraint con
                                 WHERE con.conrelid = v_rel AND (con.contype = 'f' OR con.condeferrable)) THEN
        FOR v_index IN SELECT i.indexrelid, ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                       WHERE i.indrelid = v_rel
                         AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid)
                       ORDER BY ic.relname LOOP
            v_rebuild := v_rebuild || pg_get_indexdef(v_index.indexrelid);
            EXECUTE format('DROP INDEX public.%I', v_index.relname);
        END LOOP;
    END IF;
    EXECUTE format('INSERT INTO public.%I (%s) OVERRIDING SYSTEM VALUE SELECT %s FROM pg_temp.%I',
                   p_table, v_cols, v_cols, v_name);
    GET DIAGNOSTICS v_count = ROW_COUNT;
    FOR i IN 1 .. coalesce(array_length(v_rebuild, 1), 0) LOOP
        EXECUTE v_rebuild[i];
    END LOOP;
    EXECUTE format('DROP TABLE pg_temp.%I', v_name);
    RETURN v_count;
END
$$;

REVOKE ALL ON FUNCTION residesk_restore_staging_name(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION residesk_restore_stage(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION residesk_restore_staged(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION residesk_restore_stage(text), residesk_restore_staged(text) TO residesk_admin;
