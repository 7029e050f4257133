-- Text messages (SMS) beside e-mail: how each resident wants to be reached, and the SMS
-- outbox, which the sms.send job drains through an HTTP gateway (tasks/sms). The
-- outbox keeps the e-mail outbox's protocol (0004, tasks/mail/outbox.h): each message
-- at most once across crashes, an attempt whose outcome is unknown 'uncertain' until a
-- person decides. Times are milliseconds since the epoch (UTC).

-- Existing residents keep e-mail. Phone numbers already stored are left as they are;
-- new writes store E.164 (models/core/phonenumber.h).
ALTER TABLE residents ADD COLUMN contact_by VARCHAR(8) NOT NULL DEFAULT 'email'
    CONSTRAINT residents_contact_by_known CHECK (contact_by IN ('email', 'sms', 'both'));

CREATE TABLE sms_outbox (
    id {{ID}},
    -- The caller's idempotence key ("mailing/<key>/resident/42/sms"): a second enqueue
    -- with the same key finds this row and writes nothing. NULL: no deduplication.
    dedupe_key VARCHAR(300),
    -- E.164, checked by libphonenumber before the row is written.
    to_number VARCHAR(16) NOT NULL,
    to_name VARCHAR(200) NOT NULL DEFAULT '',
    body_text TEXT NOT NULL,
    state VARCHAR(16) NOT NULL DEFAULT 'queued',
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL DEFAULT 8,
    next_attempt_at BIGINT NOT NULL,
    -- The last failure, with the gateway's status and answer when there was one.
    last_error TEXT NOT NULL DEFAULT '',
    -- The gateway's answer that accepted the message ("HTTP 200: {"sid": …}").
    gateway_reply TEXT NOT NULL DEFAULT '',
    claim_owner VARCHAR(200),
    claim_expires_at BIGINT,
    -- Who is talking to the gateway about this message right now (state 'sending'): the
    -- worker and the sms.send job whose lease covers the attempt.
    sending_owner VARCHAR(200),
    sending_job_id BIGINT,
    sending_started_at BIGINT,
    sent_at BIGINT,
    resolution VARCHAR(16),
    resolved_by VARCHAR(100),
    resolved_at BIGINT,
    related_entity VARCHAR(100) NOT NULL DEFAULT '',
    related_id BIGINT,
    created_by VARCHAR(100) NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT sms_outbox_state_known CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'uncertain')),
    CONSTRAINT sms_outbox_to_e164 CHECK (length(to_number) BETWEEN 3 AND 16 AND substr(to_number, 1, 1) = '+'),
    CONSTRAINT sms_outbox_attempts_valid CHECK (attempts >= 0 AND max_attempts >= 1),
    CONSTRAINT sms_outbox_sending_owned CHECK (state <> 'sending' OR (sending_owner IS NOT NULL AND sending_started_at IS NOT NULL)),
    CONSTRAINT sms_outbox_sent_at CHECK (state <> 'sent' OR sent_at IS NOT NULL),
    CONSTRAINT sms_outbox_resolution_known CHECK (resolution IS NULL OR resolution IN ('marked_sent', 'resent'))
);

CREATE UNIQUE INDEX sms_outbox_dedupe_key ON sms_outbox (dedupe_key);
CREATE INDEX sms_outbox_due ON sms_outbox (next_attempt_at, id) WHERE state = 'queued';
CREATE INDEX sms_outbox_sending ON sms_outbox (sending_job_id) WHERE state = 'sending';
CREATE INDEX sms_outbox_state ON sms_outbox (state, id);
CREATE INDEX sms_outbox_related ON sms_outbox (related_entity, related_id);
