-- Room allocations: which resident has a bed in which room, for which days.
-- The stay is the half-open interval [starts_on, ends_on): ends_on is the day the bed is
-- free again (the check-out day); NULL is open-ended. Only reserved and checked-in
-- allocations hold a bed. That a room's capacity is never exceeded on any day (for any
-- capacity) and that a resident holds at most one bed per day is checked by
-- AllocationRepository while it holds the room's and the resident's row locks
-- (PostgreSQL: SELECT ... FOR UPDATE; SQLite: the BEGIN IMMEDIATE write transaction);
-- the table keeps the rest: dates in order, known states, times that match the state.

CREATE TABLE allocations (
    id {{ID}},
    resident_id BIGINT NOT NULL REFERENCES residents (id) ON DELETE RESTRICT,
    room_id BIGINT NOT NULL REFERENCES rooms (id) ON DELETE RESTRICT,
    starts_on DATE NOT NULL,
    ends_on DATE,
    state VARCHAR(16) NOT NULL DEFAULT 'reserved',
    checked_in_at {{TIMESTAMP}},
    checked_out_at {{TIMESTAMP}},
    notes VARCHAR(1000) NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    created_by VARCHAR(100) NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    updated_by VARCHAR(100) NOT NULL,
    CONSTRAINT allocations_dates_ordered CHECK (ends_on IS NULL OR ends_on > starts_on),
    CONSTRAINT allocations_state_valid CHECK (state IN ('reserved', 'checked_in', 'checked_out', 'cancelled')),
    CONSTRAINT allocations_checked_in_at CHECK ((state IN ('checked_in', 'checked_out')) = (checked_in_at IS NOT NULL)),
    CONSTRAINT allocations_checked_out_at CHECK ((state = 'checked_out') = (checked_out_at IS NOT NULL)),
    CONSTRAINT allocations_version_positive CHECK (version >= 1)
);

CREATE INDEX allocations_room_idx ON allocations (room_id, starts_on);
CREATE INDEX allocations_resident_idx ON allocations (resident_id, starts_on);
CREATE INDEX allocations_state_idx ON allocations (state, starts_on);
