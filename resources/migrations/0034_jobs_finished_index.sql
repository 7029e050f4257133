-- jobs_finished_at (0002) serves the pruning of finished jobs (JobStore::prune:
-- `finished_at < ?`, which only finished jobs satisfy). It held an entry for every
-- queued and running job as well, and every change of such a job (its claim, each
-- lease renewal) wrote a new one: two or more index writes per job that nothing ever
-- read. Now it holds finished jobs only; both PostgreSQL and SQLite use a partial index
-- for a `finished_at < ?` condition, which implies `finished_at IS NOT NULL`.
DROP INDEX jobs_finished_at;
CREATE INDEX jobs_finished_at ON jobs (finished_at) WHERE finished_at IS NOT NULL;
