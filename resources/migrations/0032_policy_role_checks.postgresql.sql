-- The row-level security of jobs and notifications (0011) asks once per statement
-- whether the person is an administrator or a worker, instead of once per row.
--
-- A policy's `pg_has_role(current_user, 'residesk_worker', 'USAGE')` is a function call
-- in each row's filter: two role lookups for every row a statement reads, locks or
-- changes, whenever the row is not the person's own. Written as a scalar sub-select,
-- the same test is an InitPlan: evaluated once when the statement starts (again on
-- every execution of a prepared one, so a `SET ROLE` between statements is seen), then
-- a constant for each row. Measured in psql on 100,000 finished jobs of somebody else:
-- `SELECT count(*) FROM jobs` as a vet took 42-55 ms before and 14-15 ms after. (The
-- engine's rounds, whose rows are mostly the worker's own or few, did not change
-- measurably.) What each person may do is unchanged (tests/models/db/tst_permissions,
-- tst_notificationstore).
--
-- Runs as residesk_owner (models/db/migrator.cpp), the tables' owner.

ALTER POLICY jobs_read ON jobs
    USING (created_by = current_user OR (SELECT pg_has_role(current_user, 'residesk_admin', 'USAGE'))
           OR (SELECT pg_has_role(current_user, 'residesk_worker', 'USAGE')));
ALTER POLICY jobs_queue ON jobs
    WITH CHECK (created_by = current_user
                AND (EXISTS (SELECT 1 FROM job_kind_roles k
                             WHERE k.kind = jobs.kind AND pg_has_role(current_user, k.role, 'USAGE'))
                     OR (NOT EXISTS (SELECT 1 FROM job_kind_roles k WHERE k.kind = jobs.kind)
                         AND ((SELECT pg_has_role(current_user, 'residesk_admin', 'USAGE'))
                              OR (SELECT pg_has_role(current_user, 'residesk_worker', 'USAGE'))))));
ALTER POLICY jobs_change ON jobs
    USING (created_by = current_user OR (SELECT pg_has_role(current_user, 'residesk_admin', 'USAGE'))
           OR (SELECT pg_has_role(current_user, 'residesk_worker', 'USAGE')));
ALTER POLICY jobs_remove ON jobs
    USING ((SELECT pg_has_role(current_user, 'residesk_admin', 'USAGE'))
           OR (SELECT pg_has_role(current_user, 'residesk_worker', 'USAGE')));

ALTER POLICY notifications_read ON notifications
    USING (username = current_user OR (SELECT pg_has_role(current_user, 'residesk_worker', 'USAGE')));
ALTER POLICY notifications_leave ON notifications
    WITH CHECK (username = current_user OR (SELECT pg_has_role(current_user, 'residesk_admin', 'USAGE'))
                OR (SELECT pg_has_role(current_user, 'residesk_worker', 'USAGE')));
ALTER POLICY notifications_mark ON notifications
    USING (username = current_user OR (SELECT pg_has_role(current_user, 'residesk_worker', 'USAGE')));
ALTER POLICY notifications_remove ON notifications
    USING (username = current_user OR (SELECT pg_has_role(current_user, 'residesk_worker', 'USAGE')));
