-- Issue 24 (review): the register of citizens' requests (subject_requests, migration 0028) is
-- append-only like the access log. It holds the INSZ with the officer's reason for an erasure — the
-- evidence of what the OCMW did with a citizen's request — and was deleted by the retention purge
-- through the portal role's own DELETE.
-- 1. A trigger refuses UPDATE, TRUNCATE and DELETE, except a DELETE inside the purge function below
--    (which sets ocmw.subject_requests_purge for its own statement only). A guard against bugs; run
--    the portal under a role with only SELECT and INSERT on the table to make it hold against the
--    process too (docs/DEPLOYMENT.md, "The access log is append-only").
CREATE FUNCTION subject_requests_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND coalesce(current_setting('ocmw.subject_requests_purge', true), '') = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'subject_requests is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER subject_requests_no_update_or_delete
  BEFORE UPDATE OR DELETE ON subject_requests
  FOR EACH ROW EXECUTE FUNCTION subject_requests_append_only();--> statement-breakpoint
CREATE TRIGGER subject_requests_no_truncate
  BEFORE TRUNCATE ON subject_requests
  FOR EACH STATEMENT EXECUTE FUNCTION subject_requests_append_only();--> statement-breakpoint
-- 2. The purge as a function that runs with its owner's rights (SECURITY DEFINER), the same floor as
--    access_log_purge (0028): at most max_rows (never more than 10,000) entries of a business date
--    before the cut-off, and never one written less than 3,650 days ago by the database's own clock
--    (`at`, set at the insert), whatever cut-off it is given; returns how many it removed.
CREATE FUNCTION subject_requests_purge(cutoff date, max_rows integer) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  removed integer;
BEGIN
  PERFORM set_config('ocmw.subject_requests_purge', 'on', true);
  WITH gone AS (
    DELETE FROM subject_requests WHERE id IN (
      SELECT id FROM subject_requests WHERE business_date < cutoff AND at < now() - interval '3650 days' LIMIT least(max_rows, 10000)
    ) RETURNING 1
  )
  SELECT count(*)::integer INTO removed FROM gone;
  PERFORM set_config('ocmw.subject_requests_purge', 'off', true);
  RETURN removed;
END;
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION subject_requests_purge(date, integer) FROM PUBLIC;
