-- The claim reads each kind's head of jobs_ready (kind, priority DESC, run_after, id)
-- in order and stops after a few rows. jobs_kind (kind, state) competed with it: when
-- the statistics lagged behind a burst of new jobs, the planner took jobs_kind and
-- sorted every queued job of the kind on each claim (30 ms with 20,000 queued instead
-- of well under one). Listing one kind's jobs, newest first, is what remains of its
-- use; (kind, id) serves that and cannot stand in for jobs_ready.
DROP INDEX jobs_kind;
CREATE INDEX jobs_kind_id ON jobs (kind, id);
