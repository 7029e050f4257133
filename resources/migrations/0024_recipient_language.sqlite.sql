-- SQLite: the audit triggers of the tables that gained a column spell their rows out
-- column by column (0012_audit.sqlite.sql), so they are made again with it: language on
-- residents, clients and technicians, and on residents also contact_by, which 0023 added
-- without remaking them.

DROP TRIGGER residents_audit_insert;
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
                    'updated_by', NEW.updated_by, 'contact_by', NEW.contact_by, 'language', NEW.language),
         residesk_audit_job());
END;

DROP TRIGGER residents_audit_update;
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
                    'updated_by', OLD.updated_by, 'contact_by', OLD.contact_by, 'language', OLD.language),
         json_object('id', NEW.id, 'student_id', NEW.student_id, 'first_name', NEW.first_name,
                    'last_name', NEW.last_name, 'email', NEW.email, 'phone', NEW.phone,
                    'status', NEW.status, 'version', NEW.version, 'created_at', NEW.created_at,
                    'created_by', NEW.created_by, 'updated_at', NEW.updated_at,
                    'updated_by', NEW.updated_by, 'contact_by', NEW.contact_by, 'language', NEW.language),
         residesk_audit_job());
END;

DROP TRIGGER residents_audit_delete;
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
                    'updated_by', OLD.updated_by, 'contact_by', OLD.contact_by, 'language', OLD.language),
         NULL,
         residesk_audit_job());
END;

DROP TRIGGER clients_audit_insert;
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
                    'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'language', NEW.language),
         residesk_audit_job());
END;

DROP TRIGGER clients_audit_update;
CREATE TRIGGER clients_audit_update AFTER UPDATE ON clients
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'client',
            NEW.id, NULL,
         'update',
         json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'kind', OLD.kind,
                    'email', OLD.email, 'phone', OLD.phone, 'version', OLD.version,
                    'created_at', OLD.created_at, 'created_by', OLD.created_by,
                    'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'language', OLD.language),
         json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'kind', NEW.kind,
                    'email', NEW.email, 'phone', NEW.phone, 'version', NEW.version,
                    'created_at', NEW.created_at, 'created_by', NEW.created_by,
                    'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'language', NEW.language),
         residesk_audit_job());
END;

DROP TRIGGER clients_audit_delete;
CREATE TRIGGER clients_audit_delete AFTER DELETE ON clients
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'client',
            OLD.id, NULL,
         'delete',
         json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'kind', OLD.kind,
                    'email', OLD.email, 'phone', OLD.phone, 'version', OLD.version,
                    'created_at', OLD.created_at, 'created_by', OLD.created_by,
                    'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'language', OLD.language),
         NULL,
         residesk_audit_job());
END;

DROP TRIGGER maintenance_technicians_audit_insert;
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
            'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'language', NEW.language),
            residesk_audit_job());
END;

DROP TRIGGER maintenance_technicians_audit_update;
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
            'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'language', OLD.language),
            json_object('id', NEW.id, 'name', NEW.name, 'email', NEW.email, 'skills', NEW.skills,
            'working_days', NEW.working_days, 'day_starts', NEW.day_starts,
            'day_ends', NEW.day_ends, 'active', NEW.active, 'version', NEW.version,
            'created_at', NEW.created_at, 'created_by', NEW.created_by,
            'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'language', NEW.language),
            residesk_audit_job());
END;

DROP TRIGGER maintenance_technicians_audit_delete;
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
            'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'language', OLD.language),
            NULL,
            residesk_audit_job());
END;
