-- People, continued: disabling a person also ends the sessions they have open (a clerk
-- who leaves keeps no window connected), and an administrator can let a disabled
-- person sign in again.
--
-- Ending another login's session takes pg_signal_backend, granted here to the owner
-- by whoever migrates (a superuser), as 0012 grants it CREATE on the schema. The owner
-- uses it only inside residesk_disable_person, on the sessions of that one person
-- (who must be a person: residesk_require_person); PostgreSQL itself never lets it
-- signal a superuser's session.

RESET ROLE;
GRANT pg_signal_backend TO residesk_owner;
SET LOCAL ROLE residesk_owner;

CREATE OR REPLACE FUNCTION residesk_disable_person(p_login text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    PERFORM residesk_require_person(p_login);
    IF p_login = session_user THEN
        RAISE EXCEPTION 'you cannot disable your own login' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
    -- Their open sessions end now, each waited for (at most 5 s): when this returns,
    -- the person holds no connection. The own session is never among them (above).
    PERFORM pg_terminate_backend(a.pid, 5000)
    FROM pg_stat_activity a
    WHERE a.usename = p_login AND a.pid <> pg_backend_pid();
END
$$;

CREATE FUNCTION residesk_enable_person(p_login text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    PERFORM residesk_require_person(p_login);
    EXECUTE format('ALTER ROLE %I LOGIN', p_login);
END
$$;

REVOKE ALL ON FUNCTION residesk_enable_person(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION residesk_enable_person(text) TO residesk_admin;
