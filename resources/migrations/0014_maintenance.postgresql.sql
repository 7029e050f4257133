-- PostgreSQL: who may do what with maintenance (0011_security.postgresql.sql has the
-- matrix), who changed a row, the audit trail (as 0012_audit.postgresql.sql) and the
-- staff's notifications. Runs as residesk_owner, which owns every object made here.
--
--   housing, admin: read and write requests, comments, attachments, technicians,
--                   absences, rates, targets and plans; queue maintenance.process.
--   vet:            reads maintenance (the list view, comments, attachments,
--                   technicians, plans), changes nothing.
--   worker:         runs the jobs (processing, overdue flags, plans) as housing would.

GRANT SELECT ON maintenance_request_list, maintenance_requests, maintenance_comments, maintenance_attachments,
    maintenance_technicians, maintenance_absences, maintenance_rates, maintenance_targets, maintenance_plans,
    maintenance_plan_periods
    TO residesk_admin, residesk_housing, residesk_vet, residesk_worker;
REVOKE SELECT ON maintenance_requests FROM residesk_vet;
GRANT INSERT, UPDATE, DELETE ON maintenance_requests, maintenance_comments, maintenance_attachments,
    maintenance_technicians, maintenance_absences, maintenance_rates, maintenance_plans, maintenance_plan_periods
    TO residesk_admin, residesk_housing, residesk_worker;
GRANT UPDATE ON maintenance_targets TO residesk_admin, residesk_housing;

INSERT INTO job_kind_roles (kind, role) VALUES
    ('maintenance.process', 'residesk_housing'),
    ('maintenance.process', 'residesk_admin'),
    ('maintenance.process', 'residesk_worker'),
    ('maintenance.overdue', 'residesk_admin'),
    ('maintenance.overdue', 'residesk_worker'),
    ('maintenance.plans', 'residesk_admin'),
    ('maintenance.plans', 'residesk_worker');

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['maintenance_requests', 'maintenance_technicians', 'maintenance_plans'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON public.%I '
                       'FOR EACH ROW EXECUTE FUNCTION residesk_stamp_people()', t || '_stamp_people', t);
    END LOOP;
END
$$;

-- The author of a comment and the uploader of an attachment: the acting role.
CREATE FUNCTION residesk_stamp_maintenance_author() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF TG_TABLE_NAME = 'maintenance_comments' THEN
        NEW.author := current_user;
    ELSE
        NEW.created_by := current_user;
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION residesk_stamp_maintenance_author() FROM PUBLIC;
CREATE TRIGGER maintenance_comments_stamp_author BEFORE INSERT ON maintenance_comments
    FOR EACH ROW EXECUTE FUNCTION residesk_stamp_maintenance_author();
CREATE TRIGGER maintenance_attachments_stamp_author BEFORE INSERT ON maintenance_attachments
    FOR EACH ROW EXECUTE FUNCTION residesk_stamp_maintenance_author();

-- The audit trail of maintenance (see 0012_audit.sql for what a row holds). A
-- request's state change is its action: assign, schedule, start, complete, cancel,
-- reopen; attachments are recorded without their bytes.
CREATE FUNCTION residesk_audit_maintenance() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
DECLARE
    v_entity text := TG_ARGV[0];
    v_key text := TG_ARGV[1];
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
        INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, after, job_id)
        SELECT v_at, v_person, v_login, v_entity, COALESCE((j ->> 'id')::bigint, 0),
               CASE WHEN v_key = '' THEN NULL ELSE j ->> v_key END, 'create', j::text, v_job
        FROM (SELECT to_jsonb(n) - 'content' - 'thumbnail' AS j FROM new_rows n) AS s;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, job_id)
        SELECT v_at, v_person, v_login, v_entity, COALESCE((j ->> 'id')::bigint, 0),
               CASE WHEN v_key = '' THEN NULL ELSE j ->> v_key END, 'delete', j::text, v_job
        FROM (SELECT to_jsonb(o) - 'content' - 'thumbnail' AS j FROM old_rows o) AS s;
    ELSIF v_entity = 'maintenance_request' THEN
        INSERT INTO audit_entries (at, username, session_login, entity, entity_id, action, before, after, job_id)
        SELECT v_at, v_person, v_login, v_entity, n.id,
               CASE
                   WHEN o.state = n.state THEN 'update'
                   WHEN n.state = 'assigned' THEN 'assign'
                   WHEN n.state = 'scheduled' THEN 'schedule'
                   WHEN n.state = 'in_progress' THEN 'start'
                   WHEN n.state = 'done' THEN 'complete'
                   WHEN n.state = 'cancelled' THEN 'cancel'
                   ELSE 'transition'
               END,
               row_to_json(o)::text, row_to_json(n)::text, v_job
        FROM old_rows o JOIN new_rows n ON n.id = o.id;
    ELSE
        -- The other tables' updates: paired by their key (id, or the composite key text).
        INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after,
                                   job_id)
        SELECT v_at, v_person, v_login, v_entity, COALESCE((nj ->> 'id')::bigint, 0),
               CASE WHEN v_key = '' THEN NULL ELSE nj ->> v_key END, 'update', oj::text, nj::text, v_job
        FROM (SELECT to_jsonb(o) - 'content' - 'thumbnail' AS oj, row_number() OVER () AS k FROM old_rows o) AS a
        JOIN (SELECT to_jsonb(n) - 'content' - 'thumbnail' AS nj, row_number() OVER () AS k FROM new_rows n) AS b
            ON a.k = b.k;
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION residesk_audit_maintenance() FROM PUBLIC;

