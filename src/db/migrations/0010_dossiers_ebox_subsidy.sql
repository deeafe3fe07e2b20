CREATE TABLE "dossier_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"insz" char(11) NOT NULL,
	"kind" text NOT NULL,
	"subtype" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"status" text DEFAULT 'running' NOT NULL,
	"predecessor_id" uuid,
	"merger_id" integer,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stopped_by" text,
	"stopped_at" timestamp with time zone,
	CONSTRAINT "dossier_forms_kind" CHECK ("dossier_forms"."kind" in ('integration', 'a036')),
	CONSTRAINT "dossier_forms_status" CHECK ("dossier_forms"."status" in ('running', 'stopped')),
	CONSTRAINT "dossier_forms_period" CHECK ("dossier_forms"."end_date" is null or "dossier_forms"."end_date" >= "dossier_forms"."start_date")
);
--> statement-breakpoint
CREATE TABLE "dossier_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"handled_by_vendor" boolean DEFAULT false NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ebox_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sender_organisation_id" uuid,
	"sender_name" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"message_type" text NOT NULL,
	"is_rsz" boolean DEFAULT false NOT NULL,
	"document_date" date NOT NULL,
	"body" text NOT NULL,
	"attachment_name" text,
	"attachment_mime" text,
	"attachment" "bytea",
	"attachment_sha256" text,
	"attachment_size" integer,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" text,
	"visible" boolean DEFAULT true NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_by" text
);
--> statement-breakpoint
CREATE TABLE "ebox_notifications" (
	"organisation_id" uuid NOT NULL,
	"night" date NOT NULL,
	"mail_id" uuid,
	"documents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ebox_notifications_organisation_id_night_pk" PRIMARY KEY("organisation_id","night")
);
--> statement-breakpoint
CREATE TABLE "subsidy_report_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"subsidy_type" text NOT NULL,
	"amount_granted_cents" bigint NOT NULL,
	"amount_used_cents" bigint NOT NULL,
	"justification" text NOT NULL,
	CONSTRAINT "subsidy_report_lines_amounts" CHECK ("subsidy_report_lines"."amount_granted_cents" >= 0 and "subsidy_report_lines"."amount_used_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "subsidy_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	CONSTRAINT "subsidy_reports_status" CHECK ("subsidy_reports"."status" in ('draft', 'submitted'))
);
--> statement-breakpoint
ALTER TABLE "dossier_forms" ADD CONSTRAINT "dossier_forms_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_forms" ADD CONSTRAINT "dossier_forms_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_settings" ADD CONSTRAINT "dossier_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ebox_documents" ADD CONSTRAINT "ebox_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ebox_documents" ADD CONSTRAINT "ebox_documents_sender_organisation_id_organisations_id_fk" FOREIGN KEY ("sender_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ebox_notifications" ADD CONSTRAINT "ebox_notifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_report_lines" ADD CONSTRAINT "subsidy_report_lines_report_id_subsidy_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."subsidy_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_reports" ADD CONSTRAINT "subsidy_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_forms_person" ON "dossier_forms" USING btree ("organisation_id","insz","kind");--> statement-breakpoint
CREATE INDEX "dossier_forms_running" ON "dossier_forms" USING btree ("organisation_id") WHERE "dossier_forms"."status" = 'running';--> statement-breakpoint
CREATE INDEX "dossier_forms_dossier" ON "dossier_forms" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "ebox_documents_org" ON "ebox_documents" USING btree ("organisation_id","received_at");--> statement-breakpoint
CREATE INDEX "ebox_documents_unread" ON "ebox_documents" USING btree ("organisation_id") WHERE "ebox_documents"."read_at" is null and "ebox_documents"."visible";--> statement-breakpoint
CREATE INDEX "subsidy_report_lines_report" ON "subsidy_report_lines" USING btree ("report_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_reports_org_year" ON "subsidy_reports" USING btree ("organisation_id","year");