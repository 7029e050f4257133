-- SQLite: row-level triggers write the audit trail (see 0012_audit.sql for what a row
-- holds). The embedded file has one person, the operating-system account: Residesk
-- gives every connection it opens two functions (models/db/database.cpp),
-- residesk_audit_person() (that account, as the app recorded it before) and
-- residesk_audit_job() (the job the connection's thread runs, or NULL). A program
-- without them (the sqlite3 shell) cannot change the audited tables: its change
-- would go unrecorded, so the trigger refuses it ("no such function").
-- The rows are spelled out column by column: a migration that adds a column to one of
-- these tables recreates its three triggers here (PostgreSQL's row_to_json needs nothing).

CREATE INDEX audit_entries_username_idx ON audit_entries (username, id);

CREATE TRIGGER buildings_audit_insert AFTER INSERT ON buildings
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'building',
            NEW.id, NULL,
         'create',
         NULL,
         json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'address', NEW.address,
                    'floors', NEW.floors, 'version', NEW.version, 'created_at', NEW.created_at,
                    'created_by', NEW.created_by, 'updated_at', NEW.updated_at,
                    'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER buildings_audit_update AFTER UPDATE ON buildings
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'building',
            NEW.id, NULL,
         'update',
         json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'address', OLD.address,
                    'floors', OLD.floors, 'version', OLD.version, 'created_at', OLD.created_at,
                    'created_by', OLD.created_by, 'updated_at', OLD.updated_at,
                    'updated_by', OLD.updated_by),
         json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'address', NEW.address,
                    'floors', NEW.floors, 'version', NEW.version, 'created_at', NEW.created_at,
                    'created_by', NEW.created_by, 'updated_at', NEW.updated_at,
                    'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER buildings_audit_delete AFTER DELETE ON buildings
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'building',
            OLD.id, NULL,
         'delete',
         json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'address', OLD.address,
                    'floors', OLD.floors, 'version', OLD.version, 'created_at', OLD.created_at,
                    'created_by', OLD.created_by, 'updated_at', OLD.updated_at,
                    'updated_by', OLD.updated_by),
         NULL,
         residesk_audit_job());
END;

