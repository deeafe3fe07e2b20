-- Issue 24 (review): two changes to the privacy module's tables.
-- 1. A mutation file downloaded over HTTPS with the channel account was recorded under the channel
--    `sftp`; it gets its own channel `file-https`.
-- 2. The register of a citizen's requests: the privacy officer's own history of exports and
--    erasures, with the officer's free-text reason. The reason used to go to the audit log, which the
--    organisation's managers read; here only the privacy officer of the organisation reads it. It
--    holds the INSZ, like the access log, and is purged with it (the kind `access-log`, 10 years).
ALTER TABLE "access_log" DROP CONSTRAINT "access_log_channel_check";--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_channel_check" CHECK ("access_log"."channel" in ('portal', 'vendor-api', 'institution-api', 'cli', 'sftp', 'file-https'));--> statement-breakpoint
CREATE TABLE "subject_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"insz" char(11) NOT NULL,
	"reason" text,
	"officer_user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"business_date" date NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "subject_requests_kind_check" CHECK ("subject_requests"."kind" in ('export', 'erasure')),
	CONSTRAINT "subject_requests_reason_check" CHECK ("subject_requests"."kind" <> 'erasure' or "subject_requests"."reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subject_requests_org_id" ON "subject_requests" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "subject_requests_business_date" ON "subject_requests" USING btree ("business_date");
--> statement-breakpoint
-- 3. The access log's purge as a function that runs with its owner's rights (SECURITY DEFINER): the
--    retention purge calls it instead of deleting itself, so an operator can run the portal under a
--    role that may only SELECT and INSERT on access_log (docs/DEPLOYMENT.md, "The access log is
--    append-only"). It opens the append-only trigger for its own statement only (set_config local
--    to the transaction, reset after), deletes at most max_rows (and never more than 10,000) entries
--    older than the cut-off (a business date), and returns how many. Whatever cut-off it is given,
--    it never deletes an entry written less than 3,650 days ago (`at`, the database's own clock at
--    the insert): the access log's minimum period (src/modules/privacy/retention-rules.ts), so a
--    portal role that is taken over cannot empty the log through it.
CREATE FUNCTION access_log_purge(cutoff date, max_rows integer) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  removed integer;
BEGIN
  PERFORM set_config('ocmw.retention_purge', 'on', true);
  WITH gone AS (
    DELETE FROM access_log WHERE id IN (
      SELECT id FROM access_log WHERE business_date < cutoff AND at < now() - interval '3650 days' LIMIT least(max_rows, 10000)
    ) RETURNING 1
  )
  SELECT count(*)::integer INTO removed FROM gone;
  PERFORM set_config('ocmw.retention_purge', 'off', true);
  RETURN removed;
END;
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION access_log_purge(date, integer) FROM PUBLIC;
