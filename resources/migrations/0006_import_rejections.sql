-- Rows an import job refused (residents.import): the line where the record starts, the
-- reason and the fields as the file had them (a JSON array). Written in the same
-- transaction as the chunk and the job's checkpoint, so a resumed job never adds a row
-- twice or loses one. Rows are never changed, so they carry no version; they go with
-- their job when the job history is pruned.

CREATE TABLE import_rejections (
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    line BIGINT NOT NULL,
    reason TEXT NOT NULL,
    fields TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT import_rejections_pk PRIMARY KEY (job_id, line),
    CONSTRAINT import_rejections_line_positive CHECK (line >= 1),
    CONSTRAINT import_rejections_reason_required CHECK (length(reason) > 0)
);
