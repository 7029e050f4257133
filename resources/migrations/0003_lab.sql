-- The veterinary lab: clients, protocols (submitted samples), work orders with their
-- requested analyses, reports with their result rows and the stored PDF of every
-- finalized report; and the audit trail shared by every entity.
-- Placeholders ({{ID}}, {{TIMESTAMP}}, {{NOW}}, {{BLOB}}) are replaced per database by models/db/dialect.cpp.
-- Statements end with a semicolon at the end of a line.

CREATE TABLE clients (
    id {{ID}},
    code VARCHAR(32),
    name VARCHAR(200) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    email VARCHAR(254) NOT NULL DEFAULT '',
    phone VARCHAR(40) NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    created_by VARCHAR(100) NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    updated_by VARCHAR(100) NOT NULL,
    CONSTRAINT clients_code_unique UNIQUE (code),
    CONSTRAINT clients_name_required CHECK (length(trim(name)) > 0),
    CONSTRAINT clients_kind_valid CHECK (kind IN ('farm', 'owner', 'clinic')),
    CONSTRAINT clients_email_valid CHECK (email = '' OR (email LIKE '_%@_%._%' AND email NOT LIKE '% %')),
    CONSTRAINT clients_version_positive CHECK (version >= 1)
);

CREATE INDEX clients_name_idx ON clients (name, id);

-- Times that lists sort by keep milliseconds ({{TIMESTAMP}}(3): TIMESTAMPTZ(3) on
-- PostgreSQL, TEXT on SQLite), so that a keyset cursor read back from a row compares
-- equal to the stored value.
-- number is "P-<year>-<seq, 6 digits>"; number_year and number_seq are its parts, so that
-- the next number of a year is an indexed MAX whatever the collation.
CREATE TABLE protocols (
    id {{ID}},
    number VARCHAR(32) NOT NULL,
    number_year INTEGER NOT NULL,
    number_seq INTEGER NOT NULL,
    client_id BIGINT NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    species VARCHAR(100) NOT NULL,
    animal_id VARCHAR(100) NOT NULL DEFAULT '',
    sample_count INTEGER NOT NULL DEFAULT 1,
    sample_type VARCHAR(100) NOT NULL DEFAULT '',
    state VARCHAR(16) NOT NULL DEFAULT 'submitted',
    submitted_at {{TIMESTAMP}}(3) NOT NULL DEFAULT {{NOW}},
    received_at {{TIMESTAMP}}(3),
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    created_by VARCHAR(100) NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    updated_by VARCHAR(100) NOT NULL,
    CONSTRAINT protocols_number_unique UNIQUE (number),
    CONSTRAINT protocols_number_parts_unique UNIQUE (number_year, number_seq),
    CONSTRAINT protocols_number_required CHECK (length(trim(number)) > 0),
    CONSTRAINT protocols_number_seq_positive CHECK (number_seq >= 1),
    CONSTRAINT protocols_species_required CHECK (length(trim(species)) > 0),
    CONSTRAINT protocols_sample_count_positive CHECK (sample_count >= 1),
    CONSTRAINT protocols_state_valid CHECK (state IN ('submitted', 'received', 'in_analysis', 'finalized', 'cancelled')),
    CONSTRAINT protocols_received_at_set CHECK (state IN ('submitted', 'cancelled') OR received_at IS NOT NULL),
    CONSTRAINT protocols_version_positive CHECK (version >= 1)
);

-- Indexes for the list filters (and their keyset order). Every index costs each state
-- change of a bulk job a write, so the other sort columns have none.
CREATE INDEX protocols_state_idx ON protocols (state, id);
CREATE INDEX protocols_client_idx ON protocols (client_id, id);
CREATE INDEX protocols_submitted_at_idx ON protocols (submitted_at, id);

-- One work order per protocol. version is its content version: any change, the
-- analyses included, bumps it (the PDF cache keys on it).
CREATE TABLE work_orders (
    id {{ID}},
    protocol_id BIGINT NOT NULL REFERENCES protocols (id) ON DELETE RESTRICT,
    assigned_vet VARCHAR(100) NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    created_by VARCHAR(100) NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    updated_by VARCHAR(100) NOT NULL,
    CONSTRAINT work_orders_protocol_unique UNIQUE (protocol_id),
    CONSTRAINT work_orders_version_positive CHECK (version >= 1)
);

CREATE INDEX work_orders_vet_idx ON work_orders (assigned_vet, id);

