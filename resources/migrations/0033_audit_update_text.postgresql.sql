-- An UPDATE's entry without the bookkeeping columns, and its before/after text made
-- with fewer comparisons (issue: a bulk change of 10,000 protocols may be at most 10 %
-- slower with its audit trail; it was 10.8 %).
--
-- What an UPDATE's before and after hold now: the columns it changed (0020, 0025, 0031)
-- except `version`, `updated_at` and `updated_by`. Those change with every update, and
-- the entry's own time and person say when and by whom; an update that changed nothing
-- else still writes its entry, with before and after `{}`. INSERT and DELETE keep whole
-- rows. SQLite's triggers store whole rows, and so do maintenance's (0014,
-- residesk_audit_maintenance, unchanged); AuditLog (models/core/auditlog.cpp) leaves the
-- same columns out of any change it reads, on both backends, so those and entries
-- written before this read the same.
--
-- Also left out: the column the old and new rows are paired by (`id`, or a person's
-- `login`), which the pairing makes equal. The rest is as before: the same keys in the
-- same order, the same values (to_json's), every other column compared.
--
-- Measured with tests/bench/sql/audit_designs.sh (backend CPU per 500-protocol UPDATE,
-- 30 rounds on a busy machine, variants side by side): making the text cost 2.6 ms with
-- 0031's statement (text_0031 over no_text), 1.6 ms now (current); the statement with
-- its trail 1.0 ms less. Most of it was formatting version and updated_at for both
-- texts of every row. Comparing each column once per row instead of twice (booleans in
-- a LATERAL sub-select kept by OFFSET 0, or in the pairing's own sub-select) measured
-- no faster: the sub-select costs a row as much as the comparisons it saves, and
-- without OFFSET 0 the planner inlines it into the same two comparisons.
--
-- Runs as residesk_owner (models/db/migrator.cpp), which owns the functions; only
-- residesk_audit_update_sql changes (its 0025 form calls this one), and
-- residesk_audit_refresh() writes the generated functions anew from it.

CREATE OR REPLACE FUNCTION residesk_audit_update_sql(p_table regclass, p_entity text, p_at text, p_person text,
                                                     p_login text, p_job text, p_chunked boolean) RETURNS text
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
    -- '{' || the changed columns as "name":value, comma-separated || '}', of the columns
    -- but the key and the bookkeeping ones ('{}' if there are no others).
    SELECT COALESCE('''{'' || concat_ws('','', '
               || string_agg(format('CASE WHEN o.%1$I%3$s IS DISTINCT FROM n.%1$I%3$s THEN %2$L || '
                                    'COALESCE(to_json(o.%1$I)::text, ''null'') END',
                                    a.attname, to_json(a.attname::text)::text || ':', c.cmp),
                             E',\n        ' ORDER BY a.attnum)
               || ') || ''}''', '''{}'''),
           COALESCE('''{'' || concat_ws('','', '
               || string_agg(format('CASE WHEN o.%1$I%3$s IS DISTINCT FROM n.%1$I%3$s THEN %2$L || '
                                    'COALESCE(to_json(n.%1$I)::text, ''null'') END',
                                    a.attname, to_json(a.attname::text)::text || ':', c.cmp),
                             E',\n        ' ORDER BY a.attnum)
               || ') || ''}''', '''{}''')
    INTO v_before, v_after
    FROM pg_attribute a
    -- Types without an equality operator are compared in a form that has one.
    CROSS JOIN LATERAL (SELECT CASE WHEN a.atttypid = 'json'::regtype THEN '::jsonb'
                                    WHEN a.atttypid IN ('xml'::regtype, 'point'::regtype) THEN '::text'
                                    ELSE '' END AS cmp) c
    WHERE a.attrelid = p_table::oid AND a.attnum > 0 AND NOT a.attisdropped
      -- The pairing's key (equal in every pair) and the bookkeeping (see above); the
      -- same list as kBookkeeping in models/core/auditlog.cpp.
      AND a.attname <> v_key AND a.attname NOT IN ('version', 'updated_at', 'updated_by');

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
        'INSERT INTO audit_batches (at, username, session_login, entity, job_id, entity_ids, actions, befores, '
        'afters, record_keys)' || E'\n    SELECT %s, %s, %s, %L, %s, array_agg(x.entity_id), array_agg(x.action), '
        'array_agg(x.before), array_agg(x.after), %s' || E'\n    FROM (SELECT %s AS entity_id, %s AS record_key,\n'
        || E'    %s AS action,\n    %s AS before,\n    %s AS after,\n'
        || CASE WHEN p_chunked THEN E'    (row_number() OVER () - 1) / 65536 AS chunk\n' ELSE E'    0 AS chunk\n' END
        || '    FROM old_rows o JOIN new_rows n ON n.%I = o.%I) x '
        || CASE WHEN p_chunked THEN 'GROUP BY x.chunk' ELSE 'HAVING count(*) > 0' END,
        p_at, p_person, p_login, p_entity, p_job,
        CASE WHEN v_key = 'login' THEN 'array_agg(x.record_key)' ELSE 'NULL' END,
        CASE WHEN v_key = 'login' THEN '0::bigint' ELSE 'n.id' END,
        CASE WHEN v_key = 'login' THEN 'n.login::text' ELSE 'NULL::text' END,
        v_action, v_before, v_after, v_key, v_key);
END
$$;

SELECT residesk_audit_refresh();
