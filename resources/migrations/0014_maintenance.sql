-- Maintenance: requests for a room or a building's common area, the technicians who
-- do the work, rates for estimates, response targets per priority, and preventive
-- plans that create requests every period. The state machine of a request
-- (open → assigned → scheduled → in_progress → done, or cancelled) is checked by
-- MaintenanceRepository; the table keeps known states and the times that go with them.
-- Times that rules compare (reported_at, due_at, slots) are bound by the application
-- from its clock, never taken from the server's, so the rules and SQL agree.

-- Response target per priority (the "settings" every desktop and worker shares):
-- same_day (by the end of the day reported), hours, or working_days (Monday to Friday,
-- counted from the day after the report, due at the end of the last one).
CREATE TABLE maintenance_targets (
    priority VARCHAR(16) NOT NULL PRIMARY KEY,
    amount INTEGER NOT NULL,
    unit VARCHAR(16) NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT maintenance_targets_priority_valid CHECK (priority IN ('emergency', 'high', 'routine', 'low')),
    CONSTRAINT maintenance_targets_unit_valid CHECK (unit IN ('same_day', 'hours', 'working_days')),
    CONSTRAINT maintenance_targets_amount_valid CHECK (amount >= 0 AND amount <= 1000)
);

INSERT INTO maintenance_targets (priority, amount, unit) VALUES ('emergency', 0, 'same_day');
INSERT INTO maintenance_targets (priority, amount, unit) VALUES ('high', 24, 'hours');
INSERT INTO maintenance_targets (priority, amount, unit) VALUES ('routine', 3, 'working_days');
INSERT INTO maintenance_targets (priority, amount, unit) VALUES ('low', 10, 'working_days');

-- A technician: skills are category codes ("plumbing,heating"), working days ISO
-- weekday numbers ("1,2,3,4,5" = Monday to Friday), hours minutes after midnight.
CREATE TABLE maintenance_technicians (
    id {{ID}},
    name VARCHAR(200) NOT NULL,
    email VARCHAR(254) NOT NULL,
    skills VARCHAR(200) NOT NULL DEFAULT '',
    working_days VARCHAR(20) NOT NULL DEFAULT '1,2,3,4,5',
    day_starts INTEGER NOT NULL DEFAULT 480,
    day_ends INTEGER NOT NULL DEFAULT 960,
    active INTEGER NOT NULL DEFAULT 1,
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    created_by VARCHAR(100) NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    updated_by VARCHAR(100) NOT NULL,
    CONSTRAINT maintenance_technicians_name_required CHECK (length(trim(name)) > 0),
    CONSTRAINT maintenance_technicians_email_valid CHECK (email LIKE '_%@_%._%' AND email NOT LIKE '% %'),
    CONSTRAINT maintenance_technicians_hours_valid CHECK (day_starts >= 0 AND day_ends <= 1440 AND day_starts < day_ends),
    CONSTRAINT maintenance_technicians_active_valid CHECK (active IN (0, 1)),
    CONSTRAINT maintenance_technicians_version_positive CHECK (version >= 1)
);

CREATE UNIQUE INDEX maintenance_technicians_email_unique ON maintenance_technicians (email);

CREATE TABLE maintenance_absences (
    technician_id BIGINT NOT NULL REFERENCES maintenance_technicians (id) ON DELETE CASCADE,
    day DATE NOT NULL,
    CONSTRAINT maintenance_absences_pk PRIMARY KEY (technician_id, day)
);

-- The estimate of a request (a fixed price in cents) and the time its visit takes.
CREATE TABLE maintenance_rates (
    category VARCHAR(16) NOT NULL,
    priority VARCHAR(16) NOT NULL,
    amount_cents INTEGER NOT NULL,
    minutes INTEGER NOT NULL,
    CONSTRAINT maintenance_rates_pk PRIMARY KEY (category, priority),
    CONSTRAINT maintenance_rates_category_valid CHECK (category IN ('plumbing', 'electrical', 'heating', 'furniture', 'cleaning', 'pest', 'locks', 'other')),
    CONSTRAINT maintenance_rates_priority_valid CHECK (priority IN ('emergency', 'high', 'routine', 'low')),
    CONSTRAINT maintenance_rates_amount_valid CHECK (amount_cents >= 0),
    CONSTRAINT maintenance_rates_minutes_valid CHECK (minutes >= 15 AND minutes <= 480)
);

-- Default rates: a base price and visit per category; urgent work costs more.
INSERT INTO maintenance_rates (category, priority, amount_cents, minutes)
SELECT c.category, p.priority, c.base * p.factor / 100, c.minutes
FROM (SELECT 'plumbing' AS category, 8000 AS base, 90 AS minutes
      UNION ALL SELECT 'electrical', 9000, 60
      UNION ALL SELECT 'heating', 11000, 120
      UNION ALL SELECT 'furniture', 5000, 60
      UNION ALL SELECT 'cleaning', 4000, 60
      UNION ALL SELECT 'pest', 12000, 90
      UNION ALL SELECT 'locks', 6000, 45
      UNION ALL SELECT 'other', 5000, 60) AS c
