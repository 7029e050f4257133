-- Registrar sync on the embedded file: the audit triggers of its settings and flags
-- (the state is the job's own bookkeeping, like the jobs table); see 0012_audit.sqlite.sql.

CREATE TRIGGER registrar_sync_settings_audit_insert AFTER INSERT ON registrar_sync_settings
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'registrar_sync_settings',
            NEW.id, NULL, 'create',
            NULL,
            json_object('id', NEW.id, 'url', NEW.url, 'auth', NEW.auth, 'username', NEW.username, 'schedule', NEW.schedule, 'timeout_seconds', NEW.timeout_seconds, 'version', NEW.version, 'updated_at', NEW.updated_at),
            residesk_audit_job());
END;

CREATE TRIGGER registrar_sync_settings_audit_update AFTER UPDATE ON registrar_sync_settings
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'registrar_sync_settings',
            NEW.id, NULL, 'update',
            json_object('id', OLD.id, 'url', OLD.url, 'auth', OLD.auth, 'username', OLD.username, 'schedule', OLD.schedule, 'timeout_seconds', OLD.timeout_seconds, 'version', OLD.version, 'updated_at', OLD.updated_at),
            json_object('id', NEW.id, 'url', NEW.url, 'auth', NEW.auth, 'username', NEW.username, 'schedule', NEW.schedule, 'timeout_seconds', NEW.timeout_seconds, 'version', NEW.version, 'updated_at', NEW.updated_at),
            residesk_audit_job());
END;

CREATE TRIGGER registrar_sync_settings_audit_delete AFTER DELETE ON registrar_sync_settings
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'registrar_sync_settings',
            OLD.id, NULL, 'delete',
            json_object('id', OLD.id, 'url', OLD.url, 'auth', OLD.auth, 'username', OLD.username, 'schedule', OLD.schedule, 'timeout_seconds', OLD.timeout_seconds, 'version', OLD.version, 'updated_at', OLD.updated_at),
            NULL,
            residesk_audit_job());
END;

CREATE TRIGGER registrar_flags_audit_insert AFTER INSERT ON registrar_flags
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'registrar_flag',
            NEW.id, NULL, 'create',
            NULL,
            json_object('id', NEW.id, 'resident_id', NEW.resident_id, 'flagged_at', NEW.flagged_at, 'job_id', NEW.job_id, 'reviewed_at', NEW.reviewed_at, 'reviewed_by', NEW.reviewed_by),
            residesk_audit_job());
END;

CREATE TRIGGER registrar_flags_audit_update AFTER UPDATE ON registrar_flags
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'registrar_flag',
            NEW.id, NULL, 'update',
            json_object('id', OLD.id, 'resident_id', OLD.resident_id, 'flagged_at', OLD.flagged_at, 'job_id', OLD.job_id, 'reviewed_at', OLD.reviewed_at, 'reviewed_by', OLD.reviewed_by),
            json_object('id', NEW.id, 'resident_id', NEW.resident_id, 'flagged_at', NEW.flagged_at, 'job_id', NEW.job_id, 'reviewed_at', NEW.reviewed_at, 'reviewed_by', NEW.reviewed_by),
            residesk_audit_job());
END;

CREATE TRIGGER registrar_flags_audit_delete AFTER DELETE ON registrar_flags
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'registrar_flag',
            OLD.id, NULL, 'delete',
            json_object('id', OLD.id, 'resident_id', OLD.resident_id, 'flagged_at', OLD.flagged_at, 'job_id', OLD.job_id, 'reviewed_at', OLD.reviewed_at, 'reviewed_by', OLD.reviewed_by),
            NULL,
            residesk_audit_job());
END;
