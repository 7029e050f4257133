-- SQLite: row triggers write the audit trail of maintenance, as 0012_audit.sqlite.sql
-- does for the older tables (attachments without their bytes). Generated column by
-- column: a migration that adds a column to one of these tables recreates its triggers.

CREATE TRIGGER maintenance_targets_audit_insert AFTER INSERT ON maintenance_targets
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_target',
            0, CAST(NEW.priority AS TEXT),
            'create',
            NULL,
            json_object('priority', NEW.priority, 'amount', NEW.amount, 'unit', NEW.unit,
            'version', NEW.version),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_targets_audit_update AFTER UPDATE ON maintenance_targets
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_target',
            0, CAST(NEW.priority AS TEXT),
            'update',
            json_object('priority', OLD.priority, 'amount', OLD.amount, 'unit', OLD.unit,
            'version', OLD.version),
            json_object('priority', NEW.priority, 'amount', NEW.amount, 'unit', NEW.unit,
            'version', NEW.version),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_targets_audit_delete AFTER DELETE ON maintenance_targets
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_target',
            0, CAST(OLD.priority AS TEXT),
            'delete',
            json_object('priority', OLD.priority, 'amount', OLD.amount, 'unit', OLD.unit,
            'version', OLD.version),
            NULL,
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_technicians_audit_insert AFTER INSERT ON maintenance_technicians
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'technician',
            NEW.id, NULL,
            'create',
            NULL,
            json_object('id', NEW.id, 'name', NEW.name, 'email', NEW.email, 'skills', NEW.skills,
            'working_days', NEW.working_days, 'day_starts', NEW.day_starts,
            'day_ends', NEW.day_ends, 'active', NEW.active, 'version', NEW.version,
            'created_at', NEW.created_at, 'created_by', NEW.created_by,
            'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_technicians_audit_update AFTER UPDATE ON maintenance_technicians
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'technician',
            NEW.id, NULL,
            'update',
            json_object('id', OLD.id, 'name', OLD.name, 'email', OLD.email, 'skills', OLD.skills,
            'working_days', OLD.working_days, 'day_starts', OLD.day_starts,
            'day_ends', OLD.day_ends, 'active', OLD.active, 'version', OLD.version,
            'created_at', OLD.created_at, 'created_by', OLD.created_by,
            'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
            json_object('id', NEW.id, 'name', NEW.name, 'email', NEW.email, 'skills', NEW.skills,
            'working_days', NEW.working_days, 'day_starts', NEW.day_starts,
            'day_ends', NEW.day_ends, 'active', NEW.active, 'version', NEW.version,
            'created_at', NEW.created_at, 'created_by', NEW.created_by,
            'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_technicians_audit_delete AFTER DELETE ON maintenance_technicians
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'technician',
            OLD.id, NULL,
            'delete',
            json_object('id', OLD.id, 'name', OLD.name, 'email', OLD.email, 'skills', OLD.skills,
            'working_days', OLD.working_days, 'day_starts', OLD.day_starts,
            'day_ends', OLD.day_ends, 'active', OLD.active, 'version', OLD.version,
            'created_at', OLD.created_at, 'created_by', OLD.created_by,
            'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
            NULL,
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_absences_audit_insert AFTER INSERT ON maintenance_absences
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'technician_absence',
            0, CAST(NEW.day AS TEXT),
            'create',
            NULL,
            json_object('technician_id', NEW.technician_id, 'day', NEW.day),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_absences_audit_update AFTER UPDATE ON maintenance_absences
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'technician_absence',
            0, CAST(NEW.day AS TEXT),
            'update',
            json_object('technician_id', OLD.technician_id, 'day', OLD.day),
            json_object('technician_id', NEW.technician_id, 'day', NEW.day),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_absences_audit_delete AFTER DELETE ON maintenance_absences
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'technician_absence',
            0, CAST(OLD.day AS TEXT),
            'delete',
            json_object('technician_id', OLD.technician_id, 'day', OLD.day),
            NULL,
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_rates_audit_insert AFTER INSERT ON maintenance_rates
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_rate',
            0, CAST(NEW.category AS TEXT),
            'create',
            NULL,
            json_object('category', NEW.category, 'priority', NEW.priority, 'amount_cents', NEW.amount_cents,
            'minutes', NEW.minutes),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_rates_audit_update AFTER UPDATE ON maintenance_rates
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_rate',
            0, CAST(NEW.category AS TEXT),
            'update',
            json_object('category', OLD.category, 'priority', OLD.priority, 'amount_cents', OLD.amount_cents,
            'minutes', OLD.minutes),
            json_object('category', NEW.category, 'priority', NEW.priority, 'amount_cents', NEW.amount_cents,
            'minutes', NEW.minutes),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_rates_audit_delete AFTER DELETE ON maintenance_rates
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_rate',
            0, CAST(OLD.category AS TEXT),
            'delete',
            json_object('category', OLD.category, 'priority', OLD.priority, 'amount_cents', OLD.amount_cents,
            'minutes', OLD.minutes),
            NULL,
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_plans_audit_insert AFTER INSERT ON maintenance_plans
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_plan',
            NEW.id, NULL,
            'create',
            NULL,
            json_object('id', NEW.id, 'title', NEW.title, 'building_id', NEW.building_id,
            'room_type', NEW.room_type, 'category', NEW.category, 'priority', NEW.priority,
            'description', NEW.description, 'period_months', NEW.period_months,
            'starts_on', NEW.starts_on, 'last_period', NEW.last_period, 'active', NEW.active,
            'version', NEW.version, 'created_at', NEW.created_at, 'created_by', NEW.created_by,
            'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_plans_audit_update AFTER UPDATE ON maintenance_plans
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_plan',
            NEW.id, NULL,
            'update',
            json_object('id', OLD.id, 'title', OLD.title, 'building_id', OLD.building_id,
            'room_type', OLD.room_type, 'category', OLD.category, 'priority', OLD.priority,
            'description', OLD.description, 'period_months', OLD.period_months,
            'starts_on', OLD.starts_on, 'last_period', OLD.last_period, 'active', OLD.active,
            'version', OLD.version, 'created_at', OLD.created_at, 'created_by', OLD.created_by,
            'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
            json_object('id', NEW.id, 'title', NEW.title, 'building_id', NEW.building_id,
            'room_type', NEW.room_type, 'category', NEW.category, 'priority', NEW.priority,
            'description', NEW.description, 'period_months', NEW.period_months,
            'starts_on', NEW.starts_on, 'last_period', NEW.last_period, 'active', NEW.active,
            'version', NEW.version, 'created_at', NEW.created_at, 'created_by', NEW.created_by,
            'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_plans_audit_delete AFTER DELETE ON maintenance_plans
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_plan',
            OLD.id, NULL,
            'delete',
            json_object('id', OLD.id, 'title', OLD.title, 'building_id', OLD.building_id,
            'room_type', OLD.room_type, 'category', OLD.category, 'priority', OLD.priority,
            'description', OLD.description, 'period_months', OLD.period_months,
            'starts_on', OLD.starts_on, 'last_period', OLD.last_period, 'active', OLD.active,
            'version', OLD.version, 'created_at', OLD.created_at, 'created_by', OLD.created_by,
            'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
            NULL,
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_plan_periods_audit_insert AFTER INSERT ON maintenance_plan_periods
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_plan_period',
            0, CAST(NEW.plan_id AS TEXT),
            'create',
            NULL,
            json_object('plan_id', NEW.plan_id, 'period', NEW.period, 'period_starts_on', NEW.period_starts_on,
            'requests', NEW.requests, 'created_at', NEW.created_at),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_plan_periods_audit_update AFTER UPDATE ON maintenance_plan_periods
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_plan_period',
            0, CAST(NEW.plan_id AS TEXT),
            'update',
            json_object('plan_id', OLD.plan_id, 'period', OLD.period, 'period_starts_on', OLD.period_starts_on,
            'requests', OLD.requests, 'created_at', OLD.created_at),
            json_object('plan_id', NEW.plan_id, 'period', NEW.period, 'period_starts_on', NEW.period_starts_on,
            'requests', NEW.requests, 'created_at', NEW.created_at),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_plan_periods_audit_delete AFTER DELETE ON maintenance_plan_periods
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_plan_period',
            0, CAST(OLD.plan_id AS TEXT),
            'delete',
            json_object('plan_id', OLD.plan_id, 'period', OLD.period, 'period_starts_on', OLD.period_starts_on,
            'requests', OLD.requests, 'created_at', OLD.created_at),
            NULL,
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_requests_audit_insert AFTER INSERT ON maintenance_requests
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_request',
            NEW.id, NULL,
            'create',
            NULL,
            json_object('id', NEW.id, 'building_id', NEW.building_id, 'room_id', NEW.room_id,
            'category', NEW.category, 'priority', NEW.priority, 'description', NEW.description,
            'reported_by_resident_id', NEW.reported_by_resident_id,
            'reported_by_staff', NEW.reported_by_staff,
            'permission_to_enter', NEW.permission_to_enter, 'state', NEW.state,
            'technician_id', NEW.technician_id, 'estimate_cents', NEW.estimate_cents,
            'slot_start', NEW.slot_start, 'slot_end', NEW.slot_end, 'reported_at', NEW.reported_at,
            'due_at', NEW.due_at, 'needs_attention', NEW.needs_attention,
            'overdue_flagged_at', NEW.overdue_flagged_at, 'took_room_out', NEW.took_room_out,
            'finished_at', NEW.finished_at, 'plan_id', NEW.plan_id, 'plan_period', NEW.plan_period,
            'version', NEW.version, 'created_at', NEW.created_at, 'created_by', NEW.created_by,
            'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_requests_audit_update AFTER UPDATE ON maintenance_requests
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_request',
            NEW.id, NULL,
            CASE WHEN OLD.state = NEW.state THEN 'update' WHEN NEW.state = 'assigned' THEN 'assign' WHEN NEW.state = 'scheduled' THEN 'schedule' WHEN NEW.state = 'in_progress' THEN 'start' WHEN NEW.state = 'done' THEN 'complete' WHEN NEW.state = 'cancelled' THEN 'cancel' ELSE 'transition' END,
            json_object('id', OLD.id, 'building_id', OLD.building_id, 'room_id', OLD.room_id,
            'category', OLD.category, 'priority', OLD.priority, 'description', OLD.description,
            'reported_by_resident_id', OLD.reported_by_resident_id,
            'reported_by_staff', OLD.reported_by_staff,
            'permission_to_enter', OLD.permission_to_enter, 'state', OLD.state,
            'technician_id', OLD.technician_id, 'estimate_cents', OLD.estimate_cents,
            'slot_start', OLD.slot_start, 'slot_end', OLD.slot_end, 'reported_at', OLD.reported_at,
            'due_at', OLD.due_at, 'needs_attention', OLD.needs_attention,
            'overdue_flagged_at', OLD.overdue_flagged_at, 'took_room_out', OLD.took_room_out,
            'finished_at', OLD.finished_at, 'plan_id', OLD.plan_id, 'plan_period', OLD.plan_period,
            'version', OLD.version, 'created_at', OLD.created_at, 'created_by', OLD.created_by,
            'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
            json_object('id', NEW.id, 'building_id', NEW.building_id, 'room_id', NEW.room_id,
            'category', NEW.category, 'priority', NEW.priority, 'description', NEW.description,
            'reported_by_resident_id', NEW.reported_by_resident_id,
            'reported_by_staff', NEW.reported_by_staff,
            'permission_to_enter', NEW.permission_to_enter, 'state', NEW.state,
            'technician_id', NEW.technician_id, 'estimate_cents', NEW.estimate_cents,
            'slot_start', NEW.slot_start, 'slot_end', NEW.slot_end, 'reported_at', NEW.reported_at,
            'due_at', NEW.due_at, 'needs_attention', NEW.needs_attention,
            'overdue_flagged_at', NEW.overdue_flagged_at, 'took_room_out', NEW.took_room_out,
            'finished_at', NEW.finished_at, 'plan_id', NEW.plan_id, 'plan_period', NEW.plan_period,
            'version', NEW.version, 'created_at', NEW.created_at, 'created_by', NEW.created_by,
            'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_requests_audit_delete AFTER DELETE ON maintenance_requests
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_request',
            OLD.id, NULL,
            'delete',
            json_object('id', OLD.id, 'building_id', OLD.building_id, 'room_id', OLD.room_id,
            'category', OLD.category, 'priority', OLD.priority, 'description', OLD.description,
            'reported_by_resident_id', OLD.reported_by_resident_id,
            'reported_by_staff', OLD.reported_by_staff,
            'permission_to_enter', OLD.permission_to_enter, 'state', OLD.state,
            'technician_id', OLD.technician_id, 'estimate_cents', OLD.estimate_cents,
            'slot_start', OLD.slot_start, 'slot_end', OLD.slot_end, 'reported_at', OLD.reported_at,
            'due_at', OLD.due_at, 'needs_attention', OLD.needs_attention,
            'overdue_flagged_at', OLD.overdue_flagged_at, 'took_room_out', OLD.took_room_out,
            'finished_at', OLD.finished_at, 'plan_id', OLD.plan_id, 'plan_period', OLD.plan_period,
            'version', OLD.version, 'created_at', OLD.created_at, 'created_by', OLD.created_by,
            'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
            NULL,
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_comments_audit_insert AFTER INSERT ON maintenance_comments
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_comment',
            NEW.id, NULL,
            'create',
            NULL,
            json_object('id', NEW.id, 'request_id', NEW.request_id, 'body', NEW.body, 'author', NEW.author,
            'created_at', NEW.created_at),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_comments_audit_update AFTER UPDATE ON maintenance_comments
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_comment',
            NEW.id, NULL,
            'update',
            json_object('id', OLD.id, 'request_id', OLD.request_id, 'body', OLD.body, 'author', OLD.author,
            'created_at', OLD.created_at),
            json_object('id', NEW.id, 'request_id', NEW.request_id, 'body', NEW.body, 'author', NEW.author,
            'created_at', NEW.created_at),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_comments_audit_delete AFTER DELETE ON maintenance_comments
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_comment',
            OLD.id, NULL,
            'delete',
            json_object('id', OLD.id, 'request_id', OLD.request_id, 'body', OLD.body, 'author', OLD.author,
            'created_at', OLD.created_at),
            NULL,
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_attachments_audit_insert AFTER INSERT ON maintenance_attachments
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_attachment',
            NEW.id, NULL,
            'create',
            NULL,
            json_object('id', NEW.id, 'request_id', NEW.request_id, 'filename', NEW.filename,
            'mime_type', NEW.mime_type, 'size_bytes', NEW.size_bytes, 'created_at', NEW.created_at,
            'created_by', NEW.created_by),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_attachments_audit_update AFTER UPDATE ON maintenance_attachments
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_attachment',
            NEW.id, NULL,
            'update',
            json_object('id', OLD.id, 'request_id', OLD.request_id, 'filename', OLD.filename,
            'mime_type', OLD.mime_type, 'size_bytes', OLD.size_bytes, 'created_at', OLD.created_at,
            'created_by', OLD.created_by),
            json_object('id', NEW.id, 'request_id', NEW.request_id, 'filename', NEW.filename,
            'mime_type', NEW.mime_type, 'size_bytes', NEW.size_bytes, 'created_at', NEW.created_at,
            'created_by', NEW.created_by),
            residesk_audit_job());
END;

CREATE TRIGGER maintenance_attachments_audit_delete AFTER DELETE ON maintenance_attachments
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'maintenance_attachment',
            OLD.id, NULL,
            'delete',
            json_object('id', OLD.id, 'request_id', OLD.request_id, 'filename', OLD.filename,
            'mime_type', OLD.mime_type, 'size_bytes', OLD.size_bytes, 'created_at', OLD.created_at,
            'created_by', OLD.created_by),
            NULL,
            residesk_audit_job());
END;
