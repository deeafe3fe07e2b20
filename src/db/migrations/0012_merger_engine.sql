CREATE TABLE "merger_checklist_ticks" (
	"merger_id" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"item" text NOT NULL,
	"ticked_by" text NOT NULL,
	"ticked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "merger_checklist_ticks_merger_id_organisation_id_item_pk" PRIMARY KEY("merger_id","organisation_id","item")
);
--> statement-breakpoint
CREATE TABLE "merger_journal" (
	"run_id" integer NOT NULL,
	"step" smallint NOT NULL,
	"table_name" text NOT NULL,
	"op" text NOT NULL,
	"row_id" uuid,
	"key" jsonb,
	"before" jsonb,
	CONSTRAINT "merger_journal_op" CHECK ("merger_journal"."op" in ('insert', 'update', 'delete', 'restore'))
);
--> statement-breakpoint
CREATE TABLE "merger_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"merger_id" integer NOT NULL,
	"kind" text NOT NULL,
	"actor" text NOT NULL,
	"business_date" date NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"changes" integer DEFAULT 0 NOT NULL,
	"summary" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"undoes_run_id" integer,
	CONSTRAINT "merger_runs_kind" CHECK ("merger_runs"."kind" in ('run', 'undo'))
);
--> statement-breakpoint
ALTER TABLE "mergers" ADD COLUMN "htb_deadline" date;--> statement-breakpoint
ALTER TABLE "mergers" ADD COLUMN "status" text DEFAULT 'planned' NOT NULL;--> statement-breakpoint
ALTER TABLE "mergers" ADD COLUMN "scheduled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "mergers" ADD COLUMN "applied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mergers" ADD COLUMN "applied_by" text;--> statement-breakpoint
ALTER TABLE "mergers" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "merger_checklist_ticks" ADD CONSTRAINT "merger_checklist_ticks_merger_id_mergers_id_fk" FOREIGN KEY ("merger_id") REFERENCES "public"."mergers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merger_checklist_ticks" ADD CONSTRAINT "merger_checklist_ticks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merger_runs" ADD CONSTRAINT "merger_runs_merger_id_mergers_id_fk" FOREIGN KEY ("merger_id") REFERENCES "public"."mergers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "merger_journal_run" ON "merger_journal" USING btree ("run_id","step");--> statement-breakpoint
CREATE INDEX "merger_runs_merger" ON "merger_runs" USING btree ("merger_id","id");--> statement-breakpoint
ALTER TABLE "mergers" ADD CONSTRAINT "mergers_status" CHECK ("mergers"."status" in ('planned', 'applied'));--> statement-breakpoint
-- R1.6: the HTB deadline of the existing mergers (2024-11-15 for those of 2025-01-01).
UPDATE "mergers" SET "htb_deadline" = "effective_date" - 47 WHERE "htb_deadline" IS NULL;