CROSS JOIN (SELECT 'emergency' AS priority, 200 AS factor
            UNION ALL SELECT 'high', 150
            UNION ALL SELECT 'routine', 100
            UNION ALL SELECT 'low', 90) AS p;

-- Preventive maintenance: every period_months from starts_on, one request for the
-- building's common area (building only) or one per room of room_type (in the
-- building, or in every building). last_period is the index of the last period whose
-- requests were created (-1: none yet); maintenance_plan_periods holds one row per
-- (plan, period) created, written in the same transaction as its requests, so a
-- period is created exactly once, however many workers run and however late.
CREATE TABLE maintenance_plans (
    id {{ID}},
    title VARCHAR(200) NOT NULL,
    building_id BIGINT REFERENCES buildings (id) ON DELETE RESTRICT,
    room_type VARCHAR(16),
    category VARCHAR(16) NOT NULL,
    priority VARCHAR(16) NOT NULL DEFAULT 'routine',
    description VARCHAR(4000) NOT NULL DEFAULT '',
    period_months INTEGER NOT NULL,
    starts_on DATE NOT NULL,
    last_period INTEGER NOT NULL DEFAULT -1,
    active INTEGER NOT NULL DEFAULT 1,
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    created_by VARCHAR(100) NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    updated_by VARCHAR(100) NOT NULL,
    CONSTRAINT maintenance_plans_title_required CHECK (length(trim(title)) > 0),
    CONSTRAINT maintenance_plans_scope CHECK (building_id IS NOT NULL OR room_type IS NOT NULL),
    CONSTRAINT maintenance_plans_room_type_valid CHECK (room_type IS NULL OR room_type IN ('single', 'double', 'triple', 'suite', 'studio')),
    CONSTRAINT maintenance_plans_category_valid CHECK (category IN ('plumbing', 'electrical', 'heating', 'furniture', 'cleaning', 'pest', 'locks', 'other')),
    CONSTRAINT maintenance_plans_priority_valid CHECK (priority IN ('emergency', 'high', 'routine', 'low')),
    CONSTRAINT maintenance_plans_period_valid CHECK (period_months >= 1 AND period_months <= 120),
    CONSTRAINT maintenance_plans_last_period_valid CHECK (last_period >= -1),
    CONSTRAINT maintenance_plans_active_valid CHECK (active IN (0, 1)),
    CONSTRAINT maintenance_plans_version_positive CHECK (version >= 1)
);

CREATE TABLE maintenance_plan_periods (
    plan_id BIGINT NOT NULL REFERENCES maintenance_plans (id) ON DELETE CASCADE,
    period INTEGER NOT NULL,
    period_starts_on DATE NOT NULL,
    requests INTEGER NOT NULL,
    created_at {{TIMESTAMP}} NOT NULL,
    CONSTRAINT maintenance_plan_periods_pk PRIMARY KEY (plan_id, period)
);

CREATE TABLE maintenance_requests (
    id {{ID}},
    building_id BIGINT NOT NULL REFERENCES buildings (id) ON DELETE RESTRICT,
    room_id BIGINT REFERENCES rooms (id) ON DELETE RESTRICT,
    category VARCHAR(16) NOT NULL,
    priority VARCHAR(16) NOT NULL,
    description VARCHAR(4000) NOT NULL,
    reported_by_resident_id BIGINT REFERENCES residents (id) ON DELETE SET NULL,
    reported_by_staff VARCHAR(100) NOT NULL DEFAULT '',
    permission_to_enter INTEGER NOT NULL DEFAULT 0,
    state VARCHAR(16) NOT NULL DEFAULT 'open',
    technician_id BIGINT REFERENCES maintenance_technicians (id) ON DELETE RESTRICT,
    estimate_cents INTEGER,
    slot_start {{TIMESTAMP}},
    slot_end {{TIMESTAMP}},
    reported_at {{TIMESTAMP}} NOT NULL,
    due_at {{TIMESTAMP}} NOT NULL,
    needs_attention INTEGER NOT NULL DEFAULT 0,
    overdue_flagged_at {{TIMESTAMP}},
    took_room_out INTEGER NOT NULL DEFAULT 0,
    finished_at {{TIMESTAMP}},
    plan_id BIGINT REFERENCES maintenance_plans (id) ON DELETE SET NULL,
    plan_period INTEGER,
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    created_by VARCHAR(100) NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    updated_by VARCHAR(100) NOT NULL,
    CONSTRAINT maintenance_requests_category_valid CHECK (category IN ('plumbing', 'electrical', 'heating', 'furniture', 'cleaning', 'pest', 'locks', 'other')),
    CONSTRAINT maintenance_requests_priority_valid CHECK (priority IN ('emergency', 'high', 'routine', 'low')),
    CONSTRAINT maintenance_requests_state_valid CHECK (state IN ('open', 'assigned', 'scheduled', 'in_progress', 'done', 'cancelled')),
    CONSTRAINT maintenance_requests_description_required CHECK (length(trim(description)) > 0),
    CONSTRAINT maintenance_requests_technician CHECK ((state IN ('open', 'cancelled')) OR technician_id IS NOT NULL),
    CONSTRAINT maintenance_requests_slot CHECK ((slot_start IS NULL) = (slot_end IS NULL) AND (slot_start IS NULL OR slot_end > slot_start)),
    CONSTRAINT maintenance_requests_scheduled_slot CHECK (state NOT IN ('scheduled') OR slot_start IS NOT NULL),
    CONSTRAINT maintenance_requests_finished CHECK ((state IN ('done', 'cancelled')) = (finished_at IS NOT NULL)),
    CONSTRAINT maintenance_requests_flags_valid CHECK (permission_to_enter IN (0, 1) AND needs_attention IN (0, 1) AND took_room_out IN (0, 1)),
    CONSTRAINT maintenance_requests_estimate_valid CHECK (estimate_cents IS NULL OR estimate_cents >= 0),
    CONSTRAINT maintenance_requests_version_positive CHECK (version >= 1)
);

