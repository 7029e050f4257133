-- Text messages on PostgreSQL: the SMS outbox is shared like the e-mail outbox (0011):
-- everybody who may queue a message writes it, any engine may run its drain, and the
-- creator is the acting role. The residents' new column is covered by the table-wide
-- grants on residents (0011).

REVOKE ALL ON sms_outbox FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON sms_outbox TO residesk_admin, residesk_housing, residesk_vet, residesk_worker;
GRANT DELETE ON sms_outbox TO residesk_admin, residesk_worker;

CREATE TRIGGER sms_outbox_stamp_creator BEFORE INSERT OR UPDATE ON sms_outbox
    FOR EACH ROW EXECUTE FUNCTION residesk_stamp_creator();

INSERT INTO job_kind_roles (kind, role) VALUES
    ('sms.send', 'residesk_housing'),
    ('sms.send', 'residesk_vet'),
    ('sms.send', 'residesk_admin'),
    ('sms.send', 'residesk_worker');
