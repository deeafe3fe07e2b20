-- Issue 20: every change to the help requests or their history is announced on the channel
-- `ocmw_help_requests` (LISTEN/NOTIFY), once per statement; PostgreSQL sends it at commit, and
-- folds a transaction's announcements into one. The vendor list answers a poll 304 from
-- memory while nothing was announced since its tag was made, on every instance (src/db/notify.ts).
CREATE FUNCTION help_requests_announce_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('ocmw_help_requests', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER help_requests_changed
  AFTER INSERT OR UPDATE OR DELETE ON help_requests
  FOR EACH STATEMENT EXECUTE FUNCTION help_requests_announce_change();--> statement-breakpoint
CREATE TRIGGER help_request_events_changed
  AFTER INSERT OR UPDATE OR DELETE ON help_request_events
  FOR EACH STATEMENT EXECUTE FUNCTION help_requests_announce_change();