CREATE INDEX maintenance_requests_state_idx ON maintenance_requests (state, due_at);
CREATE INDEX maintenance_requests_building_idx ON maintenance_requests (building_id, id);
CREATE INDEX maintenance_requests_room_idx ON maintenance_requests (room_id);
CREATE INDEX maintenance_requests_technician_idx ON maintenance_requests (technician_id, state);
CREATE INDEX maintenance_requests_plan_idx ON maintenance_requests (plan_id, plan_period);

CREATE TABLE maintenance_comments (
    id {{ID}},
    request_id BIGINT NOT NULL REFERENCES maintenance_requests (id) ON DELETE CASCADE,
    body VARCHAR(4000) NOT NULL,
    author VARCHAR(100) NOT NULL,
    created_at {{TIMESTAMP}} NOT NULL,
    CONSTRAINT maintenance_comments_body_required CHECK (length(trim(body)) > 0)
);

CREATE INDEX maintenance_comments_request_idx ON maintenance_comments (request_id, id);

-- Photos and documents, in the database so that every desktop sees them. One INSERT
-- per file: an upload that breaks off leaves nothing. The size cap (10 MiB) is the
-- application's too (MaintenanceRules::checkAttachment), with a clearer message.
CREATE TABLE maintenance_attachments (
    id {{ID}},
    request_id BIGINT NOT NULL REFERENCES maintenance_requests (id) ON DELETE CASCADE,
    filename VARCHAR(255) NOT NULL,
    mime_type VARCHAR(100) NOT NULL,
    size_bytes BIGINT NOT NULL,
    content {{BLOB}} NOT NULL,
    thumbnail {{BLOB}},
    created_at {{TIMESTAMP}} NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    CONSTRAINT maintenance_attachments_filename_required CHECK (length(trim(filename)) > 0),
    CONSTRAINT maintenance_attachments_size_valid CHECK (size_bytes > 0 AND size_bytes <= 10485760)
);

CREATE INDEX maintenance_attachments_request_idx ON maintenance_attachments (request_id, id);

-- What lists show: a request with its place, technician and reporter's name. Vets
-- read maintenance through it (they may not read buildings, rooms or residents).
CREATE VIEW maintenance_request_list AS
SELECT r.id, r.building_id, r.room_id, r.category, r.priority, r.description, r.reported_by_resident_id,
       r.reported_by_staff, r.permission_to_enter, r.state, r.technician_id, r.estimate_cents, r.slot_start,
       r.slot_end, r.reported_at, r.due_at, r.needs_attention, r.overdue_flagged_at, r.took_room_out,
       r.finished_at, r.plan_id, r.plan_period, r.version, r.created_at, r.created_by, r.updated_at,
       r.updated_by, b.code AS building_code, b.name AS building_name, rm.number AS room_number,
       rm.type AS room_type, rm.status AS room_status, t.name AS technician_name,
       t.email AS technician_email, res.first_name AS reporter_first_name, res.last_name AS reporter_last_name
FROM maintenance_requests r
JOIN buildings b ON b.id = r.building_id
LEFT JOIN rooms rm ON rm.id = r.room_id
LEFT JOIN maintenance_technicians t ON t.id = r.technician_id
LEFT JOIN residents res ON res.id = r.reported_by_resident_id;
