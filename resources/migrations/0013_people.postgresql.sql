-- People: administrators add, change and disable the login roles of the people who use
-- Residesk, through the functions below and nothing else (residesk users …, the
-- window's Users page). They run as residesk_owner (SECURITY DEFINER; the owner may
-- create roles), so no person needs CREATEROLE; each one checks what it is given.
--
--  - A login is lowercase letters, digits and underscores, starting with a letter, at
--    most 63 characters, not pg_… or residesk_… (PostgreSQL's and our own names). It is
--    put into DDL only through format('%I').
--  - A password reaches the server only as a SCRAM-SHA-256 verifier that the client
--    computed (libpq's PQencryptPasswordConn): never the password itself, so neither a
--    statement log nor pg_stat_activity ever holds it. Anything else is refused.
--  - A person is a login role that is a direct member of exactly one of the groups
--    residesk_admin, residesk_housing, residesk_vet, residesk_worker. These functions
--    change only people: never another role of the server.
--  - The worker group is made a member of every person who is not a worker, so a
--    worker may run a person's job as that person (SET ROLE; see 0011).
--  - Disabling takes the LOGIN attribute away; sessions already open run on until they
--    end (terminating them needs pg_signal_backend, which the owner does not hold).
-- Only residesk_admin may execute them, except residesk_set_own_password, which any
-- person may call for their own login (session_user).

CREATE FUNCTION residesk_check_login(p_login text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9_]{0,62}$' THEN
        RAISE EXCEPTION 'invalid login name: lowercase letters, digits and underscores, starting with a letter, at most 63 characters'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF left(p_login, 3) = 'pg_' OR left(p_login, 9) = 'residesk_' THEN
        RAISE EXCEPTION 'invalid login name: names starting with pg_ or residesk_ are reserved'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;

-- The group role of a Residesk role name (admin, housing, vet, worker).
CREATE FUNCTION residesk_group_of(p_role text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF p_role IS NULL OR p_role NOT IN ('admin', 'housing', 'vet', 'worker') THEN
        RAISE EXCEPTION 'invalid role: one of admin, housing, vet, worker'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN 'residesk_' || p_role;
END
$$;

CREATE FUNCTION residesk_check_verifier(p_verifier text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF p_verifier IS NULL OR left(p_verifier, 14) <> 'SCRAM-SHA-256$' THEN
        RAISE EXCEPTION 'a password is accepted only as a SCRAM-SHA-256 verifier computed by the client'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;

-- The role (admin, housing, vet, worker) of a login, or NULL when it is not a person.
CREATE FUNCTION residesk_role_of(p_login text) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT substr(g.rolname, 10)
    FROM pg_auth_members m
    JOIN pg_roles r ON r.oid = m.member
    JOIN pg_roles g ON g.oid = m.roleid
    WHERE r.rolname = p_login
      AND g.rolname IN ('residesk_admin', 'residesk_housing', 'residesk_vet', 'residesk_worker')
      AND NOT r.rolsuper
    ORDER BY g.rolname
    LIMIT 1
$$;

CREATE FUNCTION residesk_require_person(p_login text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_role text;
BEGIN
    PERFORM residesk_check_login(p_login);
    v_role := residesk_role_of(p_login);
    IF v_role IS NULL THEN
        RAISE EXCEPTION 'no such person: %', p_login USING ERRCODE = 'undefined_object';
    END IF;
    RETURN v_role;
END
$$;

CREATE FUNCTION residesk_save_profile(p_login text, p_full_name text, p_title text, p_email text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF p_full_name IS NULL OR length(trim(p_full_name)) = 0 THEN
        RAISE EXCEPTION 'a person needs a full name' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO people (login, full_name, title, email)
    VALUES (p_login, trim(p_full_name), trim(coalesce(p_title, '')), trim(coalesce(p_email, '')))
    ON CONFLICT (login) DO UPDATE
        SET full_name = EXCLUDED.full_name, title = EXCLUDED.title, email = EXCLUDED.email, updated_at = now();
END
$$;

-- Makes `p_group` the only Residesk group of `p_login` (the worker group's membership in
-- the person follows: a worker is not run as, everybody else is).
CREATE FUNCTION residesk_put_in_group(p_login text, p_group text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    g text;
BEGIN
    FOREACH g IN ARRAY ARRAY['residesk_admin', 'residesk_housing', 'residesk_vet', 'residesk_worker'] LOOP
        IF g <> p_group AND EXISTS (SELECT 1 FROM pg_auth_members m
                                    JOIN pg_roles r ON r.oid = m.member JOIN pg_roles gr ON gr.oid = m.roleid
                                    WHERE r.rolname = p_login AND gr.rolname = g) THEN
            EXECUTE format('REVOKE %I FROM %I', g, p_login);
        END IF;
    END LOOP;
    -- A worker who is run as (or a person about to become a worker) must not form a cycle.
    IF p_group = 'residesk_worker' AND EXISTS (SELECT 1 FROM pg_auth_members m
                                               JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles w ON w.oid = m.member
                                               WHERE r.rolname = p_login AND w.rolname = 'residesk_worker') THEN
        EXECUTE format('REVOKE %I FROM residesk_worker', p_login);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members m
                   JOIN pg_roles r ON r.oid = m.member JOIN pg_roles gr ON gr.oid = m.roleid
                   WHERE r.rolname = p_login AND gr.rolname = p_group) THEN
        EXECUTE format('GRANT %I TO %I', p_group, p_login);
    END IF;
    IF p_group <> 'residesk_worker' AND NOT EXISTS (SELECT 1 FROM pg_auth_members m
                                                    JOIN pg_roles r ON r.oid = m.roleid
                                                    JOIN pg_roles w ON w.oid = m.member
                                                    WHERE r.rolname = p_login AND w.rolname = 'residesk_worker') THEN
        EXECUTE format('GRANT %I TO residesk_worker', p_login);
    END IF;
END
$$;

CREATE FUNCTION residesk_add_person(p_login text, p_role text, p_verifier text, p_full_name text,
                                    p_title text, p_email text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    grp text;
BEGIN
    PERFORM residesk_check_login(p_login);
    grp := residesk_group_of(p_role);
    PERFORM residesk_check_verifier(p_verifier);
    IF p_full_name IS NULL OR length(trim(p_full_name)) = 0 THEN
        RAISE EXCEPTION 'a person needs a full name' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        RAISE EXCEPTION 'a role named % exists already', p_login USING ERRCODE = 'duplicate_object';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD %L',
                   p_login, p_verifier);
    PERFORM residesk_put_in_group(p_login, grp);
    PERFORM residesk_save_profile(p_login, p_full_name, p_title, p_email);
END
$$;

CREATE FUNCTION residesk_update_person(p_login text, p_full_name text, p_title text, p_email text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    PERFORM residesk_require_person(p_login);
    PERFORM residesk_save_profile(p_login, p_full_name, p_title, p_email);
END
$$;

CREATE FUNCTION residesk_set_person_role(p_login text, p_role text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    grp text;
BEGIN
    PERFORM residesk_require_person(p_login);
    grp := residesk_group_of(p_role);
    PERFORM residesk_put_in_group(p_login, grp);
END
$$;

CREATE FUNCTION residesk_disable_person(p_login text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    PERFORM residesk_require_person(p_login);
    IF p_login = session_user THEN
        RAISE EXCEPTION 'you cannot disable your own login' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
END
$$;

CREATE FUNCTION residesk_set_person_password(p_login text, p_verifier text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    PERFORM residesk_require_person(p_login);
    PERFORM residesk_check_verifier(p_verifier);
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
END
$$;

CREATE FUNCTION residesk_set_own_password(p_verifier text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    -- session_user: the login that signed in, whatever role it has set since.
    PERFORM residesk_require_person(session_user);
    PERFORM residesk_check_verifier(p_verifier);
    EXECUTE format('ALTER ROLE %I PASSWORD %L', session_user, p_verifier);
END
$$;

CREATE FUNCTION residesk_people()
    RETURNS TABLE (login text, full_name text, title text, email text, role text, can_login boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT r.rolname::text, coalesce(p.full_name, '')::text, coalesce(p.title, '')::text,
           coalesce(p.email, '')::text, residesk_role_of(r.rolname), r.rolcanlogin
    FROM pg_roles r
    LEFT JOIN people p ON p.login = r.rolname
    WHERE residesk_role_of(r.rolname) IS NOT NULL
    ORDER BY r.rolname
$$;

DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['residesk_check_login(text)', 'residesk_group_of(text)', 'residesk_check_verifier(text)',
                             'residesk_role_of(text)', 'residesk_require_person(text)',
                             'residesk_save_profile(text, text, text, text)', 'residesk_put_in_group(text, text)',
                             'residesk_add_person(text, text, text, text, text, text)',
                             'residesk_update_person(text, text, text, text)',
                             'residesk_set_person_role(text, text)', 'residesk_disable_person(text)',
                             'residesk_set_person_password(text, text)', 'residesk_set_own_password(text)',
                             'residesk_people()'] LOOP
        EXECUTE 'REVOKE ALL ON FUNCTION ' || f || ' FROM PUBLIC';
    END LOOP;
END
$$;

GRANT EXECUTE ON FUNCTION residesk_add_person(text, text, text, text, text, text),
    residesk_update_person(text, text, text, text), residesk_set_person_role(text, text),
    residesk_disable_person(text), residesk_set_person_password(text, text), residesk_people()
    TO residesk_admin;
GRANT EXECUTE ON FUNCTION residesk_set_own_password(text)
    TO residesk_admin, residesk_housing, residesk_vet, residesk_worker;
