-- Waitlists and deposits on PostgreSQL: grants, the job kinds, who wrote a row, the
-- audit trail, deposits waived by administrators only, and notifications to the
-- housing staff. Runs as residesk_owner, who thus owns every object made here.

-- Housing staff and administrators write; the workers run their jobs; vets see nothing.
GRANT SELECT, INSERT, UPDATE, DELETE ON waitlist_entries, waitlist_offers, allocation_deposits
    TO residesk_housing, residesk_admin, residesk_worker;

INSERT INTO job_kind_roles (kind, role) VALUES
    ('waitlist.offer', 'residesk_housing'),
    ('waitlist.offer', 'residesk_admin'),
    ('waitlist.offer', 'residesk_worker'),
    ('waitlist.expire', 'residesk_housing'),
    ('waitlist.expire', 'residesk_admin'),
    ('waitlist.expire', 'residesk_worker');

DO $$
DECLARE
    t text[];
BEGIN
    FOREACH t SLICE 1 IN ARRAY ARRAY[['waitlist_entries', 'waitlist_entry'], ['waitlist_offers', 'waitlist_offer'],
                                     ['allocation_deposits', 'deposit']] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON public.%I '
                       'FOR EACH ROW EXECUTE FUNCTION residesk_stamp_people()', t[1] || '_stamp_people', t[1]);
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON public.%I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION residesk_audit(%L)', t[1] || '_audit_insert', t[1], t[2]);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON public.%I '
                       'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION residesk_audit(%L)', t[1] || '_audit_update', t[1], t[2]);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON public.%I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION residesk_audit(%L)', t[1] || '_audit_delete', t[1], t[2]);
    END LOOP;
END
$$;

-- Only administrators waive a deposit, or take a waiver back (a worker running an
-- administrator's job acts as that administrator).
CREATE FUNCTION residesk_deposit_waiver() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF (NEW.state = 'waived' AND (TG_OP = 'INSERT' OR OLD.state <> 'waived')
        OR TG_OP = 'UPDATE' AND OLD.state = 'waived' AND NEW.state <> 'waived')
       AND NOT pg_has_role(current_user, 'residesk_admin', 'USAGE') THEN
        RAISE EXCEPTION 'permission denied: only administrators waive a deposit'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER allocation_deposits_waiver BEFORE INSERT OR UPDATE ON allocation_deposits
    FOR EACH ROW EXECUTE FUNCTION residesk_deposit_waiver();

-- An offer is news for every housing clerk, whoever made it: a person may leave
-- notifications only for themselves (0011), so this one function leaves an
-- "attention" notification about a waitlist offer for each login of the housing group
-- and returns their names (for the clients' notification events).
CREATE POLICY notifications_housing_news ON notifications FOR INSERT TO residesk_owner
    WITH CHECK (kind = 'attention' AND link LIKE 'waitlist-offer:%');

CREATE FUNCTION residesk_notify_housing(p_title text, p_body text, p_link text, p_at bigint)
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
        INSERT INTO notifications (username, kind, title, body, link, created_at)
        VALUES (v_login, 'attention', left(coalesce(p_title, ''), 300), left(coalesce(p_body, ''), 2000), p_link, p_at);
        RETURN NEXT v_login;
    END LOOP;
END
$$;

REVOKE ALL ON FUNCTION residesk_deposit_waiver() FROM PUBLIC;
REVOKE ALL ON FUNCTION residesk_notify_housing(text, text, text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION residesk_notify_housing(text, text, text, bigint)
    TO residesk_housing, residesk_admin, residesk_worker;
