-- Events between the processes on one SQLite file (tasks/events.h): a window, a
-- `residesk worker` and a `residesk import` run by hand. PostgreSQL delivers events
-- with LISTEN/NOTIFY and leaves this table empty.
-- A records-changed or notification event is one row, written on the publisher's
-- connection (in its transaction, when it has one, so that a rollback takes it back
-- as it does a NOTIFY). Each EventBus reads the rows after the last one it saw, about
-- once a second, and skips those of its own origin (they were delivered in-process).
-- Readers delete rows older than an hour. Times are ms since the epoch (UTC).
CREATE TABLE change_feed (
    id {{ID}},
    origin VARCHAR(64) NOT NULL,
    payload TEXT NOT NULL,
    at BIGINT NOT NULL
);

CREATE INDEX change_feed_at ON change_feed (at);
