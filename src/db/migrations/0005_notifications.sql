CREATE TABLE "certificate_expiry_notices" (
	"certificate_id" uuid NOT NULL,
	"threshold_days" integer NOT NULL,
	"sent_on" date NOT NULL,
	"mail_id" uuid,
	CONSTRAINT "certificate_expiry_notices_certificate_id_threshold_days_pk" PRIMARY KEY("certificate_id","threshold_days")
);
--> statement-breakpoint
CREATE TABLE "mails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mails_status_check" CHECK ("mails"."status" in ('queued', 'sent', 'failed', 'outbox'))
);
--> statement-breakpoint
ALTER TABLE "certificate_expiry_notices" ADD CONSTRAINT "certificate_expiry_notices_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mails_created" ON "mails" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "mails_org" ON "mails" USING btree ("organisation_id","created_at");