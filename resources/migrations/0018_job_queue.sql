-- The runnable jobs apart from the history: claims read two small partial indexes
-- (queued jobs in claim order per kind; running jobs by lease end) instead of an index
-- over every job ever run, so a claim costs the same with a million finished jobs as
-- with none, and a finished job leaves both indexes.
DROP INDEX jobs_runnable;
CREATE INDEX jobs_ready ON jobs (kind, priority DESC, run_after, id) WHERE state = 'queued';
CREATE INDEX jobs_leased ON jobs (kind, lease_expires_at) WHERE state = 'running';
