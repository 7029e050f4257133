-- The e-mail outbox: every e-mail Residesk sends is first a row here, written in the
-- same transaction as the change that asked for it, and sent later by the mail.send
-- job (tasks/mail). The protocol that keeps each e-mail to at most one delivery is
-- described in tasks/mail/outbox.h. Times are milliseconds since the epoch (UTC).

CREATE TABLE outbox_emails (
    id {{ID}},
    -- The caller's idempotence key ("report-finalized/42/r2"): a second enqueue with the
    -- same key finds this row and writes nothing. NULL: no deduplication.
    dedupe_key VARCHAR(300),
    to_address VARCHAR(320) NOT NULL,
    to_name VARCHAR(200) NOT NULL DEFAULT '',
    -- NULL: the sender configured in the mail settings when it is sent.
    from_address VARCHAR(320),
    from_name VARCHAR(200),
    subject VARCHAR(998) NOT NULL,
    body_text TEXT NOT NULL,
    state VARCHAR(16) NOT NULL DEFAULT 'queued',
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL DEFAULT 8,
    next_attempt_at BIGINT NOT NULL,
    -- The last failure, with the SMTP server's reply when there was one.
    last_error TEXT NOT NULL DEFAULT '',
    -- The server's reply that accepted the message ("250 2.0.0 Ok: queued as …").
    server_reply TEXT NOT NULL DEFAULT '',
    -- Generated at enqueue and stable across attempts: "<uuid@residesk.local>".
    message_id VARCHAR(300) NOT NULL,
    -- A drain's claim on a queued row (a batch it is about to work through).
    claim_owner VARCHAR(200),
    claim_expires_at BIGINT,
    -- Who is talking to the server about this e-mail right now (state 'sending'): the
    -- worker and the mail.send job whose lease covers the attempt.
    sending_owner VARCHAR(200),
    sending_job_id BIGINT,
    sending_started_at BIGINT,
    sent_at BIGINT,
    -- A person's decision on an uncertain e-mail: 'marked_sent' or 'resent'.
    resolution VARCHAR(16),
    resolved_by VARCHAR(100),
    resolved_at BIGINT,
    related_entity VARCHAR(100) NOT NULL DEFAULT '',
    related_id BIGINT,
    created_by VARCHAR(100) NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT outbox_emails_state_known CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'uncertain')),
    CONSTRAINT outbox_emails_to_required CHECK (length(to_address) > 0),
    CONSTRAINT outbox_emails_attempts_valid CHECK (attempts >= 0 AND max_attempts >= 1),
    CONSTRAINT outbox_emails_sending_owned CHECK (state <> 'sending' OR (sending_owner IS NOT NULL AND sending_started_at IS NOT NULL)),
    CONSTRAINT outbox_emails_sent_at CHECK (state <> 'sent' OR sent_at IS NOT NULL),
    CONSTRAINT outbox_emails_resolution_known CHECK (resolution IS NULL OR resolution IN ('marked_sent', 'resent'))
);

CREATE UNIQUE INDEX outbox_emails_dedupe_key ON outbox_emails (dedupe_key);
CREATE UNIQUE INDEX outbox_emails_message_id ON outbox_emails (message_id);
-- The drain: due queued e-mails, oldest first.
CREATE INDEX outbox_emails_due ON outbox_emails (next_attempt_at, id) WHERE state = 'queued';
-- In-flight e-mails, checked for a dead owner at every drain.
CREATE INDEX outbox_emails_sending ON outbox_emails (sending_job_id) WHERE state = 'sending';
-- The list: filtered by state, newest first.
CREATE INDEX outbox_emails_state ON outbox_emails (state, id);
CREATE INDEX outbox_emails_related ON outbox_emails (related_entity, related_id);

CREATE TABLE outbox_attachments (
    id {{ID}},
    email_id BIGINT NOT NULL REFERENCES outbox_emails (id) ON DELETE CASCADE,
    filename VARCHAR(255) NOT NULL,
    mime_type VARCHAR(100) NOT NULL DEFAULT 'application/octet-stream',
    content {{BLOB}} NOT NULL,
    size_bytes BIGINT NOT NULL,
    CONSTRAINT outbox_attachments_filename_required CHECK (length(filename) > 0)
);

CREATE INDEX outbox_attachments_email ON outbox_attachments (email_id);
