-- A job's creator is kept for good: on an update the trigger only has work when the
-- statement names created_by. Claims, heartbeats and completions (thousands a second)
-- no longer run a PL/pgSQL function per row.
DROP TRIGGER jobs_stamp_creator ON jobs;
CREATE TRIGGER jobs_stamp_creator BEFORE INSERT OR UPDATE OF created_by ON jobs
    FOR EACH ROW EXECUTE FUNCTION residesk_stamp_creator();
