-- Room booking: waitlists per building and room type, offers of freed beds, and
-- deposits on reservations (models/housing/waitlist, models/housing/allocation).
--
--  - waitlist_entries: a resident waiting for a bed of one room type in one building.
--    The order is by joined_at (ms since the epoch), then id. A resident is on a list
--    at most once while waiting or holding an offer (partial unique index); an entry
--    that left the list (placed, declined, expired, removed) stays on record.
--  - waitlist_offers: a freed bed (room, days [starts_on, ends_on), NULL ends_on is
--    open-ended) offered to the first waiting entry, with a deadline (ms since the
--    epoch). pending → accepted (allocation_id: the reservation it became) / declined /
--    expired / withdrawn. At most one pending offer per entry, one offer per
--    waitlist.offer job (exactly once when the job runs again).
--  - allocation_deposits: the deposit a reservation requires (amounts in cents):
--    required → paid (amount, day, reference) or waived (administrators only, enforced
--    on PostgreSQL by a trigger). Check-in is refused while a deposit is required.

CREATE TABLE waitlist_entries (
    id {{ID}},
    resident_id BIGINT NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
    building_id BIGINT NOT NULL REFERENCES buildings (id) ON DELETE CASCADE,
    room_type VARCHAR(16) NOT NULL,
    state VARCHAR(16) NOT NULL DEFAULT 'waiting',
    joined_at BIGINT NOT NULL,
    left_at BIGINT,
    notes VARCHAR(1000) NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    created_by VARCHAR(100) NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    updated_by VARCHAR(100) NOT NULL,
    CONSTRAINT waitlist_entries_type_valid CHECK (room_type IN ('single', 'double', 'triple', 'suite', 'studio')),
    CONSTRAINT waitlist_entries_state_valid
        CHECK (state IN ('waiting', 'offered', 'placed', 'declined', 'expired', 'removed')),
    CONSTRAINT waitlist_entries_left_at CHECK ((state IN ('waiting', 'offered')) = (left_at IS NULL)),
    CONSTRAINT waitlist_entries_version_positive CHECK (version >= 1)
);

CREATE UNIQUE INDEX waitlist_entries_once ON waitlist_entries (building_id, room_type, resident_id)
    WHERE state IN ('waiting', 'offered');
CREATE INDEX waitlist_entries_order ON waitlist_entries (building_id, room_type, state, joined_at, id);
CREATE INDEX waitlist_entries_resident ON waitlist_entries (resident_id);

CREATE TABLE waitlist_offers (
    id {{ID}},
    entry_id BIGINT NOT NULL REFERENCES waitlist_entries (id) ON DELETE CASCADE,
    room_id BIGINT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    starts_on DATE NOT NULL,
    ends_on DATE,
    state VARCHAR(16) NOT NULL DEFAULT 'pending',
    offered_at BIGINT NOT NULL,
    deadline_at BIGINT NOT NULL,
    answered_at BIGINT,
    allocation_id BIGINT REFERENCES allocations (id) ON DELETE SET NULL,
    job_id BIGINT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    created_by VARCHAR(100) NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    updated_by VARCHAR(100) NOT NULL,
    CONSTRAINT waitlist_offers_state_valid
        CHECK (state IN ('pending', 'accepted', 'declined', 'expired', 'withdrawn')),
    CONSTRAINT waitlist_offers_dates_ordered CHECK (ends_on IS NULL OR ends_on > starts_on),
    CONSTRAINT waitlist_offers_deadline CHECK (deadline_at > offered_at),
    CONSTRAINT waitlist_offers_answered_at CHECK ((state = 'pending') = (answered_at IS NULL)),
    CONSTRAINT waitlist_offers_version_positive CHECK (version >= 1)
);

CREATE UNIQUE INDEX waitlist_offers_one_pending ON waitlist_offers (entry_id) WHERE state = 'pending';
CREATE UNIQUE INDEX waitlist_offers_job ON waitlist_offers (job_id) WHERE job_id IS NOT NULL;
CREATE INDEX waitlist_offers_due ON waitlist_offers (state, deadline_at);
CREATE INDEX waitlist_offers_room ON waitlist_offers (room_id, state);
CREATE INDEX waitlist_offers_allocation ON waitlist_offers (allocation_id);

CREATE TABLE allocation_deposits (
    id {{ID}},
    allocation_id BIGINT NOT NULL REFERENCES allocations (id) ON DELETE CASCADE,
    state VARCHAR(16) NOT NULL DEFAULT 'required',
    required_cents BIGINT NOT NULL,
    paid_cents BIGINT,
    paid_on DATE,
    reference VARCHAR(100),
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    created_by VARCHAR(100) NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    updated_by VARCHAR(100) NOT NULL,
    CONSTRAINT allocation_deposits_one UNIQUE (allocation_id),
    CONSTRAINT allocation_deposits_state_valid CHECK (state IN ('required', 'paid', 'waived')),
    CONSTRAINT allocation_deposits_amount_positive CHECK (required_cents > 0),
    CONSTRAINT allocation_deposits_paid
        CHECK ((state = 'paid') = (paid_cents IS NOT NULL AND paid_on IS NOT NULL AND reference IS NOT NULL)),
    CONSTRAINT allocation_deposits_paid_enough CHECK (paid_cents IS NULL OR paid_cents >= required_cents),
    CONSTRAINT allocation_deposits_version_positive CHECK (version >= 1)
);
