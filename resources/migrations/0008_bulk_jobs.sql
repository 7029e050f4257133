-- Bulk protocol changes (tasks/bulk): what a bulk job works on, frozen when it is
-- queued, and the outcome of every item, written in the same transaction as the
-- chunk that produced it and the job's checkpoint. Rows are written once and never
-- changed, so they carry no version; they go with their job when the job history is
-- pruned.

-- One row per bulk job: a change to `to_state`, or the undo of the change `undo_of`
-- (UNIQUE: a change is undone at most once). `selection` is what a change works on,
-- frozen when it is queued: the ids of the protocols it names or that matched its
-- filter then, as a JSON array in ascending order (one value, not one row per
-- protocol: freezing 10,000 protocols costs one short statement), `selected` their
-- number; protocols created or changed to match later are not swept in.
CREATE TABLE bulk_jobs (
    job_id BIGINT NOT NULL PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    to_state VARCHAR(16),
    undo_of BIGINT REFERENCES jobs (id) ON DELETE CASCADE,
    selection TEXT NOT NULL DEFAULT '[]',
    selected BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    CONSTRAINT bulk_jobs_undo_once UNIQUE (undo_of),
    CONSTRAINT bulk_jobs_one_purpose CHECK ((to_state IS NULL AND undo_of IS NOT NULL) OR (to_state IS NOT NULL AND undo_of IS NULL)),
    CONSTRAINT bulk_jobs_to_state_valid CHECK (to_state IS NULL OR to_state IN ('submitted', 'received', 'in_analysis', 'finalized', 'cancelled')),
    CONSTRAINT bulk_jobs_selected_valid CHECK (selected >= 0)
);

-- What happened to each protocol: changed (for an undo: restored), skipped (nothing to
-- do, with the reason) or failed (with the error). before/after describe a change;
-- before_received_at is what an undo puts back. note: what else happened (no e-mail
-- for a client without an address). protocol_id has no foreign key: a failed item may
-- name a protocol that does not exist.
CREATE TABLE bulk_job_items (
    job_id BIGINT NOT NULL REFERENCES bulk_jobs (job_id) ON DELETE CASCADE,
    protocol_id BIGINT NOT NULL,
    protocol_number VARCHAR(32) NOT NULL DEFAULT '',
    outcome VARCHAR(16) NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    before_state VARCHAR(16),
    after_state VARCHAR(16),
    before_version INTEGER,
    after_version INTEGER,
    before_received_at {{TIMESTAMP}}(3),
    CONSTRAINT bulk_job_items_pk PRIMARY KEY (job_id, protocol_id),
    CONSTRAINT bulk_job_items_outcome_known CHECK (outcome IN ('changed', 'skipped', 'failed')),
    CONSTRAINT bulk_job_items_changed_complete CHECK (outcome <> 'changed' OR (before_state IS NOT NULL AND after_state IS NOT NULL AND before_version IS NOT NULL AND after_version IS NOT NULL)),
    CONSTRAINT bulk_job_items_reason_given CHECK (outcome = 'changed' OR length(reason) > 0)
);
