-- Housing records: buildings, rooms, residents.
-- Placeholders ({{ID}}, {{TIMESTAMP}}, {{NOW}}, {{BLOB}}) are replaced per database by models/db/dialect.cpp.
-- Statements end with a semicolon at the end of a line.

CREATE TABLE buildings (
    id {{ID}},
    code VARCHAR(16) NOT NULL,
    name VARCHAR(200) NOT NULL,
    address VARCHAR(400) NOT NULL DEFAULT '',
    floors INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    created_by VARCHAR(100) NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    updated_by VARCHAR(100) NOT NULL,
    CONSTRAINT buildings_code_unique UNIQUE (code),
    CONSTRAINT buildings_code_required CHECK (length(trim(code)) > 0),
    CONSTRAINT buildings_name_required CHECK (length(trim(name)) > 0),
    CONSTRAINT buildings_floors_positive CHECK (floors >= 1),
    CONSTRAINT buildings_version_positive CHECK (version >= 1)
);

CREATE TABLE rooms (
    id {{ID}},
    building_id BIGINT NOT NULL REFERENCES buildings (id) ON DELETE RESTRICT,
    number VARCHAR(16) NOT NULL,
    floor INTEGER NOT NULL,
    type VARCHAR(16) NOT NULL,
    capacity INTEGER NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'available',
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    created_by VARCHAR(100) NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    updated_by VARCHAR(100) NOT NULL,
    CONSTRAINT rooms_number_unique UNIQUE (building_id, number),
    CONSTRAINT rooms_number_required CHECK (length(trim(number)) > 0),
    CONSTRAINT rooms_floor_valid CHECK (floor >= 0),
    CONSTRAINT rooms_type_valid CHECK (type IN ('single', 'double', 'triple', 'suite', 'studio')),
    CONSTRAINT rooms_capacity_positive CHECK (capacity >= 1),
    CONSTRAINT rooms_status_valid CHECK (status IN ('available', 'maintenance', 'out_of_service')),
    CONSTRAINT rooms_version_positive CHECK (version >= 1)
);

CREATE INDEX rooms_building_idx ON rooms (building_id);

CREATE TABLE residents (
    id {{ID}},
    student_id VARCHAR(32) NOT NULL,
    first_name VARCHAR(100) NOT NULL,
    last_name VARCHAR(100) NOT NULL,
    email VARCHAR(254) NOT NULL,
    phone VARCHAR(40) NOT NULL DEFAULT '',
    status VARCHAR(16) NOT NULL DEFAULT 'active',
    version INTEGER NOT NULL DEFAULT 1,
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    created_by VARCHAR(100) NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    updated_by VARCHAR(100) NOT NULL,
    CONSTRAINT residents_student_id_unique UNIQUE (student_id),
    CONSTRAINT residents_student_id_required CHECK (length(trim(student_id)) > 0),
    CONSTRAINT residents_first_name_required CHECK (length(trim(first_name)) > 0),
    CONSTRAINT residents_last_name_required CHECK (length(trim(last_name)) > 0),
    CONSTRAINT residents_email_valid CHECK (email LIKE '_%@_%._%' AND email NOT LIKE '% %'),
    CONSTRAINT residents_status_valid CHECK (status IN ('active', 'inactive', 'graduated')),
    CONSTRAINT residents_version_positive CHECK (version >= 1)
);

CREATE INDEX residents_last_name_idx ON residents (last_name, id);
CREATE INDEX residents_first_name_idx ON residents (first_name, id);
CREATE INDEX residents_email_idx ON residents (email, id);
CREATE INDEX residents_status_idx ON residents (status, id);
