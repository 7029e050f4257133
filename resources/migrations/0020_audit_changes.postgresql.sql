-- The audit trail keeps, for an UPDATE, only the columns the statement changed: their
-- values before and after (a create keeps the whole new row, a delete the whole old
-- one, as before). Writing every column of both rows as JSON was most of what the
-- trail cost a bulk change: a 10,000-protocol transition turned about 170,000 values
-- (five of them timestamps per row) into text to record five changed ones.
--
-- The comparison is made column by column (IS DISTINCT FROM, no text involved) and only
-- a changed value is turned into JSON. The statement that does it is built from the
-- catalogue for the table the trigger fired on, once per statement (EXECUTE; the
-- transition tables are visible to it), so a column added later is audited with no
-- change here. Runs as residesk_owner (models/db/migrator.cpp), which owns the function.

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
    v_before text;
    v_after text;
    v_action text;
    v_key text;
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

    -- UPDATE: '{' || the changed columns as "name":value, comma-separated || '}'.
    SELECT '''{'' || concat_ws('','', '
               || string_agg(format('CASE WHEN o.%1$I%3$s IS DISTINCT FROM n.%1$I%3$s THEN %2$L || '
                                    'COALESCE(to_json(o.%1$I)::text, ''null'') END',
                                    a.attname, to_json(a.attname::text)::text || ':', c.cmp),
                             ', ' ORDER BY a.attnum)
               || ') || ''}''',
           '''{'' || concat_ws('','', '
               || string_agg(format('CASE WHEN o.%1$I%3$s IS DISTINCT FROM n.%1$I%3$s THEN %2$L || '
                                    'COALESCE(to_json(n.%1$I)::text, ''null'') END',
                                    a.attname, to_json(a.attname::text)::text || ':', c.cmp),
                             ', ' ORDER BY a.attnum)
               || ') || ''}'''
    INTO v_before, v_after
    FROM pg_attribute a
    -- Types without an equality operator are compared in a form that has one.
    CROSS JOIN LATERAL (SELECT CASE WHEN a.atttypid = 'json'::regtype THEN '::jsonb'
                                    WHEN a.atttypid IN ('xml'::regtype, 'point'::regtype) THEN '::text'
                                    ELSE '' END AS cmp) c
    WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped;

    -- What the changed state columns show (see 0012_audit.sql).
    v_action := CASE v_entity
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
    v_key := CASE WHEN v_entity = 'person' THEN 'login' ELSE 'id' END;

    EXECUTE format(
        'INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, '
        'after, job_id) '
        'SELECT $1, $2, $3, $4, %s, %s, %s, %s, %s, $5 FROM old_rows o JOIN new_rows n ON n.%I = o.%I',
        CASE WHEN v_key = 'login' THEN '0' ELSE 'n.id' END,
        CASE WHEN v_key = 'login' THEN 'n.login' ELSE 'NULL' END,
        v_action, v_before, v_after, v_key, v_key)
        USING v_at, v_person, v_login, v_entity, v_job;
    RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION residesk_audit() FROM PUBLIC;

-- Finding a job's entries: job ids grow with time as the trail does, so a BRIN index
-- (a few bytes per block range, next to nothing to keep up) finds them; the B-tree it
-- replaces was a fifth of what writing an entry cost.
DROP INDEX audit_entries_job_idx;
CREATE INDEX audit_entries_job_brin ON audit_entries USING brin (job_id);
