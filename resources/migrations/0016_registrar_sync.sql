-- Registrar sync (residents.sync): where the registrar's resident export is fetched
-- from, what the last applied copy was, and the residents it no longer lists.
-- Times are milliseconds since the epoch (UTC), as in the jobs tables.

-- The one place the office's sync is configured (id 1): the export's URL, the kind of
-- authentication and its user name (the secret is in the keychain, never here), the
-- schedule (a cron expression; empty: by hand only) and the request timeout.
CREATE TABLE registrar_sync_settings (
    id INTEGER NOT NULL PRIMARY KEY,
    url VARCHAR(2000) NOT NULL DEFAULT '',
    auth VARCHAR(16) NOT NULL DEFAULT 'none',
    username VARCHAR(200) NOT NULL DEFAULT '',
    schedule VARCHAR(100) NOT NULL DEFAULT '',
    timeout_seconds INTEGER NOT NULL DEFAULT 60,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT registrar_sync_settings_single CHECK (id = 1),
    CONSTRAINT registrar_sync_settings_auth_known CHECK (auth IN ('none', 'basic', 'bearer')),
    CONSTRAINT registrar_sync_settings_timeout_valid CHECK (timeout_seconds BETWEEN 1 AND 3600)
);

-- The last copy of an export that was applied completely, per URL: the server's
-- validators (sent back as If-None-Match / If-Modified-Since) and the body's SHA-256
-- (a server without validators that sends the same bytes again changes nothing
-- either). Written only when a changed file was applied: an unchanged one writes
-- nothing at all.
CREATE TABLE registrar_sync_state (
    url VARCHAR(2000) NOT NULL PRIMARY KEY,
    etag VARCHAR(1000) NOT NULL DEFAULT '',
    last_modified VARCHAR(100) NOT NULL DEFAULT '',
    sha256 VARCHAR(64) NOT NULL DEFAULT '',
    rows BIGINT NOT NULL DEFAULT 0,
    applied_at BIGINT NOT NULL,
    job_id BIGINT
);

-- Residents the last applied export did not list, for staff to review; nothing else
-- about them changes. A reviewed flag stays (reviewed_at) until the resident is listed
-- again, which removes it; a later absence flags the resident anew.
CREATE TABLE registrar_flags (
    id {{ID}},
    resident_id BIGINT NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
    flagged_at BIGINT NOT NULL,
    job_id BIGINT,
    reviewed_at BIGINT,
    reviewed_by VARCHAR(100),
    CONSTRAINT registrar_flags_resident_unique UNIQUE (resident_id)
);