CREATE TRIGGER rooms_audit_insert AFTER INSERT ON rooms
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'room',
            NEW.id, NULL,
         'create',
         NULL,
         json_object('id', NEW.id, 'building_id', NEW.building_id, 'number', NEW.number,
                    'floor', NEW.floor, 'type', NEW.type, 'capacity', NEW.capacity,
                    'status', NEW.status, 'version', NEW.version, 'created_at', NEW.created_at,
                    'created_by', NEW.created_by, 'updated_at', NEW.updated_at,
                    'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER rooms_audit_update AFTER UPDATE ON rooms
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'room',
            NEW.id, NULL,
         'update',
         json_object('id', OLD.id, 'building_id', OLD.building_id, 'number', OLD.number,
                    'floor', OLD.floor, 'type', OLD.type, 'capacity', OLD.capacity,
                    'status', OLD.status, 'version', OLD.version, 'created_at', OLD.created_at,
                    'created_by', OLD.created_by, 'updated_at', OLD.updated_at,
                    'updated_by', OLD.updated_by),
         json_object('id', NEW.id, 'building_id', NEW.building_id, 'number', NEW.number,
                    'floor', NEW.floor, 'type', NEW.type, 'capacity', NEW.capacity,
                    'status', NEW.status, 'version', NEW.version, 'created_at', NEW.created_at,
                    'created_by', NEW.created_by, 'updated_at', NEW.updated_at,
                    'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER rooms_audit_delete AFTER DELETE ON rooms
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'room',
            OLD.id, NULL,
         'delete',
         json_object('id', OLD.id, 'building_id', OLD.building_id, 'number', OLD.number,
                    'floor', OLD.floor, 'type', OLD.type, 'capacity', OLD.capacity,
                    'status', OLD.status, 'version', OLD.version, 'created_at', OLD.created_at,
                    'created_by', OLD.created_by, 'updated_at', OLD.updated_at,
                    'updated_by', OLD.updated_by),
         NULL,
         residesk_audit_job());
END;

CREATE TRIGGER residents_audit_insert AFTER INSERT ON residents
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'resident',
            NEW.id, NULL,
         'create',
         NULL,
         json_object('id', NEW.id, 'student_id', NEW.student_id, 'first_name', NEW.first_name,
                    'last_name', NEW.last_name, 'email', NEW.email, 'phone', NEW.phone,
                    'status', NEW.status, 'version', NEW.version, 'created_at', NEW.created_at,
                    'created_by', NEW.created_by, 'updated_at', NEW.updated_at,
                    'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER residents_audit_update AFTER UPDATE ON residents
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'resident',
            NEW.id, NULL,
         'update',
         json_object('id', OLD.id, 'student_id', OLD.student_id, 'first_name', OLD.first_name,
                    'last_name', OLD.last_name, 'email', OLD.email, 'phone', OLD.phone,
                    'status', OLD.status, 'version', OLD.version, 'created_at', OLD.created_at,
                    'created_by', OLD.created_by, 'updated_at', OLD.updated_at,
                    'updated_by', OLD.updated_by),
         json_object('id', NEW.id, 'student_id', NEW.student_id, 'first_name', NEW.first_name,
                    'last_name', NEW.last_name, 'email', NEW.email, 'phone', NEW.phone,
                    'status', NEW.status, 'version', NEW.version, 'created_at', NEW.created_at,
                    'created_by', NEW.created_by, 'updated_at', NEW.updated_at,
                    'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER residents_audit_delete AFTER DELETE ON residents
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'resident',
            OLD.id, NULL,
         'delete',
         json_object('id', OLD.id, 'student_id', OLD.student_id, 'first_name', OLD.first_name,
                    'last_name', OLD.last_name, 'email', OLD.email, 'phone', OLD.phone,
                    'status', OLD.status, 'version', OLD.version, 'created_at', OLD.created_at,
                    'created_by', OLD.created_by, 'updated_at', OLD.updated_at,
                    'updated_by', OLD.updated_by),
         NULL,
         residesk_audit_job());
END;

CREATE TRIGGER allocations_audit_insert AFTER INSERT ON allocations
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'allocation',
            NEW.id, NULL,
         'reserve',
         NULL,
         json_object('id', NEW.id, 'resident_id', NEW.resident_id, 'room_id', NEW.room_id,
                    'starts_on', NEW.starts_on, 'ends_on', NEW.ends_on, 'state', NEW.state,
                    'checked_in_at', NEW.checked_in_at, 'checked_out_at', NEW.checked_out_at,
                    'notes', NEW.notes, 'version', NEW.version, 'created_at', NEW.created_at,
                    'created_by', NEW.created_by, 'updated_at', NEW.updated_at,
                    'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER allocations_audit_update AFTER UPDATE ON allocations
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'allocation',
            NEW.id, NULL,
         CASE OLD.state || '>' || NEW.state
             WHEN 'reserved>checked_in' THEN 'check_in'
             WHEN 'checked_in>checked_out' THEN 'check_out'
             WHEN 'reserved>cancelled' THEN 'cancel'
             WHEN 'checked_in>reserved' THEN 'undo_check_in'
             WHEN 'checked_out>checked_in' THEN 'undo_check_out'
             WHEN 'cancelled>reserved' THEN 'undo_cancel'
             ELSE CASE WHEN OLD.state = NEW.state THEN 'move' ELSE 'transition' END
         END,
         json_object('id', OLD.id, 'resident_id', OLD.resident_id, 'room_id', OLD.room_id,
                    'starts_on', OLD.starts_on, 'ends_on', OLD.ends_on, 'state', OLD.state,
                    'checked_in_at', OLD.checked_in_at, 'checked_out_at', OLD.checked_out_at,
                    'notes', OLD.notes, 'version', OLD.version, 'created_at', OLD.created_at,
                    'created_by', OLD.created_by, 'updated_at', OLD.updated_at,
                    'updated_by', OLD.updated_by),
         json_object('id', NEW.id, 'resident_id', NEW.resident_id, 'room_id', NEW.room_id,
                    'starts_on', NEW.starts_on, 'ends_on', NEW.ends_on, 'state', NEW.state,
                    'checked_in_at', NEW.checked_in_at, 'checked_out_at', NEW.checked_out_at,
                    'notes', NEW.notes, 'version', NEW.version, 'created_at', NEW.created_at,
                    'created_by', NEW.created_by, 'updated_at', NEW.updated_at,
                    'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER allocations_audit_delete AFTER DELETE ON allocations
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'allocation',
            OLD.id, NULL,
         'delete',
         json_object('id', OLD.id, 'resident_id', OLD.resident_id, 'room_id', OLD.room_id,
                    'starts_on', OLD.starts_on, 'ends_on', OLD.ends_on, 'state', OLD.state,
                    'checked_in_at', OLD.checked_in_at, 'checked_out_at', OLD.checked_out_at,
                    'notes', OLD.notes, 'version', OLD.version, 'created_at', OLD.created_at,
                    'created_by', OLD.created_by, 'updated_at', OLD.updated_at,
                    'updated_by', OLD.updated_by),
         NULL,
         residesk_audit_job());
END;

CREATE TRIGGER clients_audit_insert AFTER INSERT ON clients
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'client',
            NEW.id, NULL,
         'create',
         NULL,
         json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'kind', NEW.kind,
                    'email', NEW.email, 'phone', NEW.phone, 'version', NEW.version,
                    'created_at', NEW.created_at, 'created_by', NEW.created_by,
                    'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER clients_audit_update AFTER UPDATE ON clients
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'client',
            NEW.id, NULL,
         'update',
         json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'kind', OLD.kind,
                    'email', OLD.email, 'phone', OLD.phone, 'version', OLD.version,
                    'created_at', OLD.created_at, 'created_by', OLD.created_by,
                    'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
         json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'kind', NEW.kind,
                    'email', NEW.email, 'phone', NEW.phone, 'version', NEW.version,
                    'created_at', NEW.created_at, 'created_by', NEW.created_by,
                    'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER clients_audit_delete AFTER DELETE ON clients
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'client',
            OLD.id, NULL,
         'delete',
         json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'kind', OLD.kind,
                    'email', OLD.email, 'phone', OLD.phone, 'version', OLD.version,
                    'created_at', OLD.created_at, 'created_by', OLD.created_by,
                    'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
         NULL,
         residesk_audit_job());
END;

CREATE TRIGGER protocols_audit_insert AFTER INSERT ON protocols
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'protocol',
            NEW.id, NULL,
         'create',
         NULL,
         json_object('id', NEW.id, 'number', NEW.number, 'number_year', NEW.number_year,
                    'number_seq', NEW.number_seq, 'client_id', NEW.client_id,
                    'species', NEW.species, 'animal_id', NEW.animal_id,
                    'sample_count', NEW.sample_count, 'sample_type', NEW.sample_type,
                    'state', NEW.state, 'submitted_at', NEW.submitted_at,
                    'received_at', NEW.received_at, 'version', NEW.version,
                    'created_at', NEW.created_at, 'created_by', NEW.created_by,
                    'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER protocols_audit_update AFTER UPDATE ON protocols
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'protocol',
            NEW.id, NULL,
         CASE
             WHEN OLD.state = NEW.state THEN 'update'
             WHEN instr('submitted>received>in_analysis>finalized>cancelled', NEW.state)
                  > instr('submitted>received>in_analysis>finalized>cancelled', OLD.state) THEN 'transition'
             ELSE 'restore'
         END,
         json_object('id', OLD.id, 'number', OLD.number, 'number_year', OLD.number_year,
                    'number_seq', OLD.number_seq, 'client_id', OLD.client_id,
                    'species', OLD.species, 'animal_id', OLD.animal_id,
                    'sample_count', OLD.sample_count, 'sample_type', OLD.sample_type,
                    'state', OLD.state, 'submitted_at', OLD.submitted_at,
                    'received_at', OLD.received_at, 'version', OLD.version,
                    'created_at', OLD.created_at, 'created_by', OLD.created_by,
                    'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
         json_object('id', NEW.id, 'number', NEW.number, 'number_year', NEW.number_year,
                    'number_seq', NEW.number_seq, 'client_id', NEW.client_id,
                    'species', NEW.species, 'animal_id', NEW.animal_id,
                    'sample_count', NEW.sample_count, 'sample_type', NEW.sample_type,
                    'state', NEW.state, 'submitted_at', NEW.submitted_at,
                    'received_at', NEW.received_at, 'version', NEW.version,
                    'created_at', NEW.created_at, 'created_by', NEW.created_by,
                    'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER protocols_audit_delete AFTER DELETE ON protocols
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'protocol',
            OLD.id, NULL,
         'delete',
         json_object('id', OLD.id, 'number', OLD.number, 'number_year', OLD.number_year,
                    'number_seq', OLD.number_seq, 'client_id', OLD.client_id,
                    'species', OLD.species, 'animal_id', OLD.animal_id,
                    'sample_count', OLD.sample_count, 'sample_type', OLD.sample_type,
                    'state', OLD.state, 'submitted_at', OLD.submitted_at,
                    'received_at', OLD.received_at, 'version', OLD.version,
                    'created_at', OLD.created_at, 'created_by', OLD.created_by,
                    'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
         NULL,
         residesk_audit_job());
END;

CREATE TRIGGER work_orders_audit_insert AFTER INSERT ON work_orders
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'work_order',
            NEW.id, NULL,
         'create',
         NULL,
         json_object('id', NEW.id, 'protocol_id', NEW.protocol_id, 'assigned_vet', NEW.assigned_vet,
                    'notes', NEW.notes, 'version', NEW.version, 'created_at', NEW.created_at,
                    'created_by', NEW.created_by, 'updated_at', NEW.updated_at,
                    'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER work_orders_audit_update AFTER UPDATE ON work_orders
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'work_order',
            NEW.id, NULL,
         'update',
         json_object('id', OLD.id, 'protocol_id', OLD.protocol_id, 'assigned_vet', OLD.assigned_vet,
                    'notes', OLD.notes, 'version', OLD.version, 'created_at', OLD.created_at,
                    'created_by', OLD.created_by, 'updated_at', OLD.updated_at,
                    'updated_by', OLD.updated_by),
         json_object('id', NEW.id, 'protocol_id', NEW.protocol_id, 'assigned_vet', NEW.assigned_vet,
                    'notes', NEW.notes, 'version', NEW.version, 'created_at', NEW.created_at,
                    'created_by', NEW.created_by, 'updated_at', NEW.updated_at,
                    'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER work_orders_audit_delete AFTER DELETE ON work_orders
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'work_order',
            OLD.id, NULL,
         'delete',
         json_object('id', OLD.id, 'protocol_id', OLD.protocol_id, 'assigned_vet', OLD.assigned_vet,
                    'notes', OLD.notes, 'version', OLD.version, 'created_at', OLD.created_at,
                    'created_by', OLD.created_by, 'updated_at', OLD.updated_at,
                    'updated_by', OLD.updated_by),
         NULL,
         residesk_audit_job());
END;

CREATE TRIGGER work_order_analyses_audit_insert AFTER INSERT ON work_order_analyses
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'work_order_analysis',
            NEW.id, NULL,
         'create',
         NULL,
         json_object('id', NEW.id, 'work_order_id', NEW.work_order_id, 'position', NEW.position,
                    'code', NEW.code, 'name', NEW.name, 'sample', NEW.sample),
         residesk_audit_job());
END;

CREATE TRIGGER work_order_analyses_audit_update AFTER UPDATE ON work_order_analyses
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'work_order_analysis',
            NEW.id, NULL,
         'update',
         json_object('id', OLD.id, 'work_order_id', OLD.work_order_id, 'position', OLD.position,
                    'code', OLD.code, 'name', OLD.name, 'sample', OLD.sample),
         json_object('id', NEW.id, 'work_order_id', NEW.work_order_id, 'position', NEW.position,
                    'code', NEW.code, 'name', NEW.name, 'sample', NEW.sample),
         residesk_audit_job());
END;

CREATE TRIGGER work_order_analyses_audit_delete AFTER DELETE ON work_order_analyses
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'work_order_analysis',
            OLD.id, NULL,
         'delete',
         json_object('id', OLD.id, 'work_order_id', OLD.work_order_id, 'position', OLD.position,
                    'code', OLD.code, 'name', OLD.name, 'sample', OLD.sample),
         NULL,
         residesk_audit_job());
END;

CREATE TRIGGER reports_audit_insert AFTER INSERT ON reports
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'report',
            NEW.id, NULL,
         CASE WHEN NEW.supersedes_id IS NOT NULL THEN 'amend' ELSE 'create' END,
         NULL,
         json_object('id', NEW.id, 'protocol_id', NEW.protocol_id, 'revision', NEW.revision,
                    'state', NEW.state, 'findings', NEW.findings,
                    'supersedes_id', NEW.supersedes_id,
                    'superseded_by_id', NEW.superseded_by_id,
                    'finalizing_job_id', NEW.finalizing_job_id,
                    'finalized_job_id', NEW.finalized_job_id, 'signed_by', NEW.signed_by,
                    'signed_at', NEW.signed_at, 'version', NEW.version,
                    'created_at', NEW.created_at, 'created_by', NEW.created_by,
                    'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER reports_audit_update AFTER UPDATE ON reports
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'report',
            NEW.id, NULL,
         CASE
             WHEN OLD.state = 'draft' AND NEW.state = 'finalized' THEN 'finalize'
             WHEN OLD.superseded_by_id IS NULL AND NEW.superseded_by_id IS NOT NULL THEN 'supersede'
             WHEN OLD.finalizing_job_id IS NULL AND NEW.finalizing_job_id IS NOT NULL THEN 'hold'
             WHEN OLD.finalizing_job_id IS NOT NULL AND NEW.finalizing_job_id IS NULL THEN 'release'
             ELSE 'update'
         END,
         json_object('id', OLD.id, 'protocol_id', OLD.protocol_id, 'revision', OLD.revision,
                    'state', OLD.state, 'findings', OLD.findings,
                    'supersedes_id', OLD.supersedes_id,
                    'superseded_by_id', OLD.superseded_by_id,
                    'finalizing_job_id', OLD.finalizing_job_id,
                    'finalized_job_id', OLD.finalized_job_id, 'signed_by', OLD.signed_by,
                    'signed_at', OLD.signed_at, 'version', OLD.version,
                    'created_at', OLD.created_at, 'created_by', OLD.created_by,
                    'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
         json_object('id', NEW.id, 'protocol_id', NEW.protocol_id, 'revision', NEW.revision,
                    'state', NEW.state, 'findings', NEW.findings,
                    'supersedes_id', NEW.supersedes_id,
                    'superseded_by_id', NEW.superseded_by_id,
                    'finalizing_job_id', NEW.finalizing_job_id,
                    'finalized_job_id', NEW.finalized_job_id, 'signed_by', NEW.signed_by,
                    'signed_at', NEW.signed_at, 'version', NEW.version,
                    'created_at', NEW.created_at, 'created_by', NEW.created_by,
                    'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER reports_audit_delete AFTER DELETE ON reports
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'report',
            OLD.id, NULL,
         'delete',
         json_object('id', OLD.id, 'protocol_id', OLD.protocol_id, 'revision', OLD.revision,
                    'state', OLD.state, 'findings', OLD.findings,
                    'supersedes_id', OLD.supersedes_id,
                    'superseded_by_id', OLD.superseded_by_id,
                    'finalizing_job_id', OLD.finalizing_job_id,
                    'finalized_job_id', OLD.finalized_job_id, 'signed_by', OLD.signed_by,
                    'signed_at', OLD.signed_at, 'version', OLD.version,
                    'created_at', OLD.created_at, 'created_by', OLD.created_by,
                    'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
         NULL,
         residesk_audit_job());
END;

CREATE TRIGGER report_results_audit_insert AFTER INSERT ON report_results
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'report_result',
            NEW.id, NULL,
         'create',
         NULL,
         json_object('id', NEW.id, 'report_id', NEW.report_id, 'position', NEW.position,
                    'analyte', NEW.analyte, 'value', NEW.value, 'unit', NEW.unit,
                    'reference_range', NEW.reference_range, 'flag', NEW.flag),
         residesk_audit_job());
END;

CREATE TRIGGER report_results_audit_update AFTER UPDATE ON report_results
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'report_result',
            NEW.id, NULL,
         'update',
         json_object('id', OLD.id, 'report_id', OLD.report_id, 'position', OLD.position,
                    'analyte', OLD.analyte, 'value', OLD.value, 'unit', OLD.unit,
                    'reference_range', OLD.reference_range, 'flag', OLD.flag),
         json_object('id', NEW.id, 'report_id', NEW.report_id, 'position', NEW.position,
                    'analyte', NEW.analyte, 'value', NEW.value, 'unit', NEW.unit,
                    'reference_range', NEW.reference_range, 'flag', NEW.flag),
         residesk_audit_job());
END;

CREATE TRIGGER report_results_audit_delete AFTER DELETE ON report_results
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'report_result',
            OLD.id, NULL,
         'delete',
         json_object('id', OLD.id, 'report_id', OLD.report_id, 'position', OLD.position,
                    'analyte', OLD.analyte, 'value', OLD.value, 'unit', OLD.unit,
                    'reference_range', OLD.reference_range, 'flag', OLD.flag),
         NULL,
         residesk_audit_job());
END;

CREATE TRIGGER people_audit_insert AFTER INSERT ON people
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'person',
            0, NEW.login,
         'create',
         NULL,
         json_object('login', NEW.login, 'full_name', NEW.full_name, 'title', NEW.title,
                    'email', NEW.email, 'created_at', NEW.created_at,
                    'updated_at', NEW.updated_at),
         residesk_audit_job());
END;

CREATE TRIGGER people_audit_update AFTER UPDATE ON people
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'person',
            0, NEW.login,
         'update',
         json_object('login', OLD.login, 'full_name', OLD.full_name, 'title', OLD.title,
                    'email', OLD.email, 'created_at', OLD.created_at,
                    'updated_at', OLD.updated_at),
         json_object('login', NEW.login, 'full_name', NEW.full_name, 'title', NEW.title,
                    'email', NEW.email, 'created_at', NEW.created_at,
                    'updated_at', NEW.updated_at),
         residesk_audit_job());
END;

CREATE TRIGGER people_audit_delete AFTER DELETE ON people
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'person',
            0, OLD.login,
         'delete',
         json_object('login', OLD.login, 'full_name', OLD.full_name, 'title', OLD.title,
                    'email', OLD.email, 'created_at', OLD.created_at,
                    'updated_at', OLD.updated_at),
         NULL,
         residesk_audit_job());
END;
