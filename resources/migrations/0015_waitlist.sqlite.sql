-- SQLite: the audit triggers of the waitlist and deposit tables (see 0012_audit.sql and
-- 0012_audit.sqlite.sql for what a row holds and why the columns are spelled out).

CREATE TRIGGER waitlist_entries_audit_insert AFTER INSERT ON waitlist_entries
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'waitlist_entry',
            NEW.id, NULL,
         'create',
         NULL,
         json_object('id', NEW.id, 'resident_id', NEW.resident_id, 'building_id', NEW.building_id,
                    'room_type', NEW.room_type, 'state', NEW.state, 'joined_at', NEW.joined_at,
                    'left_at', NEW.left_at, 'notes', NEW.notes, 'version', NEW.version,
                    'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at,
                    'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER waitlist_entries_audit_update AFTER UPDATE ON waitlist_entries
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'waitlist_entry',
            NEW.id, NULL,
         'update',
         json_object('id', OLD.id, 'resident_id', OLD.resident_id, 'building_id', OLD.building_id,
                    'room_type', OLD.room_type, 'state', OLD.state, 'joined_at', OLD.joined_at,
                    'left_at', OLD.left_at, 'notes', OLD.notes, 'version', OLD.version,
                    'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at,
                    'updated_by', OLD.updated_by),
         json_object('id', NEW.id, 'resident_id', NEW.resident_id, 'building_id', NEW.building_id,
                    'room_type', NEW.room_type, 'state', NEW.state, 'joined_at', NEW.joined_at,
                    'left_at', NEW.left_at, 'notes', NEW.notes, 'version', NEW.version,
                    'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at,
                    'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER waitlist_entries_audit_delete AFTER DELETE ON waitlist_entries
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'waitlist_entry',
            OLD.id, NULL,
         'delete',
         json_object('id', OLD.id, 'resident_id', OLD.resident_id, 'building_id', OLD.building_id,
                    'room_type', OLD.room_type, 'state', OLD.state, 'joined_at', OLD.joined_at,
                    'left_at', OLD.left_at, 'notes', OLD.notes, 'version', OLD.version,
                    'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at,
                    'updated_by', OLD.updated_by),
         NULL,
         residesk_audit_job());
END;

CREATE TRIGGER waitlist_offers_audit_insert AFTER INSERT ON waitlist_offers
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'waitlist_offer',
            NEW.id, NULL,
         'create',
         NULL,
         json_object('id', NEW.id, 'entry_id', NEW.entry_id, 'room_id', NEW.room_id, 'starts_on', NEW.starts_on,
                    'ends_on', NEW.ends_on, 'state', NEW.state, 'offered_at', NEW.offered_at,
                    'deadline_at', NEW.deadline_at, 'answered_at', NEW.answered_at,
                    'allocation_id', NEW.allocation_id, 'job_id', NEW.job_id, 'version', NEW.version,
                    'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at,
                    'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER waitlist_offers_audit_update AFTER UPDATE ON waitlist_offers
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'waitlist_offer',
            NEW.id, NULL,
         'update',
         json_object('id', OLD.id, 'entry_id', OLD.entry_id, 'room_id', OLD.room_id, 'starts_on', OLD.starts_on,
                    'ends_on', OLD.ends_on, 'state', OLD.state, 'offered_at', OLD.offered_at,
                    'deadline_at', OLD.deadline_at, 'answered_at', OLD.answered_at,
                    'allocation_id', OLD.allocation_id, 'job_id', OLD.job_id, 'version', OLD.version,
                    'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at,
                    'updated_by', OLD.updated_by),
         json_object('id', NEW.id, 'entry_id', NEW.entry_id, 'room_id', NEW.room_id, 'starts_on', NEW.starts_on,
                    'ends_on', NEW.ends_on, 'state', NEW.state, 'offered_at', NEW.offered_at,
                    'deadline_at', NEW.deadline_at, 'answered_at', NEW.answered_at,
                    'allocation_id', NEW.allocation_id, 'job_id', NEW.job_id, 'version', NEW.version,
                    'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at,
                    'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER waitlist_offers_audit_delete AFTER DELETE ON waitlist_offers
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'waitlist_offer',
            OLD.id, NULL,
         'delete',
         json_object('id', OLD.id, 'entry_id', OLD.entry_id, 'room_id', OLD.room_id, 'starts_on', OLD.starts_on,
                    'ends_on', OLD.ends_on, 'state', OLD.state, 'offered_at', OLD.offered_at,
                    'deadline_at', OLD.deadline_at, 'answered_at', OLD.answered_at,
                    'allocation_id', OLD.allocation_id, 'job_id', OLD.job_id, 'version', OLD.version,
                    'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at,
                    'updated_by', OLD.updated_by),
         NULL,
         residesk_audit_job());
END;

CREATE TRIGGER allocation_deposits_audit_insert AFTER INSERT ON allocation_deposits
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'deposit',
            NEW.id, NULL,
         'create',
         NULL,
         json_object('id', NEW.id, 'allocation_id', NEW.allocation_id, 'state', NEW.state,
                    'required_cents', NEW.required_cents, 'paid_cents', NEW.paid_cents, 'paid_on', NEW.paid_on,
                    'reference', NEW.reference, 'version', NEW.version, 'created_at', NEW.created_at,
                    'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER allocation_deposits_audit_update AFTER UPDATE ON allocation_deposits
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'deposit',
            NEW.id, NULL,
         'update',
         json_object('id', OLD.id, 'allocation_id', OLD.allocation_id, 'state', OLD.state,
                    'required_cents', OLD.required_cents, 'paid_cents', OLD.paid_cents, 'paid_on', OLD.paid_on,
                    'reference', OLD.reference, 'version', OLD.version, 'created_at', OLD.created_at,
                    'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
         json_object('id', NEW.id, 'allocation_id', NEW.allocation_id, 'state', NEW.state,
                    'required_cents', NEW.required_cents, 'paid_cents', NEW.paid_cents, 'paid_on', NEW.paid_on,
                    'reference', NEW.reference, 'version', NEW.version, 'created_at', NEW.created_at,
                    'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by),
         residesk_audit_job());
END;

CREATE TRIGGER allocation_deposits_audit_delete AFTER DELETE ON allocation_deposits
BEGIN
    INSERT INTO audit_entries (at, username, session_login, entity, entity_id, record_key, action, before, after, job_id)
    VALUES (CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER), residesk_audit_person(), residesk_audit_person(), 'deposit',
            OLD.id, NULL,
         'delete',
         json_object('id', OLD.id, 'allocation_id', OLD.allocation_id, 'state', OLD.state,
                    'required_cents', OLD.required_cents, 'paid_cents', OLD.paid_cents, 'paid_on', OLD.paid_on,
                    'reference', OLD.reference, 'version', OLD.version, 'created_at', OLD.created_at,
                    'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
         NULL,
         residesk_audit_job());
END;
