-- The functions that leave notifications for the housing staff (0014, 0015) store the
-- title and body as messages too (tasks/storedtext.h): each clerk reads them in their
-- own language. The message parameters are optional; a call without them stores the
-- text alone, as before. Runs as residesk_owner, who owns both functions.

DROP FUNCTION residesk_notify_housing_staff(text, text, text, text, bigint);
CREATE FUNCTION residesk_notify_housing_staff(p_kind text, p_title text, p_body text, p_link text,
                                              p_created_at bigint, p_title_msg text DEFAULT NULL,
                                              p_body_msg text DEFAULT NULL)
    RETURNS SETOF text
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF p_kind NOT IN ('attention', 'job_succeeded') THEN
        RAISE EXCEPTION 'unknown notification kind %', p_kind USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN QUERY
    SELECT r.rolname::text FROM pg_roles r
    WHERE r.rolcanlogin AND NOT r.rolsuper
      AND (pg_has_role(r.oid, 'residesk_housing', 'USAGE') OR pg_has_role(r.oid, 'residesk_admin', 'USAGE'))
    ORDER BY r.rolname;
    INSERT INTO notifications (username, kind, title, body, link, created_at, title_msg, body_msg)
    SELECT r.rolname, p_kind, left(p_title, 300), COALESCE(p_body, ''), left(COALESCE(p_link, ''), 500),
           p_created_at, p_title_msg, p_body_msg
    FROM pg_roles r
    WHERE r.rolcanlogin AND NOT r.rolsuper
      AND (pg_has_role(r.oid, 'residesk_housing', 'USAGE') OR pg_has_role(r.oid, 'residesk_admin', 'USAGE'));
END
$$;
REVOKE ALL ON FUNCTION residesk_notify_housing_staff(text, text, text, text, bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION residesk_notify_housing_staff(text, text, text, text, bigint, text, text)
    TO residesk_admin, residesk_housing, residesk_worker;

DROP FUNCTION residesk_notify_housing(text, text, text, bigint);
CREATE FUNCTION residesk_notify_housing(p_title text, p_body text, p_link text, p_at bigint,
                                        p_title_msg text DEFAULT NULL, p_body_msg text DEFAULT NULL)
    RETURNS SETOF text
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_login text;
BEGIN
    IF p_link IS NULL OR p_link !~ '^waitlist-offer:[0-9]{1,18}$' THEN
        RAISE EXCEPTION 'a housing notification links to a waitlist offer' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR v_login IN
        SELECT r.rolname FROM pg_auth_members m
        JOIN pg_roles g ON g.oid = m.roleid
        JOIN pg_roles r ON r.oid = m.member
        WHERE g.rolname = 'residesk_housing' AND r.rolcanlogin AND NOT r.rolsuper
        ORDER BY r.rolname
    LOOP
        INSERT INTO notifications (username, kind, title, body, link, created_at, title_msg, body_msg)
        VALUES (v_login, 'attention', left(coalesce(p_title, ''), 300), left(coalesce(p_body, ''), 2000), p_link,
                p_at, p_title_msg, p_body_msg);
        RETURN NEXT v_login;
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION residesk_notify_housing(text, text, text, bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION residesk_notify_housing(text, text, text, bigint, text, text)
    TO residesk_housing, residesk_admin, residesk_worker;
