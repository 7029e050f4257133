-- The async engine: durable jobs, recurring jobs and per-user notifications.
-- Times are milliseconds since the epoch (UTC) from the engine's clock, so that
-- tests can move time and every backend compares plain integers.
-- Flags are INTEGER 0/1 on both backends.

CREATE TABLE jobs (
    id {{ID}},
    kind VARCHAR(100) NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    state VARCHAR(16) NOT NULL DEFAULT 'queued',
    priority INTEGER NOT NULL DEFAULT 0,
    progress_done BIGINT NOT NULL DEFAULT 0,
    progress_total BIGINT NOT NULL DEFAULT 0,
    progress_message VARCHAR(500) NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL DEFAULT 3,
    run_after BIGINT NOT NULL,
    lease_owner VARCHAR(200),
    lease_expires_at BIGINT,
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    result TEXT,
    checkpoint TEXT,
    unique_key VARCHAR(200),
    notify_creator INTEGER NOT NULL DEFAULT 0,
    created_by VARCHAR(100) NOT NULL,
    created_at BIGINT NOT NULL,
    started_at BIGINT,
    finished_at BIGINT,
    updated_at BIGINT NOT NULL,
    CONSTRAINT jobs_kind_required CHECK (length(kind) > 0),
    CONSTRAINT jobs_state_known CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    CONSTRAINT jobs_attempts_valid CHECK (attempts >= 0 AND max_attempts >= 1)
);

-- At most one queued or running job per unique key.
CREATE UNIQUE INDEX jobs_unique_key_active ON jobs (unique_key)
    WHERE unique_key IS NOT NULL AND state IN ('queued', 'running');
CREATE INDEX jobs_runnable ON jobs (state, run_after);
CREATE INDEX jobs_finished_at ON jobs (finished_at);
CREATE INDEX jobs_kind ON jobs (kind, state);

CREATE TABLE recurring_jobs (
    name VARCHAR(100) NOT NULL PRIMARY KEY,
    kind VARCHAR(100) NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    schedule VARCHAR(100) NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    next_run_at BIGINT NOT NULL,
    last_job_id BIGINT,
    updated_at BIGINT NOT NULL
);

CREATE TABLE notifications (
    id {{ID}},
    username VARCHAR(100) NOT NULL,
    kind VARCHAR(32) NOT NULL,
    title VARCHAR(300) NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    job_id BIGINT REFERENCES jobs (id) ON DELETE SET NULL,
    link VARCHAR(500) NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    read_at BIGINT
);

CREATE INDEX notifications_user ON notifications (username, id);

-- Deleting old jobs sets job_id to NULL here; without an index every deleted job
-- would scan the whole table.
CREATE INDEX notifications_job ON notifications (job_id);
