-- Issue 24 (part B): how long each kind of personal data is kept, and the daily purge.
-- retention_settings holds the operator's changes only (`ocmw privacy retention set KIND DAYS`);
-- a kind without a row keeps its default (src/modules/privacy/retention-rules.ts, with its reason).
CREATE TABLE "retention_settings" (
	"kind" text PRIMARY KEY NOT NULL,
	"days" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_settings_days" CHECK ("retention_settings"."days" >= 0 and "retention_settings"."days" <= 36525)
);
--> statement-breakpoint
-- One row per purge: the daily job claims its business date with the partial unique index (one
-- job run per day across instances); the CLI may run again at any time (the purge is idempotent).
CREATE TABLE "retention_purge_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"business_date" date NOT NULL,
	"trigger" text NOT NULL,
	"instance" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "retention_purge_runs_trigger" CHECK ("retention_purge_runs"."trigger" in ('job', 'cli'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "retention_purge_runs_one_job_per_day" ON "retention_purge_runs" USING btree ("business_date") WHERE "retention_purge_runs"."trigger" = 'job';--> statement-breakpoint
-- A help request past its retention keeps its reference, OCMW, dates, kinds, postcode and NIS
-- (counts and statistics) and loses the person: name, INSZ, contact data and free text.
ALTER TABLE "help_requests" ADD COLUMN "pseudonymised_at" timestamp with time zone;
