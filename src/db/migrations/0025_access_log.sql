-- Issue 24: the access log. Every read of a citizen's data (a help request's detail, a dossier and
-- its forms, an e-Box document, a mutation, a person looked up by INSZ, an export holding persons,
-- the vendor API's and the CLI's reads) leaves one row: who, when, what, which INSZ, which channel.
-- Append-only like the audit log: UPDATE and TRUNCATE are always refused; DELETE only inside the
-- retention purge, which sets ocmw.retention_purge = 'on' for its own transaction (SET LOCAL).
-- `at` is wall time (when it happened); `business_date` is the business clock's date then, so a
-- retention period is counted in the same days as everything else the portal decides.
CREATE TABLE "access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"business_date" date NOT NULL,
	"organisation_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text,
	"actor_account" text,
	"channel" text NOT NULL,
	"action" text NOT NULL,
	"object_kind" text NOT NULL,
	"object_id" text,
	"insz" char(11),
	CONSTRAINT "access_log_channel_check" CHECK ("access_log"."channel" in ('portal', 'vendor-api', 'institution-api', 'cli', 'sftp')),
	CONSTRAINT "access_log_actor_check" CHECK ("access_log"."actor_user_id" is not null or "access_log"."actor_account" is not null or "access_log"."channel" = 'cli')
);
--> statement-breakpoint
CREATE INDEX "access_log_org_insz_at" ON "access_log" USING btree ("organisation_id","insz","at");--> statement-breakpoint
CREATE INDEX "access_log_org_at" ON "access_log" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE INDEX "access_log_org_actor_at" ON "access_log" USING btree ("organisation_id","actor_user_id","at");--> statement-breakpoint
CREATE INDEX "access_log_business_date" ON "access_log" USING btree ("business_date");--> statement-breakpoint
CREATE FUNCTION access_log_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND coalesce(current_setting('ocmw.retention_purge', true), '') = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'access_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER access_log_no_update_or_delete
  BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_append_only();--> statement-breakpoint
CREATE TRIGGER access_log_no_truncate
  BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
