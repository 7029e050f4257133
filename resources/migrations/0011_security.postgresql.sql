-- Security lives where the data lives: every person signs in as their own PostgreSQL
-- login role, and PostgreSQL itself refuses what that role may not do, also through
-- psql. Residesk's window only mirrors it.
--
--  - Group roles (NOLOGIN) carry the privileges: residesk_admin, residesk_housing,
--    residesk_vet and residesk_worker. A person is a login role that is a member of one
--    of them (residesk users add).
--  - Every table belongs to residesk_owner, a NOLOGIN role nobody signs in as (owners
--    bypass row-level security unless it is forced, and may change anything).
--  - Rows that belong to a person (notifications, jobs) are guarded by row-level
--    security, forced, keyed on current_user: the person, or the person a worker runs a
--    job for (the worker's engine does SET ROLE to the job's creator, so what the
--    creator may not do the job may not do either).
--  - Who created or last changed a row is written by the database (triggers), never
--    taken from the client.
--
-- The matrix (README, "Who may do what"):
--   housing: buildings, rooms, residents, allocations; resident import and mailing.
--   vet:     clients, protocols one at a time, work orders, reports.
--   admin:   everything, bulk protocol changes and their undo, people.
--   worker:  runs the jobs; a person's job as that person.
-- Roles are shared by every database of a server, so they are created only where
-- missing. Migrating needs a superuser (or a role that may create roles).

-- Two databases of one server migrated at once both find a role missing; the second
-- CREATE ROLE then fails on the first one's committed row, which is just as good
-- (advisory locks cannot help: they belong to one database, roles to the server).
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM (VALUES
        ('residesk_owner', 'NOLOGIN CREATEROLE'),
        ('residesk_admin', 'NOLOGIN'),
        ('residesk_housing', 'NOLOGIN'),
        ('residesk_vet', 'NOLOGIN'),
        -- Workers may become each person (every person is granted to residesk_worker,
        -- so that a worker can SET ROLE to a job's creator) but must not hold their
        -- privileges without doing so: the group does not inherit what its members'
        -- roles hold. Checks below therefore ask pg_has_role(…, 'USAGE'), which follows
        -- inheritance, never 'MEMBER', which would count a worker as an administrator.
        ('residesk_worker', 'NOLOGIN NOINHERIT')) AS t(name, options)
    LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r.name) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I %s', r.name, r.options);
            EXCEPTION WHEN unique_violation OR duplicate_object THEN
                NULL; -- created meanwhile by a migration of another database
            END;
        END IF;
    END LOOP;
    IF (SELECT rolinherit FROM pg_roles WHERE rolname = 'residesk_worker') THEN
        ALTER ROLE residesk_worker NOINHERIT;
    END IF;
END
$$;