CREATE TABLE work_order_analyses (
    id {{ID}},
    work_order_id BIGINT NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code VARCHAR(32) NOT NULL,
    name VARCHAR(200) NOT NULL,
    sample TEXT NOT NULL DEFAULT '',
    CONSTRAINT work_order_analyses_position_unique UNIQUE (work_order_id, position),
    CONSTRAINT work_order_analyses_code_required CHECK (length(trim(code)) > 0),
    CONSTRAINT work_order_analyses_name_required CHECK (length(trim(name)) > 0)
);

-- Reports: revision 1, 2, … per protocol; a finalized report is never edited, a
-- correction is a new draft revision that supersedes it. finalizing_job_id is set
-- while a finalize job holds the draft; finalized_job_id names the job that finalized
-- it (a retried job recognises its own work). version is the row version.
CREATE TABLE reports (
    id {{ID}},
    protocol_id BIGINT NOT NULL REFERENCES protocols (id) ON DELETE RESTRICT,
    revision INTEGER NOT NULL DEFAULT 1,
    state VARCHAR(16) NOT NULL DEFAULT 'draft',
    findings TEXT NOT NULL DEFAULT '',
    supersedes_id BIGINT REFERENCES reports (id) ON DELETE RESTRICT,
    superseded_by_id BIGINT REFERENCES reports (id) ON DELETE RESTRICT,
    finalizing_job_id BIGINT,
    finalized_job_id BIGINT,
    signed_by VARCHAR(100),
    signed_at {{TIMESTAMP}}(3),
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    created_by VARCHAR(100) NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    updated_by VARCHAR(100) NOT NULL,
    CONSTRAINT reports_revision_unique UNIQUE (protocol_id, revision),
    CONSTRAINT reports_revision_positive CHECK (revision >= 1),
    CONSTRAINT reports_state_valid CHECK (state IN ('draft', 'finalized')),
    CONSTRAINT reports_finalized_signed CHECK (state = 'draft' OR (signed_by IS NOT NULL AND signed_at IS NOT NULL)),
    CONSTRAINT reports_lock_draft_only CHECK (state = 'draft' OR finalizing_job_id IS NULL),
    CONSTRAINT reports_superseded_finalized CHECK (superseded_by_id IS NULL OR state = 'finalized'),
    CONSTRAINT reports_version_positive CHECK (version >= 1)
);

-- At most one draft per protocol.
CREATE UNIQUE INDEX reports_one_draft ON reports (protocol_id) WHERE state = 'draft';
CREATE INDEX reports_state_idx ON reports (state, id);

CREATE TABLE report_results (
    id {{ID}},
    report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    analyte VARCHAR(200) NOT NULL,
    value VARCHAR(100) NOT NULL DEFAULT '',
    unit VARCHAR(50) NOT NULL DEFAULT '',
    reference_range VARCHAR(100) NOT NULL DEFAULT '',
    flag VARCHAR(1) NOT NULL DEFAULT '',
    CONSTRAINT report_results_position_unique UNIQUE (report_id, position),
    CONSTRAINT report_results_analyte_required CHECK (length(trim(analyte)) > 0),
    CONSTRAINT report_results_flag_valid CHECK (flag IN ('', 'L', 'H', 'A'))
);

-- The PDF of every finalized report, kept for good.
CREATE TABLE report_pdfs (
    report_id BIGINT NOT NULL PRIMARY KEY REFERENCES reports (id) ON DELETE RESTRICT,
    content {{BLOB}} NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    size BIGINT NOT NULL,
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    CONSTRAINT report_pdfs_sha256_valid CHECK (length(sha256) = 64),
    CONSTRAINT report_pdfs_size_valid CHECK (size >= 0)
);

-- Who changed what, when: at is ms since the epoch (UTC); before/after are JSON
-- objects of the fields that changed; job_id names the job that made the change.
CREATE TABLE audit_entries (
    id {{ID}},
    at BIGINT NOT NULL,
    username VARCHAR(100) NOT NULL,
    entity VARCHAR(32) NOT NULL,
    entity_id BIGINT NOT NULL,
    action VARCHAR(32) NOT NULL,
    before TEXT,
    after TEXT,
    job_id BIGINT,
    CONSTRAINT audit_entries_entity_required CHECK (length(entity) > 0),
    CONSTRAINT audit_entries_action_required CHECK (length(action) > 0)
);

CREATE INDEX audit_entries_entity_idx ON audit_entries (entity, entity_id, id);
CREATE INDEX audit_entries_job_idx ON audit_entries (job_id);
