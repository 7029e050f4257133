-- People: the profile of each login (its full name signs finalized reports). On
-- PostgreSQL a login is a PostgreSQL role of the same name (0011_security.postgresql.sql);
-- on the embedded SQLite file there is one person, the operating-system account.
CREATE TABLE people (
    login VARCHAR(100) NOT NULL PRIMARY KEY,
    full_name VARCHAR(200) NOT NULL DEFAULT '',
    title VARCHAR(100) NOT NULL DEFAULT '',
    email VARCHAR(254) NOT NULL DEFAULT '',
    created_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    updated_at {{TIMESTAMP}} NOT NULL DEFAULT {{NOW}},
    CONSTRAINT people_login_required CHECK (length(trim(login)) > 0)
);