-- The kinds of job each group may queue (checked by the jobs table's policy). A kind
-- listed here may be queued by the groups listed with it; a kind not listed (the
-- diagnostics, a site's own) only by administrators and workers.
CREATE TABLE job_kind_roles (
    kind VARCHAR(100) NOT NULL,
    role NAME NOT NULL,
    CONSTRAINT job_kind_roles_pk PRIMARY KEY (kind, role)
);

INSERT INTO job_kind_roles (kind, role) VALUES
    ('residents.import', 'residesk_housing'),
    ('residents.import', 'residesk_admin'),
    ('mail.send', 'residesk_housing'),
    ('mail.send', 'residesk_vet'),
    ('mail.send', 'residesk_admin'),
    ('mail.send', 'residesk_worker'),
    ('report.finalize', 'residesk_vet'),
    ('report.finalize', 'residesk_admin'),
    ('workorder.prerender', 'residesk_vet'),
    ('workorder.prerender', 'residesk_admin'),
    ('workorder.prerender', 'residesk_worker'),
    ('protocols.transition', 'residesk_admin'),
    ('protocols.transition_undo', 'residesk_admin'),
    ('demo.seed', 'residesk_admin'),
    ('jobs.prune', 'residesk_admin'),
    ('jobs.prune', 'residesk_worker');

-- Every table (this migration's too) belongs to the owner role; nobody else has any
-- privilege on them but what is granted below.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
        EXECUTE format('ALTER TABLE public.%I OWNER TO residesk_owner', t.tablename);
        EXECUTE format('REVOKE ALL ON public.%I FROM PUBLIC', t.tablename);
    END LOOP;
END
$$;

GRANT USAGE ON SCHEMA public TO residesk_admin, residesk_housing, residesk_vet, residesk_worker;
-- Identity columns take their numbers without sequence privileges; a sequence is
-- still read by nobody else.
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO residesk_admin, residesk_housing, residesk_vet, residesk_worker;

-- What every person and worker reads: the schema's version, who is who, the job kinds.
GRANT SELECT ON schema_migrations, people, job_kind_roles, recurring_jobs
    TO residesk_admin, residesk_housing, residesk_vet, residesk_worker;
GRANT INSERT, UPDATE, DELETE ON people, recurring_jobs, job_kind_roles TO residesk_admin;
GRANT INSERT, UPDATE ON recurring_jobs TO residesk_worker;

-- Housing.
GRANT SELECT, INSERT, UPDATE, DELETE ON buildings, rooms, residents, allocations
    TO residesk_housing, residesk_admin, residesk_worker;
GRANT SELECT, INSERT, DELETE ON import_rejections TO residesk_housing, residesk_admin, residesk_worker;

-- The lab.
GRANT SELECT, INSERT, UPDATE, DELETE
    ON clients, protocols, work_orders, work_order_analyses, reports, report_results, report_pdfs
    TO residesk_vet, residesk_admin, residesk_worker;

-- Bulk changes of protocols: administrators (and the workers that run them).
GRANT SELECT, INSERT, UPDATE, DELETE ON bulk_jobs, bulk_job_items TO residesk_admin, residesk_worker;

-- Shared by everybody's work: jobs and notifications (narrowed by the policies below),
-- the e-mail outbox (any engine may run its drain), the PDF cache, the change feed.
GRANT SELECT, INSERT, UPDATE, DELETE ON jobs, notifications, pdf_cache, change_feed
    TO residesk_admin, residesk_housing, residesk_vet, residesk_worker;
GRANT SELECT, INSERT, UPDATE ON outbox_emails, outbox_attachments
    TO residesk_admin, residesk_housing, residesk_vet, residesk_worker;
GRANT DELETE ON outbox_emails, outbox_attachments TO residesk_admin, residesk_worker;

-- The audit trail: read by administrators; written by the data layer until the
-- database's own triggers write it (never updated or deleted by anybody).
GRANT SELECT ON audit_entries TO residesk_admin, residesk_worker;
GRANT INSERT ON audit_entries TO residesk_admin, residesk_housing, residesk_vet, residesk_worker;

-- Who created and who last changed a row: the acting role (current_user), whatever the
-- client sent. A worker running a person's job acts as that person (SET ROLE).
CREATE FUNCTION residesk_stamp_people() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.created_by := current_user;
    ELSE
        NEW.created_by := OLD.created_by;
    END IF;
    NEW.updated_by := current_user;
    RETURN NEW;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['buildings', 'rooms', 'residents', 'allocations', 'clients', 'protocols',
                             'work_orders', 'reports'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON public.%I '
                       'FOR EACH ROW EXECUTE FUNCTION residesk_stamp_people()', t || '_stamp_people', t);
    END LOOP;
END
$$;

-- A job's and an e-mail's creator: the acting role, kept for good.
CREATE FUNCTION residesk_stamp_creator() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.created_by := current_user;
    ELSE
        NEW.created_by := OLD.created_by;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER jobs_stamp_creator BEFORE INSERT OR UPDATE ON jobs
    FOR EACH ROW EXECUTE FUNCTION residesk_stamp_creator();
CREATE TRIGGER outbox_emails_stamp_creator BEFORE INSERT OR UPDATE ON outbox_emails
    FOR EACH ROW EXECUTE FUNCTION residesk_stamp_creator();

-- A finalized report is signed by whoever finalized it.
CREATE FUNCTION residesk_stamp_signer() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF NEW.signed_by IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.signed_by IS NULL) THEN
        NEW.signed_by := current_user;
    ELSIF TG_OP = 'UPDATE' THEN
        NEW.signed_by := OLD.signed_by;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER reports_stamp_signer BEFORE INSERT OR UPDATE ON reports
    FOR EACH ROW EXECUTE FUNCTION residesk_stamp_signer();

-- Vets change protocols one at a time; several in one statement is a bulk change,
-- which administrators make.
CREATE FUNCTION residesk_protocols_one_at_a_time() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF (SELECT count(*) FROM changed) > 1 AND NOT pg_has_role(current_user, 'residesk_admin', 'USAGE') THEN
        RAISE EXCEPTION 'permission denied: only administrators change several protocols at once'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER protocols_one_at_a_time AFTER UPDATE ON protocols
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION residesk_protocols_one_at_a_time();

-- Jobs: a person sees and runs their own; administrators and workers all of them. A
-- job may be queued only of a kind one of the acting role's groups may start.
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY jobs_read ON jobs FOR SELECT
    USING (created_by = current_user OR pg_has_role(current_user, 'residesk_admin', 'USAGE')
           OR pg_has_role(current_user, 'residesk_worker', 'USAGE'));
CREATE POLICY jobs_queue ON jobs FOR INSERT
    WITH CHECK (created_by = current_user
                AND (EXISTS (SELECT 1 FROM job_kind_roles k
                             WHERE k.kind = jobs.kind AND pg_has_role(current_user, k.role, 'USAGE'))
                     OR (NOT EXISTS (SELECT 1 FROM job_kind_roles k WHERE k.kind = jobs.kind)
                         AND (pg_has_role(current_user, 'residesk_admin', 'USAGE')
                              OR pg_has_role(current_user, 'residesk_worker', 'USAGE')))));
CREATE POLICY jobs_change ON jobs FOR UPDATE
    USING (created_by = current_user OR pg_has_role(current_user, 'residesk_admin', 'USAGE')
           OR pg_has_role(current_user, 'residesk_worker', 'USAGE'));
CREATE POLICY jobs_remove ON jobs FOR DELETE
    USING (pg_has_role(current_user, 'residesk_admin', 'USAGE')
           OR pg_has_role(current_user, 'residesk_worker', 'USAGE'));

-- Notifications: each person sees their own; jobs and workers leave them for others.
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY notifications_read ON notifications FOR SELECT
    USING (username = current_user OR pg_has_role(current_user, 'residesk_worker', 'USAGE'));
CREATE POLICY notifications_leave ON notifications FOR INSERT
    WITH CHECK (username = current_user OR pg_has_role(current_user, 'residesk_admin', 'USAGE')
                OR pg_has_role(current_user, 'residesk_worker', 'USAGE'));
CREATE POLICY notifications_mark ON notifications FOR UPDATE
    USING (username = current_user OR pg_has_role(current_user, 'residesk_worker', 'USAGE'));
CREATE POLICY notifications_remove ON notifications FOR DELETE
    USING (username = current_user OR pg_has_role(current_user, 'residesk_worker', 'USAGE'));

DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['residesk_stamp_people()', 'residesk_stamp_creator()', 'residesk_stamp_signer()',
                             'residesk_protocols_one_at_a_time()'] LOOP
        EXECUTE 'ALTER FUNCTION ' || f || ' OWNER TO residesk_owner';
        EXECUTE 'REVOKE ALL ON FUNCTION ' || f || ' FROM PUBLIC';
    END LOOP;
END
$$;