DO $$
DECLARE
    t text[];
BEGIN
    FOREACH t SLICE 1 IN ARRAY ARRAY[['maintenance_requests', 'maintenance_request', ''],
                                     ['maintenance_comments', 'maintenance_comment', ''],
                                     ['maintenance_attachments', 'maintenance_attachment', ''],
                                     ['maintenance_technicians', 'technician', ''],
                                     ['maintenance_absences', 'technician_absence', 'day'],
                                     ['maintenance_rates', 'maintenance_rate', 'category'],
                                     ['maintenance_targets', 'maintenance_target', 'priority'],
                                     ['maintenance_plans', 'maintenance_plan', ''],
                                     ['maintenance_plan_periods', 'maintenance_plan_period', 'plan_id']] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON public.%I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION residesk_audit_maintenance(%L, %L)',
                       t[1] || '_audit_insert', t[1], t[2], t[3]);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON public.%I '
                       'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION residesk_audit_maintenance(%L, %L)',
                       t[1] || '_audit_update', t[1], t[2], t[3]);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON public.%I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION residesk_audit_maintenance(%L, %L)',
                       t[1] || '_audit_delete', t[1], t[2], t[3]);
    END LOOP;
END
$$;

-- Housing staff are told in the application about new, unassignable and overdue
-- requests, whoever's job finds them: a person may leave notifications only for
-- themselves (0011), so this function (run as the owner) leaves one for every person
-- who works as housing staff or administrator, and returns their logins (the caller
-- publishes the notification events). Superusers and workers are not staff.
CREATE POLICY notifications_staff ON notifications FOR INSERT TO residesk_owner WITH CHECK (true);

CREATE FUNCTION residesk_notify_housing_staff(p_kind text, p_title text, p_body text, p_link text,
                                              p_created_at bigint)
    RETURNS SETOF text
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF p_kind NOT IN ('attention', 'job_succeeded') THEN
        RAISE EXCEPTION 'unknown notification kind %', p_kind USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN QUERY
    SELECT r.rolname::text FROM pg_roles r
    WHERE r.rolcanlogin AND NOT r.rolsuper
      AND (pg_has_role(r.oid, 'residesk_housing', 'USAGE') OR pg_has_role(r.oid, 'residesk_admin', 'USAGE'))
    ORDER BY r.rolname;
    INSERT INTO notifications (username, kind, title, body, link, created_at)
    SELECT r.rolname, p_kind, left(p_title, 300), COALESCE(p_body, ''), left(COALESCE(p_link, ''), 500),
           p_created_at
    FROM pg_roles r
    WHERE r.rolcanlogin AND NOT r.rolsuper
      AND (pg_has_role(r.oid, 'residesk_housing', 'USAGE') OR pg_has_role(r.oid, 'residesk_admin', 'USAGE'));
END
$$;
REVOKE ALL ON FUNCTION residesk_notify_housing_staff(text, text, text, text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION residesk_notify_housing_staff(text, text, text, text, bigint)
    TO residesk_admin, residesk_housing, residesk_worker;
