-- Issue 15 (h15b): the corrections of SPEC §13 outside the cut-over.
-- R6.5′: the reminder delay counts from the day the request was filed (Brussels date of filed_at), not the receipt date.
ALTER TABLE "help_requests" ADD COLUMN "filed_on" date GENERATED ALWAYS AS (("filed_at" AT TIME ZONE 'Europe/Brussels')::date) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "help_requests_reminders" ON "help_requests" USING btree ("organisation_id","filed_on","reference") WHERE "help_requests"."read_at" is null and "help_requests"."decided_at" is null;
