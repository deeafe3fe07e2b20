-- Issue 23: the file channel over real SFTP. The SSH host key lives in the database (one row), so
-- every instance on one PostgreSQL presents the same key and fingerprint, and a backup of the
-- database restores it (PGlite keeps its database in the data folder: the same place).
CREATE TABLE "sftp_host_keys" (
	"id" integer PRIMARY KEY NOT NULL,
	"private_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sftp_host_keys_one_row" CHECK ("sftp_host_keys"."id" = 1)
);
--> statement-breakpoint
-- Batch files an OCMW put in /in/, addressed to an institution, kept in the database once the
-- upload closed cleanly (nothing half-written ever lands here). The same bytes sent twice by one
-- OCMW to one institution are one row (the unique index answers "already received").
CREATE TABLE "channel_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" bytea NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fetched_at" timestamp with time zone,
	CONSTRAINT "channel_uploads_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
ALTER TABLE "channel_uploads" ADD CONSTRAINT "channel_uploads_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_uploads" ADD CONSTRAINT "channel_uploads_account_id_channel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."channel_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_uploads" ADD CONSTRAINT "channel_uploads_institution_id_organisations_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_uploads_same_file" ON "channel_uploads" USING btree ("organisation_id","institution_id","sha256");--> statement-breakpoint
CREATE INDEX "channel_uploads_institution" ON "channel_uploads" USING btree ("institution_id","received_at");--> statement-breakpoint
-- An e-Box publication can ask for delivery on the OCMW's file channel too (/ebox/).
ALTER TABLE "ebox_documents" ADD COLUMN "channel_delivery" boolean DEFAULT false NOT NULL;
