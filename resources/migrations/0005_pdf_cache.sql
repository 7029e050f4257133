-- The shared PDF cache (tasks/pdf/pdfcache.h): rendered PDFs keyed by what produced
-- them, so that a desktop that has not rendered a document yet copies it from here
-- instead of rendering it. Rows are insert-only: a changed entity or template gives a
-- new cache_key and a new row, and the older rows of that entity are deleted in the
-- same transaction; only last_used_at changes afterwards (bookkeeping for pruning),
-- which is why the table carries no optimistic-locking version.
-- Times are milliseconds since the epoch (UTC).

CREATE TABLE pdf_cache (
    id {{ID}},
    cache_key VARCHAR(200) NOT NULL,
    entity VARCHAR(50) NOT NULL,
    entity_id BIGINT NOT NULL,
    content_version BIGINT NOT NULL,
    template_version INTEGER NOT NULL,
    content {{BLOB}} NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    size BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL,
    CONSTRAINT pdf_cache_key_unique UNIQUE (cache_key),
    CONSTRAINT pdf_cache_entity_required CHECK (length(entity) > 0),
    CONSTRAINT pdf_cache_versions_valid CHECK (entity_id >= 0 AND content_version >= 0 AND template_version >= 0),
    CONSTRAINT pdf_cache_sha256_valid CHECK (length(sha256) = 64),
    CONSTRAINT pdf_cache_size_valid CHECK (size > 0 AND size = length(content))
);

-- "The other keys of this entity" on every store and invalidation.
CREATE INDEX pdf_cache_entity ON pdf_cache (entity, entity_id);
-- Pruning of rows nobody opened for a long time.
CREATE INDEX pdf_cache_last_used ON pdf_cache (last_used_at);
